import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../../test/http';
import { renderPage, signInAs, testUsers } from '../../../test/render';
import type { LlmConfig, LlmConfigRequest, LlmUsage } from '../api';
import AiSettingsPage from './AiSettingsPage';

const llm: LlmConfig = {
  provider: 'openai',
  model: 'gpt-4o-mini',
  fallbacks: ['anthropic:claude-haiku-4-5'],
  apiKeys: { openai: '••••abcd', anthropic: '••••wxyz' },
  monthlyBudgetUsd: 50,
  agent: 'broker',
  updatedAt: '2026-12-01T12:00:00Z',
};

function usage(budget: Partial<LlmUsage['budget']> = {}, extra: Partial<LlmUsage> = {}): LlmUsage {
  return {
    from: '2026-11-05',
    to: '2026-12-04',
    days: [
      { day: '2026-12-02', calls: 40, failed: 1, tokensIn: 52_000, tokensOut: 9_000, costUsd: 0.42 },
      { day: '2026-12-03', calls: 85, failed: 0, tokensIn: 110_000, tokensOut: 21_000, costUsd: 0.91 },
      { day: '2026-12-04', calls: 12, failed: 0, tokensIn: 15_000, tokensOut: 3_000, costUsd: 0.11 },
    ],
    models: [
      { provider: 'openai', model: 'gpt-4o-mini', calls: 130, failed: 1, tokensIn: 170_000, tokensOut: 31_000, costUsd: 1.3 },
      { provider: 'anthropic', model: 'claude-haiku-4-5', calls: 7, failed: 0, tokensIn: 7_000, tokensOut: 2_000, costUsd: 0.14 },
    ],
    calls: 137,
    failed: 1,
    tokensIn: 177_000,
    tokensOut: 33_000,
    costUsd: 1.44,
    qualifiedLeads: 6,
    costPerQualifiedLeadUsd: 0.24,
    budget: { monthlyBudgetUsd: 50, month: '2026-12', spentUsd: 12.5, reached: false, ...budget },
    ...extra,
  };
}

