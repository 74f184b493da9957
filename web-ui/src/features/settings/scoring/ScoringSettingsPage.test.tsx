import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../../test/http';
import { renderPage, signInAs, testUsers } from '../../../test/render';
import type { LeadConfig, LeadConfigRequest, RescoringRun, ScorePreview } from '../api';
import { PREVIEW_DEBOUNCE_MS } from './ScorePreviewPanel';
import ScoringSettingsPage from './ScoringSettingsPage';

const config: LeadConfig = {
  fieldWeights: { name: 10, phone: 15, email: 10, location: 15, budget: 20, monthly_income: 15, dicom_status: 15 },
  coldMaxScore: 30,
  warmMaxScore: 69,
  hotMinScore: 70,
  fieldPriority: ['name', 'operation', 'location', 'budget'],
  requiredProfileFields: [['location'], ['budget']],
  qualifiedIncome: 1_000_000,
  potentialIncome: 500_000,
  acceptableDebt: 0,
  autoCloseNotQualified: false,
  agentsSeeUnassigned: true,
  staleAfterDays: 14,
  updatedAt: '2026-12-01T12:00:00Z',
};

/** A fake scorer: the sum of the weights of the sample's known fields. */
function score(body: { lead: { name?: string; phone?: string; facts: Record<string, unknown> }; settings: LeadConfigRequest }): ScorePreview {
  const weights = body.settings.fieldWeights;
  const known = [body.lead.name && 'name', body.lead.phone && 'phone', body.lead.facts.location && 'location', body.lead.facts.budget && 'budget'].filter(Boolean) as (keyof typeof weights)[];
  const points = known.map((field) => ({ factor: field, points: weights[field] ?? 0, reason: `Dato conocido: ${field}` }));
  const total = Math.min(100, points.reduce((sum, p) => sum + p.points, 0));
  return { score: total, scoreComponents: points, status: total > body.settings.warmMaxScore ? 'hot' : total > body.settings.coldMaxScore ? 'warm' : 'cold', stage: 'new', qualification: 'QUALIFIED' };
}

function server(rescoring: () => Response = () => problemResponse(404, 'rescoring.none', 'Esta corredora todavía no ha recalculado puntajes.')) {
  return routeFetch((call: Call) => {
    if (call.url === '/api/v1/broker/config/lead' && call.method === 'GET') return jsonResponse(200, config);
    if (call.url === '/api/v1/broker/config/lead' && call.method === 'PUT') return jsonResponse(200, { ...config, ...(call.body as object), updatedAt: '2026-12-02T12:00:00Z' });
    if (call.url.startsWith('/api/v1/broker/rescoring')) return rescoring();
    if (call.url.startsWith('/api/v1/leads/score-preview')) return jsonResponse(200, score(call.body as Parameters<typeof score>[0]));
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

const previews = (calls: Call[]) => calls.filter((call) => call.url.startsWith('/api/v1/leads/score-preview'));

describe('ScoringSettingsPage', () => {
  beforeEach(() => signInAs(testUsers.admin));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('previews the sample lead’s score, asking again once the edits settle', async () => {
    const { calls } = server();
    renderPage(<ScoringSettingsPage />, '/settings/scoring');

    // sample: name, phone, location and budget known → 10 + 15 + 15 + 20
    await vi.waitFor(() => expect(screen.getByTestId('preview-score').textContent).toBe('60'));
    expect(previews(calls)).toHaveLength(1);
    expect(screen.getByText('Dato conocido: budget')).toBeTruthy();
    expect(within(screen.getByRole('complementary')).getByText('Tibio')).toBeTruthy();
    expect((previews(calls)[0]!.body as { lead: { facts: { location: string } } }).lead.facts.location).toBe('Ñuñoa');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const budget = screen.getByLabelText('Puntos de Presupuesto');
    for (const value of ['25', '30', '40']) fireEvent.change(budget, { target: { value } });
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS - 100);
    expect(previews(calls)).toHaveLength(1); // still typing: no call yet
    await vi.advanceTimersByTimeAsync(200);
    vi.useRealTimers();

    await vi.waitFor(() => expect(previews(calls)).toHaveLength(2));
    expect((previews(calls)[1]!.body as { settings: LeadConfigRequest }).settings.fieldWeights.budget).toBe(40);
    await vi.waitFor(() => expect(screen.getByTestId('preview-score').textContent).toBe('80'));
    expect(within(screen.getByRole('complementary')).getByText('Caliente')).toBeTruthy();
  });

  it('scores the sample facts as edited', async () => {
    const { calls } = server();
    renderPage(<ScoringSettingsPage />, '/settings/scoring');
    await vi.waitFor(() => expect(screen.getByTestId('preview-score').textContent).toBe('60'));

    fireEvent.change(screen.getByLabelText('Comuna'), { target: { value: '' } });

    await vi.waitFor(() => expect(screen.getByTestId('preview-score').textContent).toBe('45'));
    const last = previews(calls).at(-1)!.body as { lead: { facts: Record<string, unknown> } };
    expect(last.lead.facts.location).toBeUndefined();
  });

  it('saves the config and shows the rescoring run’s progress', async () => {
    let run: RescoringRun | null = null;
    const { calls } = server(() => (run ? jsonResponse(200, run) : problemResponse(404, 'rescoring.none', 'Nada.')));
    renderPage(<ScoringSettingsPage />, '/settings/scoring');
    const warm = await screen.findByLabelText('Tibio hasta');
    expect(screen.getByRole('button', { name: 'Guardar y recalcular' }).hasAttribute('disabled')).toBe(true);

    fireEvent.change(warm, { target: { value: '59' } });
    run = { id: 'r-1', status: 'running', total: 200, processed: 50, changed: 12, percent: 25, requestedAt: '2026-12-02T12:00:00Z' };
    fireEvent.click(screen.getByRole('button', { name: 'Guardar y recalcular' }));

    expect(await screen.findByText('Recalculando puntajes: 50 de 200 leads')).toBeTruthy();
    const put = calls.find((call) => call.method === 'PUT')!;
    expect((put.body as LeadConfigRequest).warmMaxScore).toBe(59);
    expect(put.body).not.toHaveProperty('hotMinScore');
    expect(screen.getByRole('progressbar', { name: 'Avance del recálculo de puntajes' }).getAttribute('value')).toBe('25');

    run = { ...run, status: 'done', processed: 200, changed: 31, percent: 100, finishedAt: new Date().toISOString() };
    expect(await screen.findByText(/Último recálculo: 31 de 200 leads cambiaron de puntaje/, undefined, { timeout: 3_000 })).toBeTruthy();
  });

  it('shows an AGENT the settings read-only, without the preview', async () => {
    signInAs(testUsers.agent);
    const { calls } = server();
    renderPage(<ScoringSettingsPage />, '/settings/scoring');

    expect(await screen.findByText('Solo lectura: un administrador de la corredora puede cambiar esta configuración.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Guardar y recalcular' })).toBeNull();
    expect(screen.getByText('Solo un administrador puede probar puntajes con datos de ejemplo.')).toBeTruthy();
    expect(previews(calls)).toHaveLength(0);
  });
});
