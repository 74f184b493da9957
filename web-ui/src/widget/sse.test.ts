import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse';

describe('createSseParser', () => {
  it('reads events split anywhere across chunks, with any line end, skipping comments', () => {
    const events: SseEvent[] = [];
    const feed = createSseParser((e) => events.push(e));
    feed('event: mess');
    feed('age\r\nid: 1\r');
    feed('\ndata: {"a":');
    feed('1}\r\n\r\n: keep-alive\n\n');
    feed('event:typing\ndata:{"active":true}\n\ndata: a\ndata: b\n\n');
    expect(events).toEqual([
      { event: 'message', data: '{"a":1}', id: '1' },
      { event: 'typing', data: '{"active":true}', id: '1' },
      { event: 'message', data: 'a\nb', id: '1' },
    ]);
  });

  it('dispatches nothing for an event without data or not yet ended by a blank line', () => {
    const events: SseEvent[] = [];
    const feed = createSseParser((e) => events.push(e));
    feed('event: typing\n\n');
    feed('data: half');
    expect(events).toEqual([]);
    feed('\n\n');
    expect(events).toHaveLength(1);
  });
});