function server(
  usageAnswer: LlmUsage = usage(),
  put?: (body: LlmConfigRequest) => Response,
  llmCheck: { status: string; detail?: string } = { status: 'up' },
) {
  return routeFetch((call: Call) => {
    if (call.url === '/health/ready') {
      return jsonResponse(200, { status: llmCheck.status === 'up' ? 'up' : 'degraded', checks: [{ name: 'database', status: 'up' }, { name: 'llm', critical: false, ...llmCheck }] });
    }
    if (call.url === '/api/v1/broker/config/llm' && call.method === 'GET') return jsonResponse(200, llm);
    if (call.url === '/api/v1/broker/config/llm' && call.method === 'PUT') {
      const body = call.body as LlmConfigRequest;
      if (put) return put(body);
      return jsonResponse(200, { ...llm, fallbacks: body.fallbacks, apiKeys: { openai: '••••abcd' }, updatedAt: '2026-12-02T12:00:00Z' });
    }
    if (call.url.startsWith('/api/v1/llm/usage')) return jsonResponse(200, usageAnswer);
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

describe('AiSettingsPage', () => {
  beforeEach(() => signInAs(testUsers.admin));
  afterEach(() => vi.unstubAllGlobals());

  it('shows this month against the budget, cost per day, per model and per qualified lead', async () => {
    const { calls } = server();
    renderPage(<AiSettingsPage />, '/settings/ai');

    const budget = await screen.findByTestId('budget');
    expect(budget.textContent).toMatch(/Gasto de diciembre de 2026/);
    expect(budget.textContent).toMatch(/12,50.*de.*50,00/);
    const meter = within(budget).getByRole('meter', { name: 'Presupuesto mensual usado' });
    expect(meter.getAttribute('aria-valuenow')).toBe('25');
    expect(within(budget).queryByRole('alert')).toBeNull();

    expect(screen.getByText('Costo por lead calificado').parentElement!.textContent).toMatch(/0,24/);
    expect(screen.getByText('6 leads calificados en el período')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Costo por día del 2 dic 2026 al 4 dic 2026; el día más caro costó .*0,91/ })).toBeTruthy();
    const models = screen.getByRole('table', { name: 'Por modelo' });
    expect(within(models).getAllByRole('row')).toHaveLength(3);
    expect(within(models).getByText('claude-haiku-4-5')).toBeTruthy();
    expect(calls.find((call) => call.url.startsWith('/api/v1/llm/usage'))!.url).toMatch(/^\/api\/v1\/llm\/usage\?from=\d{4}-\d{2}-\d{2}$/);
  });

  it('shows an open provider breaker from the readiness check, naming the link', async () => {
    server(usage(), undefined, { status: 'degraded', detail: 'openai:gpt-4o-mini open' });
    renderPage(<AiSettingsPage />, '/settings/ai');

    const health = (await screen.findByRole('heading', { name: 'Estado de los proveedores de IA' })).closest('section')!;
    await vi.waitFor(() => expect(health.textContent).toMatch(/Algún proveedor falla/));
    expect(within(health as HTMLElement).getByTestId('llm-health-detail').textContent).toBe('openai:gpt-4o-mini open');
  });

  it('says the offline assistant answers once the budget is reached', async () => {
    server(usage({ spentUsd: 51.2, reached: true, reachedAt: '2026-12-03T15:00:00Z' }));
    renderPage(<AiSettingsPage />, '/settings/ai');

    const budget = await screen.findByTestId('budget');
    expect(within(budget).getByRole('alert').textContent).toMatch(/^Presupuesto alcanzado: responde el asistente sin conexión hasta el próximo mes/);
    expect(within(budget).getByRole('meter').getAttribute('aria-valuenow')).toBe('100');
  });

  it('shows the spend without a budget, and an empty chart without calls', async () => {
    server(usage({ monthlyBudgetUsd: undefined, spentUsd: 0 }, { days: [], models: [], calls: 0, failed: 0, costUsd: 0, qualifiedLeads: 0, costPerQualifiedLeadUsd: undefined }));
    renderPage(<AiSettingsPage />, '/settings/ai');

    const budget = await screen.findByTestId('budget');
    expect(budget.textContent).toMatch(/sin presupuesto mensual/);
    expect(within(budget).queryByRole('meter')).toBeNull();
    expect(screen.getByText('Sin llamadas al modelo en este período.')).toBeTruthy();
  });

  it('keeps masked keys, clears an emptied one and saves the chain and budget', async () => {
    const { calls } = server();
    renderPage(<AiSettingsPage />, '/settings/ai');

    const openai = (await screen.findByLabelText('Clave de OpenAI')) as HTMLInputElement;
    expect(openai.value).toBe('••••abcd');
    fireEvent.change(screen.getByLabelText('Clave de Anthropic'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Presupuesto mensual (USD, opcional)'), { target: { value: '75,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));

    await vi.waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    const body = calls.find((call) => call.method === 'PUT')!.body as LlmConfigRequest;
    expect(body).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini',
      baseUrl: null,
      fallbacks: ['anthropic:claude-haiku-4-5'],
      apiKeys: { openai: '••••abcd', anthropic: null },
      monthlyBudgetUsd: 75.5,
    });
    await vi.waitFor(() => expect((screen.getByLabelText('Clave de Anthropic') as HTMLInputElement).value).toBe(''));
  });

  it('shows the server’s sentence when a key is missing, and sends the server chain as null', async () => {
    const { calls } = server(usage(), () => problemResponse(400, 'broker.llm_credentials_missing', 'Falta la clave de API de gemini.'));
    renderPage(<AiSettingsPage />, '/settings/ai');

    fireEvent.change(await screen.findByLabelText('Proveedor'), { target: { value: 'server' } });
    expect(screen.queryByLabelText('Modelo')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));

    expect((await screen.findByText('Falta la clave de API de gemini.')).getAttribute('role')).toBe('alert');
    const body = calls.find((call) => call.method === 'PUT')!.body as LlmConfigRequest;
    expect(body.provider).toBeNull();
    expect(body.model).toBeNull();
    expect(body.fallbacks).toEqual([]);
  });
});
