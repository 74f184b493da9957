import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../../test/http';
import { renderPage, signInAs, testUsers } from '../../../test/render';
import type { ChatConfig, ChatConfigRequest } from '../api';
import ChannelsSettingsPage from './ChannelsSettingsPage';

const stored: ChatConfig = {
  enabledProviders: ['webchat', 'telegram'],
  defaultProvider: 'webchat',
  telegram: { botToken: '••••1234', webhookSecret: '••••9876' },
  whatsapp: { phoneNumberId: '105550001' },
  burstWindowSeconds: 2,
  takeoverIdleMinutes: 60,
  updatedAt: '2026-12-01T12:00:00Z',
};

const mask = (value: string | null | undefined, previous: string | undefined) =>
  value === null || value === '' ? undefined : value === undefined || value.startsWith('••••') ? previous : `••••${value.slice(-4)}`;

/** A server that keeps masked values and masks new ones, as CredentialChanges does. */
function server() {
  let current = stored;
  const answer = routeFetch((call: Call) => {
    if (call.url === '/api/v1/broker/config/chat' && call.method === 'GET') return jsonResponse(200, current);
    if (call.url === '/api/v1/broker/config/chat' && call.method === 'PUT') {
      const body = call.body as ChatConfigRequest;
      current = {
        ...current,
        enabledProviders: body.enabledProviders,
        defaultProvider: body.defaultProvider,
        telegram: { botToken: mask(body.telegram.botToken, current.telegram.botToken), webhookSecret: mask(body.telegram.webhookSecret, current.telegram.webhookSecret) },
        whatsapp: {
          phoneNumberId: body.whatsapp.phoneNumberId ?? undefined,
          accessToken: mask(body.whatsapp.accessToken, current.whatsapp.accessToken),
          appSecret: mask(body.whatsapp.appSecret, current.whatsapp.appSecret),
          verifyToken: mask(body.whatsapp.verifyToken, current.whatsapp.verifyToken),
        },
        updatedAt: '2026-12-02T12:00:00Z',
      };
      return jsonResponse(200, current);
    }
    if (call.url === '/api/v1/broker/config/chat/test' && call.method === 'POST') {
      return jsonResponse(200, {
        provider: 'telegram',
        ok: false,
        checkedAt: '2026-12-04T12:00:00Z',
        problem: { code: 'chat.webhook_mismatch', message: 'Telegram envía los mensajes a otra dirección: pega la dirección del webhook de arriba.' },
      });
    }
    if (call.url === '/api/v1/broker') return jsonResponse(200, { id: 'b-1', slug: 'andes', name: 'Propiedades Andes', timezone: 'America/Santiago', businessHours: {}, active: true });
    return problemResponse(404, 'not_found', 'No existe.');
  });
  return answer;
}

const putBody = (calls: Call[]) => calls.filter((call) => call.method === 'PUT').at(-1)!.body as ChatConfigRequest;

describe('ChannelsSettingsPage', () => {
  beforeEach(() => signInAs(testUsers.admin));
  afterEach(() => vi.unstubAllGlobals());

  it('tests the saved Telegram credentials and says what the provider answered', async () => {
    const { calls } = server();
    renderPage(<ChannelsSettingsPage />, '/settings/channels');

    const run = await screen.findByRole('button', { name: 'Probar Telegram' });
    expect((screen.getByRole('button', { name: 'Probar WhatsApp' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(run);

    expect((await screen.findByTestId('chat-test-telegram')).textContent).toMatch(/otra dirección/);
    const test = calls.find((call) => call.url === '/api/v1/broker/config/chat/test')!;
    expect(test.body).toEqual({ provider: 'telegram' });
  });

  it('sends stored secrets back masked, new ones as typed, cleared ones as null', async () => {
    const { calls } = server();
    renderPage(<ChannelsSettingsPage />, '/settings/channels');

    const botToken = (await screen.findByLabelText('Token del bot')) as HTMLInputElement;
    expect(botToken.value).toBe('••••1234');
    expect(botToken.type).toBe('password');
    expect(screen.getByText(/Valor guardado \(••••1234\) · se mantiene/)).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'WhatsApp' }));
    fireEvent.change(screen.getByLabelText('Token de acceso'), { target: { value: 'EAAGnuevo5678' } });
    fireEvent.change(screen.getByLabelText('Secreto del webhook'), { target: { value: '' } });
    expect(screen.getByText(/se borrará al guardar/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));

    await vi.waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    const body = putBody(calls);
    expect(body.enabledProviders).toEqual(['webchat', 'telegram', 'whatsapp']);
    expect(body.telegram).toEqual({ botToken: '••••1234', webhookSecret: null });
    expect(body.whatsapp).toEqual({ phoneNumberId: '105550001', accessToken: 'EAAGnuevo5678', appSecret: null, verifyToken: null });

    // the saved config comes back masked: the new token is now a stored one, the secret is gone
    await vi.waitFor(() => expect((screen.getByLabelText('Token de acceso') as HTMLInputElement).value).toBe('••••5678'));
    expect((screen.getByLabelText('Secreto del webhook') as HTMLInputElement).value).toBe('');
  });

  it('restores a cleared secret and shows the webhook addresses to paste', async () => {
    const { calls } = server();
    renderPage(<ChannelsSettingsPage />, '/settings/channels');
    const botToken = (await screen.findByLabelText('Token del bot')) as HTMLInputElement;

    fireEvent.change(botToken, { target: { value: '' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Mantener el valor guardado' })[0]!);
    expect(botToken.value).toBe('••••1234');

    const urls = await screen.findAllByLabelText('Dirección del webhook');
    expect((urls[0] as HTMLInputElement).value).toBe(`${window.location.origin}/webhooks/telegram/andes`);
    expect((urls[1] as HTMLInputElement).value).toBe(`${window.location.origin}/webhooks/whatsapp/andes`);
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('shows the server’s reason when a channel lacks its credential', async () => {
    routeFetch((call) => {
      if (call.method === 'GET' && call.url === '/api/v1/broker/config/chat') return jsonResponse(200, stored);
      if (call.method === 'PUT') return problemResponse(400, 'broker.chat_credentials_missing', 'para habilitar whatsapp falta la credencial whatsapp.access_token');
      return problemResponse(404, 'not_found', 'No existe.');
    });
    renderPage(<ChannelsSettingsPage />, '/settings/channels');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'WhatsApp' }));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));

    expect((await screen.findByRole('alert')).textContent).toBe('para habilitar whatsapp falta la credencial whatsapp.access_token');
  });
});
