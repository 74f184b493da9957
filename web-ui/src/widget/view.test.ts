import { within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebChatApi } from './api';
import { ChatController } from './chat';
import { fakeWebChat } from './testing';
import { widgetTexts } from './texts';
import { mountWidget, type MountedWidget } from './view';

let mounted: MountedWidget | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

function mount(server = fakeWebChat(), lang = 'es') {
  const chat = new ChatController({ api: new WebChatApi('https://inmo.example.cl', 'demo', server.fetchImpl), slug: 'demo', storage: localStorage });
  mounted = mountWidget(document.body, chat, widgetTexts(lang), { lang });
  const shadow = within(mounted.root.querySelector<HTMLElement>('.root')!);
  return { chat, server, shadow, root: mounted.root };
}

describe('the widget', () => {
  it('is a labelled button in a shadow root that opens a chat panel with the focus in the message box', async () => {
    const user = userEvent.setup();
    const { shadow, root } = mount(fakeWebChat({ agentName: 'Tomás' }));
    expect(document.querySelector('inmo-chat-widget')?.shadowRoot).toBe(root);
    const button = shadow.getByRole('button', { name: 'Abrir el chat con Sofía' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.queryByRole('dialog')).toBeNull();

    await user.click(button);
    const panel = await shadow.findByRole('dialog', { name: 'Chat con Tomás' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await vi.waitFor(() => expect(root.activeElement).toBe(shadow.getByRole('textbox', { name: 'Escribe tu mensaje' })));
    await vi.waitFor(() => expect(within(panel).getByText('¡Hola! Soy Tomás. Cuéntame qué propiedad buscas y te ayudo.')).toBeTruthy());
  });

  it('closes with Esc and gives the focus back to the button', async () => {
    const user = userEvent.setup();
    const { shadow, root } = mount();
    await user.click(shadow.getByRole('button', { name: /Abrir el chat/ }));
    await vi.waitFor(() => expect(root.activeElement?.tagName).toBe('TEXTAREA'));
    await user.keyboard('{Escape}');
    expect(shadow.queryByRole('dialog')).toBeNull();
    expect(root.activeElement).toBe(shadow.getByRole('button', { name: /Abrir el chat/ }));
  });

  it('sends with Enter, shows the agent typing and its reply as text (never as HTML)', async () => {
    const user = userEvent.setup();
    const { shadow, server, root } = mount();
    await user.click(shadow.getByRole('button', { name: /Abrir el chat/ }));
    await vi.waitFor(() => expect(server.streams).toHaveLength(1));
    await user.type(shadow.getByRole('textbox', { name: 'Escribe tu mensaje' }), 'Hola, busco depto{Enter}');
    await vi.waitFor(() => expect(shadow.getByText('Hola, busco depto')).toBeTruthy());
    expect((shadow.getByRole('textbox', { name: 'Escribe tu mensaje' }) as HTMLTextAreaElement).value).toBe('');

    server.typing(true);
    await vi.waitFor(() => expect(shadow.getAllByText('Sofía está escribiendo…').length).toBeGreaterThan(0));
    server.message({ id: 'm2', from: 'agent', text: '<img src=x onerror=alert(1)> ¿Tu nombre?', at: '2026-12-04T15:04:00Z' });
    server.typing(false);
    await vi.waitFor(() => expect(shadow.getByText(/¿Tu nombre\?/)).toBeTruthy());
    expect(root.querySelector('img')).toBeNull();
    expect(shadow.queryAllByText('Sofía está escribiendo…')).toHaveLength(0);
  });

  it('offers a retry on a message that could not be sent', async () => {
    const user = userEvent.setup();
    const { shadow } = mount(fakeWebChat({ failSends: 1 }));
    await user.click(shadow.getByRole('button', { name: /Abrir el chat/ }));
    await user.type(shadow.getByRole('textbox', { name: 'Escribe tu mensaje' }), 'Hola{Enter}');
    await user.click(await shadow.findByRole('button', { name: 'Reintentar' }));
    await vi.waitFor(() => expect(shadow.queryByText('No se pudo enviar.')).toBeNull());
  });

  it('tells the visitor when the chat is not available, and speaks English when asked', async () => {
    const user = userEvent.setup();
    const { shadow } = mount(fakeWebChat({ unavailable: true }), 'en');
    await user.click(shadow.getByRole('button', { name: 'Open the chat with Sofía' }));
    expect(await shadow.findByText('The chat is not available right now. Please try again later.')).toBeTruthy();
    expect((shadow.getByRole('textbox', { name: 'Write your message' }) as HTMLTextAreaElement).disabled).toBe(true);
  });
});
