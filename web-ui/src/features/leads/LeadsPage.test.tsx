import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { useToasts } from '../../components/ui';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../test/http';
import { renderRoutes, signInAs, testUsers } from '../../test/render';
import LeadsPage from './LeadsPage';
import { useLeadSelection } from './selection';

// two shared cores: give slow renders room before a wait gives up
configure({ asyncUtilTimeout: 4_000 });

const lead = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  phone: '+56912345678',
  status: 'warm',
  score: 55,
  scoreComponents: [],
  stage: 'profiling',
  facts: { location: 'Ñuñoa', budget: { amount: 4500, currency: 'UF' } },
  sensitiveFactsHidden: false,
  tags: [],
  identities: [],
  createdAt: '2026-12-01T12:00:00Z',
  updatedAt: '2026-12-01T12:00:00Z',
  ...extra,
});

const users = {
  items: [
    { id: 'u-admin', email: 'valentina@andes.cl', name: 'Valentina Soto', role: 'ADMIN', active: true },
    { id: 'u-agent', email: 'tomas@andes.cl', name: 'Tomás Rojas', role: 'AGENT', active: true },
    { id: 'u-old', email: 'ex@andes.cl', name: 'Ex Agente', role: 'AGENT', active: false },
  ],
};

type Answer = (call: Call) => Response | Promise<Response>;

