import { MAX_TEXT } from './api';
import type { ChatController, ChatState, ShownMessage } from './chat';
import { WIDGET_CSS } from './styles';
import type { WidgetTexts } from './texts';

/**
 * The widget's DOM inside a shadow root: a floating button and the chat panel (a non-modal dialog).
 * Focus moves to the message box on open and back to the button on close; Esc closes. Messages are
 * set as text, never as HTML.
 */

type Attrs = Record<string, string | boolean | undefined>;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  el.append(...children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}
const CHAT_ICON = 'M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z';
const CLOSE_ICON = 'M6 6l12 12M18 6L6 18';

export interface WidgetOptions {
  side?: 'left' | 'right';
  color?: string;
  lang?: string;
}

export interface MountedWidget {
  host: HTMLElement;
  root: ShadowRoot;
  unmount: () => void;
}

export function mountWidget(
  parent: HTMLElement,
  chat: ChatController,
  t: WidgetTexts,
  options: WidgetOptions = {},
): MountedWidget {
  const host = document.createElement('inmo-chat-widget');
  host.setAttribute('style', 'all:initial');
  const root = host.attachShadow({ mode: 'open' });
  const locale = options.lang?.startsWith('en') ? 'en-US' : 'es-CL';
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: locale === 'es-CL' ? 'h23' : 'h12' });

  const dot = h('span', { class: 'dot', hidden: true });
  const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false' }, icon(CHAT_ICON), dot);
  const title = h('h2');
  const sub = h('p', { class: 'sub' });
  const avatar = h('span', { class: 'avatar', 'aria-hidden': 'true' });
  const closeButton = h('button', { type: 'button', class: 'icon', 'aria-label': t.close }, icon(CLOSE_ICON));
  // names by aria-label, not by id references: ids inside a shadow root are not seen by every tool
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', tabindex: '0' });
  const input = h('textarea', { rows: '1', placeholder: t.placeholder, maxlength: String(MAX_TEXT), autocomplete: 'off', 'aria-label': t.inputLabel });
  const sendButton = h('button', { type: 'submit', class: 'send' }, t.send);
  const form = h('form', { novalidate: true }, input, sendButton);
  const panel = h(
    'div',
    { class: 'panel', id: 'inmo-panel', role: 'dialog', 'aria-modal': 'false' },
    h('header', {}, avatar, h('div', { class: 'who' }, title, sub), closeButton),
    log,
    form,
    h('p', { class: 'brand' }, t.poweredBy),
  );
  // a closed panel is out of the DOM (not merely hidden): nothing of it is found, focused or read
  const wrapper = h('div', { class: `root${options.side === 'left' ? ' left' : ''}` }, launcher);
  if (options.color && typeof CSS !== 'undefined' && CSS.supports?.('color', options.color)) {
    wrapper.style.setProperty('--inmo-c', options.color);
  }
  const style = h('style', {}, WIDGET_CSS);
  root.append(style, wrapper);
  parent.append(host);

  let wasOpen = false;
  let shownIds = '';

  const render = (s: ChatState): void => {
    launcher.setAttribute('aria-label', s.unread ? `${t.open(s.agentName)} (${t.unread})` : t.open(s.agentName));
    launcher.setAttribute('aria-expanded', String(s.open));
    if (s.open) launcher.setAttribute('aria-controls', 'inmo-panel');
    else launcher.removeAttribute('aria-controls');
    dot.hidden = !s.unread;
    const focusInside = root.activeElement !== null;
    if (s.open && !panel.isConnected) wrapper.prepend(panel);
    else if (!s.open && panel.isConnected) panel.remove();
    wrapper.classList.toggle('open', s.open);
    title.textContent = s.agentName;
    panel.setAttribute('aria-label', t.title(s.agentName));
    log.setAttribute('aria-label', t.title(s.agentName));
    avatar.textContent = s.agentName.charAt(0).toUpperCase();
    sub.textContent = s.typing ? t.typing(s.agentName) : t.subtitle;
    const usable = s.status === 'ready' || s.status === 'connecting' || s.status === 'idle';
    input.disabled = !usable;
    sendButton.disabled = !usable;
    renderLog(s);
    if (s.open && !wasOpen) {
      requestAnimationFrame(() => input.focus());
    } else if (!s.open && wasOpen && focusInside) {
      launcher.focus();
    }
    wasOpen = s.open;
  };

  const renderLog = (s: ChatState): void => {
    const key = `${s.status}|${s.typing}|${s.messages.map((m) => `${m.id}:${m.state}`).join(',')}`;
    if (key === shownIds) return;
    shownIds = key;
    const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 60;
    const nodes: Node[] = [];
    if (s.status === 'unavailable') nodes.push(h('p', { class: 'note error' }, t.unavailable));
    else if (s.status === 'error') {
      const retry = h('button', { type: 'button', class: 'retry' }, t.retry);
      retry.addEventListener('click', () => chat.retry());
      nodes.push(h('p', { class: 'note error', role: 'alert' }, t.connectError, ' ', retry));
    } else if (s.messages.length === 0) {
      nodes.push(h('p', { class: 'note' }, s.status === 'connecting' ? t.connecting : t.empty(s.agentName)));
    }
    for (const m of s.messages) nodes.push(bubble(m));
    if (s.typing) {
      nodes.push(h('p', { class: 'typing', 'aria-label': t.typing(s.agentName) }, h('i'), h('i'), h('i'), h('span', { 'aria-hidden': 'true' }, t.typing(s.agentName))));
    }
    log.replaceChildren(...nodes);
    if (nearBottom || s.messages.at(-1)?.from === 'visitor') log.scrollTop = log.scrollHeight;
  };

  const bubble = (m: ShownMessage): HTMLElement => {
    const when = new Date(m.at);
    const meta = h('span', { class: 'meta' }, Number.isNaN(when.getTime()) ? '' : time.format(when));
    const el = h('div', { class: `msg ${m.from} ${m.state}`, 'data-from': m.from }, h('span', { class: 'sr' }, m.from === 'visitor' ? `${t.you}: ` : `${chat.snapshot.agentName}: `), m.text, meta);
    if (m.state === 'failed') {
      const retry = h('button', { type: 'button', class: 'retry' }, t.retry);
      retry.addEventListener('click', () => void chat.resend(m.id));
      meta.replaceChildren(t.failed, ' ', retry);
    }
    return el;
  };

  const submit = (): void => {
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    autoGrow();
    void chat.send(text);
  };

  const autoGrow = (): void => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 2, 120)}px`;
  };

  launcher.addEventListener('click', () => (chat.snapshot.open ? chat.close() : chat.open()));
  closeButton.addEventListener('click', () => chat.close());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  input.addEventListener('input', autoGrow);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  });
  wrapper.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && chat.snapshot.open) {
      e.stopPropagation();
      chat.close();
    }
  });

  const unsubscribe = chat.subscribe(render);
  render(chat.snapshot);

  return {
    host,
    root,
    unmount: () => {
      unsubscribe();
      chat.dispose();
      host.remove();
    },
  };
}
