import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../test/http';
import { renderPage, signInAs, testUsers } from '../../test/render';
import type { AuditEntry } from './api';
import AuditPage from './AuditPage';
import { fieldChanges } from './changes';

const entries: AuditEntry[] = [
  {
    id: 'a-1',
    at: '2026-12-03T14:05:00Z',
    action: 'broker_config.update',
    resourceType: 'broker_lead_config',
    resourceId: 'c-1',
    userId: 'u-admin',
    before: { fieldWeights: { budget: 20, name: 10 }, warmMaxScore: 69, autoCloseNotQualified: false, hotAlertScore: null },
    after: { fieldWeights: { budget: 30, name: 10 }, warmMaxScore: 59, autoCloseNotQualified: true, hotAlertScore: 80 },
    ip: '190.100.1.20',
    requestId: '5f0c1234abcd',
  },
  {
    id: 'a-2',
    at: '2026-12-02T10:00:00Z',
    action: 'user.create',
    resourceType: 'user',
    resourceId: 'u-9',
    userId: 'u-admin',
    after: { email: 'tomas@andes.cl', name: 'Tomás Rojas', role: 'AGENT', active: true },
  },
  { id: 'a-3', at: '2026-12-01T09:00:00Z', action: 'lead.import', resourceType: 'lead', after: { created: 12, failed: 1 } },
];

function server(answer: (call: Call) => Response = () => jsonResponse(200, { items: entries })) {
  return routeFetch((call) => {
    if (call.url.startsWith('/api/v1/audit')) return answer(call);
    if (call.url.startsWith('/api/v1/users')) return jsonResponse(200, { items: [{ id: 'u-admin', name: 'Valentina Soto', email: 'valentina@andes.cl' }] });
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

describe('fieldChanges', () => {
  it('lists changed, added and removed fields, walking nested objects', () => {
    expect(fieldChanges({ a: 1, w: { x: 1, y: 2 }, gone: 'z', same: [1] }, { a: 2, w: { x: 1, y: 3 }, added: true, same: [1] })).toEqual([
      { path: 'a', kind: 'changed', before: 1, after: 2 },
      { path: 'w.y', kind: 'changed', before: 2, after: 3 },
      { path: 'gone', kind: 'removed', before: 'z' },
      { path: 'added', kind: 'added', after: true },
    ]);
    expect(fieldChanges(undefined, { name: 'Camila', notes: null })).toEqual([{ path: 'name', kind: 'added', after: 'Camila' }]);
  });
});

describe('AuditPage', () => {
  beforeEach(() => signInAs(testUsers.admin));
  afterEach(() => vi.unstubAllGlobals());

  it('shows who, what and when, with the changes as readable fields', async () => {
    server();
    renderPage(<AuditPage />, '/audit');

    const table = await screen.findByRole('table', { name: 'Registro de auditoría' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);

    const config = rows[0]!;
    expect(within(config).getByText('Cambió la configuración de puntaje')).toBeTruthy();
    expect(within(config).getByText('Valentina Soto')).toBeTruthy();
    const changes = within(config).getAllByRole('listitem').map((item) => item.textContent?.replace(/\s+/g, ' ').trim());
    expect(changes).toEqual([
      'Peso · presupuesto: 20 → pasó a 30',
      'Tibio hasta: 69 → pasó a 59',
      'Cierre automático de no calificados: No → pasó a Sí',
      'Aviso desde: 80',
    ]);
    expect(config.textContent).not.toContain('{');
    expect(within(config).getByText('desde 190.100.1.20 · solicitud 5f0c1234')).toBeTruthy();

    expect(within(rows[1]!).getByText('Creó un usuario')).toBeTruthy();
    expect(within(rows[1]!).getByText('tomas@andes.cl')).toBeTruthy();
    expect(within(rows[1]!).getByText('Agente')).toBeTruthy();
    expect(within(rows[2]!).getByText('Sistema')).toBeTruthy();
    expect(within(rows[2]!).getByText('Importó leads')).toBeTruthy();
  });

  it('filters by action and date through the API', async () => {
    const { calls } = server();
    renderPage(<AuditPage />, '/audit');
    await screen.findByRole('table');

    fireEvent.change(screen.getByLabelText('Acción'), { target: { value: 'user.create' } });
    fireEvent.change(screen.getByLabelText('Desde'), { target: { value: '2026-12-01' } });

    await vi.waitFor(() => expect(calls.some((call) => call.url === '/api/v1/audit?action=user.create&from=2026-12-01&limit=50')).toBe(true));
  });
});