function server(list: Answer, extra: Record<string, Answer> = {}) {
  return routeFetch((call) => {
    const path = call.url.split('?')[0]!;
    const own = extra[`${call.method} ${path}`];
    if (own) return own(call);
    if (call.method === 'GET' && path === '/api/v1/users') return jsonResponse(200, users);
    if (call.method === 'GET' && path === '/api/v1/leads') return list(call);
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

const listCalls = (calls: Call[]) => calls.filter((call) => call.method === 'GET' && call.url.startsWith('/api/v1/leads'));
const renderLeads = (path = '/leads') => renderRoutes(path, [{ path: '/leads', element: <LeadsPage /> }]);

describe('LeadsPage', () => {
  beforeEach(() => {
    signInAs(testUsers.admin);
    useLeadSelection.getState().clear();
    useToasts.setState({ toasts: [] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('loads the list with the filters of the address bar (a shared link keeps them)', async () => {
    const { calls } = server(() => jsonResponse(200, { items: [lead('l-1', 'Camila Fuentes', { status: 'hot' })] }));
    renderLeads('/leads?status=hot&q=munoz&sort=-score');

    expect(await screen.findByRole('link', { name: 'Camila Fuentes' })).toBeTruthy();
    expect(listCalls(calls)[0]!.url).toBe('/api/v1/leads?q=munoz&status=hot&sort=-score&limit=50');
    expect((screen.getByLabelText('Temperatura') as HTMLSelectElement).value).toBe('hot');
    expect((screen.getByRole('searchbox', { name: 'Buscar' }) as HTMLInputElement).value).toBe('munoz');
    expect(screen.getByRole('columnheader', { name: /Puntaje/ }).getAttribute('aria-sort')).toBe('descending');
    const row = screen.getByRole('row', { name: /Camila Fuentes/ });
    expect(within(row).getByText('Caliente')).toBeTruthy();
    expect(within(row).getByText('UF 4.500')).toBeTruthy();
    expect(within(row).getByText('Sin asignar')).toBeTruthy();
  });

  it('writes filter changes to the address bar and searches after a pause in typing', async () => {
    const { calls } = server(() => jsonResponse(200, { items: [lead('l-1', 'Camila Fuentes')] }));
    const { router } = renderLeads();
    await screen.findByRole('link', { name: 'Camila Fuentes' });

    fireEvent.change(screen.getByLabelText('Etapa'), { target: { value: 'potential' } });
    await waitFor(() => expect(router.state.location.search).toBe('?stage=potential'));
    await waitFor(() => expect(listCalls(calls).at(-1)!.url).toBe('/api/v1/leads?stage=potential&sort=-createdAt&limit=50'));

    fireEvent.change(screen.getByLabelText('Asignado a'), { target: { value: 'me' } });
    await waitFor(() => expect(listCalls(calls).at(-1)!.url).toContain('assignedTo=u-admin'));
    expect(router.state.location.search).toBe('?stage=potential&assignedTo=me');

    const before = listCalls(calls).length;
    fireEvent.change(screen.getByRole('searchbox', { name: 'Buscar' }), { target: { value: 'an' } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Buscar' }), { target: { value: 'ana' } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(router.state.location.search).not.toContain('q=');
    await waitFor(() => expect(router.state.location.search).toBe('?q=ana&stage=potential&assignedTo=me'));
    await waitFor(() => expect(listCalls(calls).length).toBe(before + 1));

    fireEvent.click(screen.getByRole('button', { name: /Limpiar filtros/ }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect((screen.getByRole('searchbox', { name: 'Buscar' }) as HTMLInputElement).value).toBe('');
  });

  it('loads the next page with the cursor', async () => {
    const { calls } = server((call) =>
      call.url.includes('cursor=c2')
        ? jsonResponse(200, { items: [lead('l-3', 'Tercera Persona')] })
        : jsonResponse(200, { items: [lead('l-1', 'Primera Persona'), lead('l-2', 'Segunda Persona')], nextCursor: 'c2' }),
    );
    renderLeads();
    await screen.findByRole('link', { name: 'Primera Persona' });
    expect(screen.getByText(/Mostrando 2 leads · hay más/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Cargar más' }));

    expect(await screen.findByRole('link', { name: 'Tercera Persona' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /Persona/ })).toHaveLength(3);
    expect(listCalls(calls).at(-1)!.url).toBe('/api/v1/leads?sort=-createdAt&cursor=c2&limit=50');
    expect(screen.queryByRole('button', { name: 'Cargar más' })).toBeNull();
  });

  it('assigns the selected leads to an agent, one call per lead, and says what failed', async () => {
    const { calls } = server(() => jsonResponse(200, { items: [lead('l-1', 'Ana Uno'), lead('l-2', 'Beto Dos'), lead('l-3', 'Carla Tres')] }), {
      'POST /api/v1/leads/l-1/assign': () => jsonResponse(200, lead('l-1', 'Ana Uno', { assignedTo: 'u-agent' })),
      'POST /api/v1/leads/l-3/assign': () => problemResponse(400, 'lead.assignee_invalid', 'El usuario no puede recibir leads.'),
    });
    renderLeads();
    await screen.findByRole('link', { name: 'Ana Uno' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Seleccionar a Ana Uno' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Seleccionar a Carla Tres' }));
    const bar = screen.getByRole('region', { name: 'Acciones con los leads seleccionados' });
    expect(within(bar).getByText('2 leads seleccionados')).toBeTruthy();
    const picker = within(bar).getByLabelText('Asignar a') as HTMLSelectElement;
    // only active admins and agents can receive leads
    expect([...picker.options].map((option) => option.text)).toEqual(['Elige a quién', 'Valentina Soto', 'Tomás Rojas', 'Nadie (quitar asignación)']);
    fireEvent.change(picker, { target: { value: 'u-agent' } });
    fireEvent.click(within(bar).getByRole('button', { name: 'Asignar' }));

    await waitFor(() => expect(useToasts.getState().toasts).toHaveLength(2));
    const assigns = calls.filter((call) => call.method === 'POST');
    expect(assigns.map((call) => [call.url, call.body])).toEqual([
      ['/api/v1/leads/l-1/assign', { assignedTo: 'u-agent' }],
      ['/api/v1/leads/l-3/assign', { assignedTo: 'u-agent' }],
    ]);
    expect(useToasts.getState().toasts.map((toast) => toast.message)).toEqual([
      'Asignamos 1 lead.',
      '1 de 2 no se pudieron asignar: El usuario no puede recibir leads.',
    ]);
    // the selection stays so the failed one can be retried
    expect(useLeadSelection.getState().ids.size).toBe(2);
  });

  it('shows agents what they may do: no import/export, no user list, take or give back', async () => {
    signInAs(testUsers.agent);
    const { calls } = server(() => jsonResponse(200, { items: [lead('l-1', 'Ana Uno'), lead('l-2', 'Beto Dos', { assignedTo: 'u-agent' })] }));
    renderLeads();
    await screen.findByRole('link', { name: 'Ana Uno' });

    expect(screen.queryByRole('button', { name: /Importar CSV/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Exportar CSV/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Nuevo lead/ })).toBeTruthy();
    expect(calls.some((call) => call.url.startsWith('/api/v1/users'))).toBe(false);
    expect(within(screen.getByRole('row', { name: /Beto Dos/ })).getByText('Tú')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Seleccionar todos los leads visibles' }));
    const bar = screen.getByRole('region', { name: 'Acciones con los leads seleccionados' });
    expect(within(bar).getByRole('button', { name: 'Tomarlos yo' })).toBeTruthy();
    expect(within(bar).getByRole('button', { name: 'Devolverlos' })).toBeTruthy();
    expect(within(bar).queryByLabelText('Asignar a')).toBeNull();
  });

  it('tells an empty brokerage how to start, and a search without results how to get out', async () => {
    server(() => jsonResponse(200, { items: [] }));
    const first = renderLeads();
    expect(await screen.findByText('Aún no hay leads')).toBeTruthy();
    first.unmount();

    const { router } = renderLeads('/leads?status=lost');
    expect(await screen.findByText('Ningún lead coincide con tu búsqueda')).toBeTruthy();
    fireEvent.click(within(screen.getByText('Ningún lead coincide con tu búsqueda').closest('.empty-state')!).getByRole('button', { name: 'Limpiar filtros' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('shows a failed load in words and retries', async () => {
    let attempts = 0;
    server(() => {
      attempts += 1;
      return attempts === 1 ? problemResponse(500, 'server.error', 'NullPointerException at …') : jsonResponse(200, { items: [lead('l-1', 'Ana Uno')] });
    });
    renderLeads();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('El servidor tuvo un problema');
    expect(alert.textContent).not.toContain('NullPointerException');
    fireEvent.click(within(alert).getByRole('button', { name: 'Reintentar' }));
    expect(await screen.findByRole('link', { name: 'Ana Uno' })).toBeTruthy();
  });

  it('downloads the CSV export with the bearer token', async () => {
    // jsdom has no object URLs
    const createObjectURL = vi.fn(() => 'blob:leads');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    let downloaded: HTMLAnchorElement | undefined;
    click.mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this;
    });
    const { calls } = server(() => jsonResponse(200, { items: [lead('l-1', 'Ana Uno')] }), {
      'GET /api/v1/leads/export': () =>
        new Response('\uFEFFid,name\nl-1,Ana Uno\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv;charset=UTF-8', 'Content-Disposition': 'attachment; filename="leads-2026-12-04.csv"' },
        }),
    });
    renderLeads('/leads?status=hot&sort=-score');
    await screen.findByRole('link', { name: 'Ana Uno' });

    fireEvent.click(screen.getByRole('button', { name: /Exportar CSV/ }));

    await waitFor(() => expect(downloaded).toBeDefined());
    expect(downloaded!.download).toBe('leads-2026-12-04.csv');
    expect(createObjectURL).toHaveBeenCalledOnce();
    const exportCall = calls.find((call) => call.url.startsWith('/api/v1/leads/export'))!;
    expect(exportCall.headers.get('Authorization')).toBe('Bearer access-1');
    expect(exportCall.headers.get('Accept')).toBe('text/csv');
    // the export carries the table's filters and sort
    expect(exportCall.url).toMatch(/status=hot/);
    expect(exportCall.url).toMatch(/sort=-score/);
    await waitFor(() => expect(useToasts.getState().toasts.map((toast) => toast.message)).toContain('Descargamos leads-2026-12-04.csv.'));
  });

  it('creates a lead and shows the server objections next to the fields', async () => {
    const { calls } = server(() => jsonResponse(200, { items: [] }), {
      'POST /api/v1/leads': (call) => {
        const body = call.body as { phone?: string };
        return body.phone === '123'
          ? problemResponse(400, 'lead.phone_invalid', 'phone no es un teléfono válido (ejemplos: +56 9 1234 5678).')
          : jsonResponse(201, lead('l-new', 'Ana Nueva'));
      },
    });
    const { router } = renderRoutes('/leads', [
      { path: '/leads', element: <LeadsPage /> },
      { path: '/leads/:id', element: <p>ficha</p> },
    ]);
    await screen.findByText('Aún no hay leads');

    fireEvent.click(screen.getAllByRole('button', { name: /Nuevo lead/ })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Nuevo lead' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Crear lead' }));
    expect(within(dialog).getByText('Escribe al menos un nombre, teléfono o correo.')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Nombre'), { target: { value: 'Ana Nueva' } });
    fireEvent.change(within(dialog).getByLabelText('Teléfono'), { target: { value: '123' } });
    fireEvent.change(within(dialog).getByLabelText('Comuna'), { target: { value: 'Macul' } });
    fireEvent.change(within(dialog).getByLabelText('Presupuesto'), { target: { value: '3.500,5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Crear lead' }));

    const phone = within(dialog).getByLabelText('Teléfono');
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = phone.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('No es un teléfono válido (ejemplos: +56 9 1234 5678).');

    fireEvent.change(phone, { target: { value: '+56 9 1234 5678' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Crear lead' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/leads/l-new'));
    expect(calls.filter((call) => call.method === 'POST').at(-1)!.body).toEqual({
      name: 'Ana Nueva',
      phone: '+56 9 1234 5678',
      facts: { location: 'Macul', budget: { amount: 3500.5, currency: 'UF' } },
    });
  });
});
