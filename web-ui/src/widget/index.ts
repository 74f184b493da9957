import { WebChatApi } from './api';
import { ChatController } from './chat';
import { widgetTexts } from './texts';
import { mountWidget, type MountedWidget } from './view';

/**
 * Inmo's web-chat widget: the one tag a brokerage pastes into its website,
 *   <script src="https://inmo.example.cl/widget.js" data-broker="propiedades-andes" async></script>
 * Options on the tag: data-broker (the brokerage's slug, required), data-lang="en", data-side="left",
 * data-color="#0f766e", data-api (another Inmo address; defaults to where widget.js came from).
 * Built as a standalone IIFE (vite.widget.config.ts) without React.
 */

declare global {
  interface Window {
    InmoWidget?: MountedWidget;
  }
}

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.broker) return current;
  return document.querySelector<HTMLScriptElement>('script[data-broker][src*="widget"]');
}

function start(script: HTMLScriptElement): void {
  const slug = script.dataset.broker?.trim();
  if (!slug || window.InmoWidget) return;
  const base = script.dataset.api || new URL(script.src, location.href).origin;
  const lang = script.dataset.lang ?? 'es';
  const chat = new ChatController({ api: new WebChatApi(base, slug), slug });
  const side = script.dataset.side === 'left' ? 'left' : 'right';
  window.InmoWidget = mountWidget(document.body, chat, widgetTexts(lang), { side, color: script.dataset.color, lang });
}

const script = findScript();
if (script) {
  if (document.body) start(script);
  else document.addEventListener('DOMContentLoaded', () => start(script), { once: true });
} else {
  console.warn('Inmo widget: add data-broker="<slug>" to the widget.js script tag');
}
