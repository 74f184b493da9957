/** One server-sent event (only what the web-chat stream uses). */
export interface SseEvent {
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * A minimal server-sent-events parser (WHATWG rules for `event`, `data`, `id` and comments; CR, LF
 * or CRLF line ends; chunks may split lines anywhere). Small on purpose: the widget ships alone.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  let pendingCr = false;

  const line = (text: string): void => {
    if (text === '') {
      if (data.length) onEvent({ event: event || 'message', data: data.join('\n'), id });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  };

  return (chunk) => {
    let text = chunk;
    // a CRLF split across chunks: the LF belongs to the CR already handled
    if (pendingCr && text.startsWith('\n')) text = text.slice(1);
    pendingCr = false;
    buffer += text;
    const parts = buffer.split(/\r\n|\r|\n/);
    buffer = parts.pop() ?? '';
    if (buffer === '' && /\r$/.test(text)) pendingCr = true;
    for (const part of parts) line(part);
  };
}
