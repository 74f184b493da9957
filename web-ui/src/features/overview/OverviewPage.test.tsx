import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publish } from '../../live/events';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../test/http';
import { renderPage, signInAs, testUsers } from '../../test/render';
import type { PipelineMetrics } from './api';
import OverviewPage, { LIVE_REFETCH_MS } from './OverviewPage';

const stages = ['new', 'profiling', 'financial_qualification', 'potential', 'scheduled', 'won', 'lost'] as const;

function metrics(counts: Partial<Record<(typeof stages)[number], number>> = {}, weekly: number[] = [2, 0, 5, 3]): PipelineMetrics {
  const path = stages.slice(0, 6);
  const reached = path.map((_, index) => path.slice(index).reduce((sum, stage) => sum + (counts[stage] ?? 0), 0));
  return {
    stages: stages.map((stage) => ({ stage, label: stage, count: counts[stage] ?? 0, budgetUf: 0, budgetClp: 0, averageDaysInStage: 0, stuck: 0 })),
    conversion: path.slice(0, -1).map((from, index) => ({
      from,
      to: path[index + 1]!,
      reached: reached[index]!,
      advanced: reached[index + 1]!,
      ...(reached[index]! > 0 ? { rate: reached[index + 1]! / reached[index]! } : {}),
    })),
    stuckAfterDays: 14,
    weeklyIntake: weekly.map((leads, index) => ({ weekStart: `2026-11-${String(9 + index * 7).padStart(2, '0')}`, leads })),
    ...(counts.new ? { medianFirstResponseSeconds: 150 } : {}),
  };
}

const lead = (id: string, name: string, score: number) => ({
  id,
  name,
  status: 'hot',
  score,
  scoreComponents: [],
  stage: 'potential',
  facts: { location: 'Ñuñoa', budget: { amount: 4500, currency: 'UF' } },
  sensitiveFactsHidden: false,
  tags: [],
  identities: [{ channel: 'whatsapp', value: '+56912345678' }],
  createdAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
  updatedAt: new Date().toISOString(),
});

interface Answers {
  metrics?: (call: Call) => Response | Promise<Response>;
  hot?: (call: Call) => Response | Promise<Response>;
}

