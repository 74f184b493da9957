import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToasts } from '../../../components/ui';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../../test/http';
import { renderPage, signInAs, testUsers } from '../../../test/render';
import type { PromptConfig } from '../api';
import AgentSettingsPage from './AgentSettingsPage';

const prompt: PromptConfig = {
  agentName: 'Sofía',
  businessContext: 'Departamentos nuevos en Ñuñoa y Providencia.',
  language: 'es-CL',
  enableAppointmentBooking: true,
  updatedAt: '2026-12-01T12:00:00Z',
};

function server() {
  return routeFetch((call: Call) => {
    if (call.url === '/api/v1/broker/config/prompt' && call.method === 'GET') return jsonResponse(200, prompt);
    if (call.url === '/api/v1/broker/config/prompt' && call.method === 'PUT') return jsonResponse(200, { ...(call.body as object), updatedAt: '2026-12-02T12:00:00Z' });
    if (call.url === '/api/v1/broker/config/lead') return jsonResponse(200, { fieldPriority: ['location', 'budget', 'name', 'phone', 'email'] });
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

describe('AgentSettingsPage', () => {
  beforeEach(() => signInAs(testUsers.admin));
  afterEach(() => vi.unstubAllGlobals());

  it('previews the composed prompt as the form changes and saves blanks as absent', async () => {
    const { calls } = server();
    renderPage(<AgentSettingsPage />, '/settings/agent');

    const preview = await screen.findByTestId('prompt-preview');
    expect(preview.textContent).toMatch(/^Eres Sofía, la asistente virtual/);
    expect(preview.textContent).toContain('Departamentos nuevos en Ñuñoa y Providencia.');
    await vi.waitFor(() => expect(preview.textContent).toContain('en este mismo turno: comuna o ciudad, presupuesto, nombre, teléfono.'));

    fireEvent.change(screen.getByLabelText('Nombre del asistente'), { target: { value: 'Martina' } });
    fireEvent.change(screen.getByLabelText('Reglas de la corredora'), { target: { value: 'No hables de arriendos.' } });
    fireEvent.click(screen.getByLabelText('Ofrecer visitas'));

    expect(preview.textContent).toMatch(/^Eres Martina,/);
    expect(preview.textContent).toContain('## Reglas de la corredora\nNo hables de arriendos.');
    expect(preview.textContent).toContain('No agendes visitas');
    expect(screen.getByText('Hay cambios sin guardar.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));
    await vi.waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(calls.find((call) => call.method === 'PUT')!.body).toEqual({
      agentName: 'Martina',
      businessContext: 'Departamentos nuevos en Ñuñoa y Providencia.',
      agentRules: 'No hables de arriendos.',
      language: 'es-CL',
      enableAppointmentBooking: false,
    });
    await vi.waitFor(() => expect(useToasts.getState().toasts.map((toast) => toast.message)).toContain('Configuración del asistente guardada.'));
  });

  it('shows an AGENT the persona read-only', async () => {
    signInAs(testUsers.agent);
    server();
    renderPage(<AgentSettingsPage />, '/settings/agent');

    expect(await screen.findByText(/Solo lectura/)).toBeTruthy();
    expect((screen.getByLabelText('Nombre del asistente') as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Guardar cambios' })).toBeNull();
    expect(screen.getByTestId('prompt-preview').textContent).toMatch(/^Eres Sofía/);
  });
});