function server({ metrics: metricsAnswer, hot }: Answers) {
  return routeFetch((call) => {
    if (call.url.startsWith('/api/v1/pipeline/metrics') && metricsAnswer) return metricsAnswer(call);
    if (call.url.startsWith('/api/v1/leads') && hot) return hot(call);
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

const full = metrics({ new: 4, profiling: 3, financial_qualification: 1, potential: 1, scheduled: 1, won: 2, lost: 1 });

describe('OverviewPage', () => {
  beforeEach(() => signInAs(testUsers.admin));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows skeletons while loading', () => {
    server({ metrics: () => new Promise<Response>(() => undefined), hot: () => new Promise<Response>(() => undefined) });
    renderPage(<OverviewPage />);

    expect(screen.getByRole('heading', { name: 'Resumen' })).toBeTruthy();
    expect(screen.getAllByRole('status').length).toBeGreaterThan(0);
    expect(screen.queryByText('Leads nuevos')).toBeNull();
  });

  it('shows KPIs, the funnel, hot leads and weekly intake from the API', async () => {
    const { calls } = server({
      metrics: () => jsonResponse(200, full),
      hot: () => jsonResponse(200, { items: [lead('l-1', 'Camila Fuentes', 92), lead('l-2', 'Benjamín Rojas', 88)] }),
    });
    renderPage(<OverviewPage />);

    const kpis = await screen.findByRole('region', { name: 'Indicadores clave' });
    await within(kpis).findByText('Leads nuevos');
    const kpi = (label: string) => within(kpis).getByText(label).parentElement!;
    expect(within(kpi('Leads nuevos')).getByText('10')).toBeTruthy();
    expect(within(kpi('Leads nuevos')).getByText('en las últimas 12 semanas · 3 esta semana')).toBeTruthy();
    expect(await within(kpi('Leads calientes')).findByText('2')).toBeTruthy();
    expect(within(kpi('Primera respuesta')).getByText(/^3\smin$/)).toBeTruthy();
    // 2 won out of the 12 leads that entered the funnel (the lost one reached "new" too)
    expect(within(kpi('Conversión')).getByText(/^16,7\s?%$/)).toBeTruthy();
    expect(within(kpi('Conversión')).getByText('2 ganados de 12 leads')).toBeTruthy();

    const funnel = screen.getByRole('list', { name: 'Embudo: leads que llegaron a cada etapa' });
    const rows = within(funnel).getAllByRole('listitem').map((row) => row.textContent);
    expect(rows[0]).toBe('Entrada12 leads');
    expect(rows[5]).toMatch(/^Ganado2 leads67\s?% de la etapa anterior$/);
    expect(screen.getByText('1 lead perdido en total')).toBeTruthy();

    const hot = screen.getByRole('link', { name: 'Camila Fuentes' });
    expect(hot.getAttribute('href')).toBe('/leads/l-1');
    expect(screen.getAllByText('WhatsApp')).toHaveLength(2);
    expect(screen.getAllByText(/Ñuñoa · UF 4\.500/)).toHaveLength(2);

    expect(screen.getByRole('img', { name: /Leads nuevos por semana, 9 nov/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Leads nuevos por semana' })).toBeTruthy();

    expect(calls.find((call) => call.url.startsWith('/api/v1/pipeline/metrics'))!.url).toBe('/api/v1/pipeline/metrics?weeks=12');
    expect(calls.find((call) => call.url.startsWith('/api/v1/leads'))!.url).toBe('/api/v1/leads?status=hot&sort=-score&limit=200');
  });

  it('says what to expect when there is no data yet', async () => {
    server({ metrics: () => jsonResponse(200, metrics({}, [0, 0, 0, 0])), hot: () => jsonResponse(200, { items: [] }) });
    renderPage(<OverviewPage />);

    expect(await screen.findByText('El embudo se llenará cuando lleguen los primeros leads.')).toBeTruthy();
    expect(await screen.findByText('No hay leads calientes por ahora.')).toBeTruthy();
    expect(screen.getByText('No llegaron leads en este período.')).toBeTruthy();
    expect(screen.getByText('sin conversaciones en el período')).toBeTruthy();
    expect(screen.getByText('aún no hay leads')).toBeTruthy();
  });

  it('shows the error in words and retries on demand', async () => {
    let attempts = 0;
    server({
      metrics: () => {
        attempts += 1;
        return attempts === 1 ? problemResponse(503, 'server.unavailable', 'detalle interno') : jsonResponse(200, full);
      },
      hot: () => jsonResponse(200, { items: [] }),
    });
    renderPage(<OverviewPage />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No pudimos cargar esta información');
    expect(alert.textContent).toContain('El servidor tuvo un problema. Inténtalo de nuevo en unos minutos.');
    expect(alert.textContent).not.toContain('detalle interno');

    fireEvent.click(within(alert).getByRole('button', { name: 'Reintentar' }));

    expect(await screen.findByText('Primera respuesta')).toBeTruthy();
    expect(attempts).toBe(2);
  });

  it('refetches once after a burst of live lead events', async () => {
    let metricsCalls = 0;
    server({
      metrics: () => {
        metricsCalls += 1;
        return jsonResponse(200, full);
      },
      hot: () => jsonResponse(200, { items: [] }),
    });
    renderPage(<OverviewPage />);
    await screen.findByText('Primera respuesta');
    expect(metricsCalls).toBe(1);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const leadId of ['l-1', 'l-2', 'l-3']) publish({ kind: 'lead', data: { leadId, status: 'hot' } });
    publish({ kind: 'message', data: { leadId: 'l-1', message: 'm-1' } });
    await vi.advanceTimersByTimeAsync(LIVE_REFETCH_MS - 100);
    expect(metricsCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    vi.useRealTimers();

    await vi.waitFor(() => expect(metricsCalls).toBe(2));
  });

  it('changes the period through the selector', async () => {
    const { calls } = server({ metrics: () => jsonResponse(200, full), hot: () => jsonResponse(200, { items: [] }) });
    const { router } = renderPage(<OverviewPage />);
    await screen.findByText('Primera respuesta');

    fireEvent.change(screen.getByLabelText('Período'), { target: { value: '4' } });

    await vi.waitFor(() => expect(calls.some((call) => call.url === '/api/v1/pipeline/metrics?weeks=4')).toBe(true));
    expect(router.state.location.search).toBe('?weeks=4');
  });
});
