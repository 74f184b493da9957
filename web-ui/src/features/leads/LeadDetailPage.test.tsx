import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToasts } from '../../components/ui';
import { publish } from '../../live/events';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../test/http';
import { renderRoutes, signInAs, testUsers } from '../../test/render';
import { DETAIL_LIVE_MS } from './LeadDetailPage';
import LeadDetailPage from './LeadDetailPage';

// two shared cores: give slow renders room before a wait gives up
configure({ asyncUtilTimeout: 4_000 });

const lead = {
  id: 'l-1',
  name: 'Camila Fuentes',
  phone: '+56955551234',
  email: 'camila@correo.cl',
  status: 'hot',
  score: 85,
  scoreComponents: [
    { factor: 'name', points: 10, reason: 'Nombre conocido' },
    { factor: 'budget', points: 20, reason: 'Presupuesto conocido' },
    { factor: 'dicom', points: -15, reason: 'Tiene deudas en DICOM' },
  ],
  qualification: 'POTENTIAL',
  stage: 'potential',
  stageEnteredAt: '2026-12-02T10:00:00Z',
  assignedTo: 'u-agent',
  facts: {
    location: 'Ñuñoa',
    operation: 'buy',
    bedrooms: 2,
    budget: { amount: 4500, currency: 'UF' },
    monthlyIncome: { amount: 2500000, currency: 'CLP' },
    dicomStatus: 'has_debt',
    timeline: '30_days',
  },
  sensitiveFactsHidden: false,
  tags: [],
  notes: 'Prefiere piso alto.',
  identities: [{ channel: 'webchat', value: 'wc-1' }],
  createdAt: '2026-12-01T12:00:00Z',
  updatedAt: '2026-12-02T12:00:00Z',
};

const activity = {
  items: [
    { id: 'a-5', type: 'assigned', actorType: 'user', actorUserId: 'u-admin', details: { from: null, to: 'u-agent' }, createdAt: '2026-12-02T11:00:00Z' },
    {
      id: 'a-4',
      type: 'stage_changed',
      actorType: 'ai',
      details: { from: 'financial_qualification', to: 'potential', rule: 'financially_qualified', reason: 'Calificación financiera: potencial' },
      createdAt: '2026-12-02T10:00:00Z',
    },
    { id: 'a-3', type: 'score_changed', actorType: 'ai', details: { from: 46, to: 85, statusFrom: 'warm', statusTo: 'hot' }, createdAt: '2026-12-02T10:00:00Z' },
    { id: 'a-2', type: 'message_received', actorType: 'lead', details: { provider: 'webchat', messageId: 'm-1' }, createdAt: '2026-12-02T09:59:00Z' },
    { id: 'a-1', type: 'lead_created', actorType: 'lead', details: { source: 'webchat' }, createdAt: '2026-12-01T12:00:00Z' },
  ],
};

const conversation = {
  conversations: [{ id: 'c-1', provider: 'webchat', aiActive: true }],
  messages: [{ id: 'm-1', provider: 'webchat', direction: 'inbound', senderType: 'lead', text: 'Hola, busco depto en Ñuñoa', createdAt: '2026-12-02T09:59:00Z' }],
};

const users = {
  items: [
    { id: 'u-admin', email: 'valentina@andes.cl', name: 'Valentina Soto', role: 'ADMIN', active: true },
    { id: 'u-agent', email: 'tomas@andes.cl', name: 'Tomás Rojas', role: 'AGENT', active: true },
    { id: 'u-cata', email: 'catalina@andes.cl', name: 'Catalina Muñoz', role: 'AGENT', active: true },
  ],
};

type Answer = (call: Call) => Response | Promise<Response>;

function server(answers: Partial<Record<string, Answer>> = {}) {
  return routeFetch((call) => {
    const key = `${call.method} ${call.url.split('?')[0]}`;
    const own = answers[key];
    if (own) return own(call);
    switch (key) {
      case 'GET /api/v1/leads/l-1':
        return jsonResponse(200, lead);
      case 'GET /api/v1/leads/l-1/activity':
        return jsonResponse(200, activity);
      case 'GET /api/v1/leads/l-1/conversation':
        return jsonResponse(200, conversation);
      case 'GET /api/v1/users':
        return jsonResponse(200, users);
      default:
        return problemResponse(404, 'not_found', 'No existe.');
    }
  });
}

const renderDetail = (id = 'l-1') => renderRoutes(`/leads/${id}`, [{ path: '/leads/:id', element: <LeadDetailPage /> }]);
const countOf = (calls: Call[], key: string) => calls.filter((call) => `${call.method} ${call.url.split('?')[0]}` === key).length;

describe('LeadDetailPage', () => {
  beforeEach(() => {
    signInAs(testUsers.admin);
    useToasts.setState({ toasts: [] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('adds a note to the timeline, which then shows it with its author; a refused note says why', async () => {
    let notes: unknown[] = [];
    const { calls } = server({
      'GET /api/v1/leads/l-1/activity': () => jsonResponse(200, { items: [...notes, ...activity.items] }),
      'POST /api/v1/leads/l-1/notes': (call) => {
        const text = (call.body as { text: string }).text;
        if (text.length > 20) return problemResponse(400, 'lead.note_invalid', 'La nota debe tener entre 1 y 2000 caracteres.');
        const entry = { id: 'a-9', type: 'note', actorType: 'user', actorUserId: 'u-cata', actorName: 'Catalina Muñoz', details: { text }, createdAt: '2026-12-04T12:00:00Z' };
        notes = [entry];
        return jsonResponse(201, entry);
      },
    });
    renderDetail();
    const box = await screen.findByLabelText('Nueva nota');

    fireEvent.change(box, { target: { value: 'Visita el sábado' } });
    fireEvent.click(screen.getByRole('button', { name: 'Agregar nota' }));

    await waitFor(() => expect(countOf(calls, 'POST /api/v1/leads/l-1/notes')).toBe(1));
    const timeline = screen.getByRole('heading', { name: 'Actividad' }).closest('section')!;
    await waitFor(() => expect(within(timeline).getByText('Catalina Muñoz')).toBeTruthy());
    expect((box as HTMLTextAreaElement).value).toBe('');

    fireEvent.change(box, { target: { value: 'Una nota demasiado larga para el servidor' } });
    fireEvent.click(screen.getByRole('button', { name: 'Agregar nota' }));
    expect(await screen.findByText('La nota debe tener entre 1 y 2000 caracteres.')).toBeTruthy();
  });

  it('shows placeholders while the lead loads', () => {
    server({ 'GET /api/v1/leads/l-1': () => new Promise<Response>(() => undefined) });
    renderDetail();

    expect(screen.getByRole('heading', { level: 1, name: 'Ficha del lead' })).toBeTruthy();
    expect(screen.getAllByRole('status').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'Volver a los leads' }).getAttribute('href')).toBe('/leads');
  });

  it('says the lead is not there (deleted or not yours) on a 404', async () => {
    server({ 'GET /api/v1/leads/l-1': () => problemResponse(404, 'lead.not_found', 'El lead no existe.') });
    renderDetail();

    expect(await screen.findByText('No encontramos este lead')).toBeTruthy();
    expect(screen.getByText('Puede que se haya eliminado, o que no esté asignado a ti.')).toBeTruthy();
  });

  it('shows other failures in words and retries', async () => {
    let attempts = 0;
    server({
      'GET /api/v1/leads/l-1': () => {
        attempts += 1;
        return attempts === 1 ? problemResponse(503, 'server.unavailable', 'stack trace here') : jsonResponse(200, lead);
      },
    });
    renderDetail();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('El servidor tuvo un problema');
    expect(alert.textContent).not.toContain('stack trace');
    fireEvent.click(within(alert).getByRole('button', { name: 'Reintentar' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Camila Fuentes' })).toBeTruthy();
  });

  it('offers no link to the inbox for a lead that never chatted', async () => {
    const { calls } = server({ 'GET /api/v1/leads/l-1/conversation': () => jsonResponse(200, { conversations: [], messages: [] }) });
    renderDetail();

    expect(await screen.findByRole('heading', { level: 1, name: 'Camila Fuentes' })).toBeTruthy();
    await waitFor(() => expect(countOf(calls, 'GET /api/v1/leads/l-1/conversation')).toBe(1));
    await new Promise((settled) => setTimeout(settled, 100));
    expect(screen.queryByRole('link', { name: 'Ver conversación' })).toBeNull();
  });

  it('shows the header, facts, score reasons, qualification, stage history, assignee, notes and timeline', async () => {
    server();
    renderDetail();

    expect(await screen.findByRole('heading', { level: 1, name: 'Camila Fuentes' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '+56955551234' }).getAttribute('href')).toBe('tel:+56955551234');
    expect(screen.getByRole('link', { name: 'camila@correo.cl' }).getAttribute('href')).toBe('mailto:camila@correo.cl');
    expect((await screen.findByRole('link', { name: 'Ver conversación' })).getAttribute('href')).toBe('/conversations?lead=l-1');
    expect(screen.getAllByText('Chat web').length).toBeGreaterThan(0);

    const facts = screen.getByRole('region', { name: 'Datos del lead' });
    const fact = (label: string) => within(facts).getByText(label, { selector: 'dt' }).parentElement!.querySelector('dd')!.textContent;
    expect(fact('Comuna')).toBe('Ñuñoa');
    expect(fact('Operación')).toBe('Compra');
    expect(fact('Presupuesto')).toBe('UF 4.500');
    expect(fact('Renta mensual')).toBe('$2.500.000');
    expect(fact('DICOM')).toBe('Con deudas');
    expect(fact('Plazo')).toBe('En 30 días');
    expect(fact('Baños')).toBe('Sin dato');

    const score = screen.getByRole('region', { name: 'Puntaje' });
    expect(within(score).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '+20 ptsPresupuesto conocido',
      '-15 ptsTiene deudas en DICOM',
      '+10 ptsNombre conocido',
    ]);
    expect(within(score).getByText('Potencial')).toBeTruthy();

    const stage = screen.getByRole('region', { name: 'Etapa' });
    expect(await within(stage).findByText('Calificación financiera → Potencial')).toBeTruthy();
    expect(within(stage).getByText('Calificó financieramente: Calificación financiera: potencial')).toBeTruthy();

    const assignment = screen.getByRole('region', { name: 'Asignación' });
    expect(await within(assignment).findByText('Tomás Rojas')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Notas' })).getByText('Prefiere piso alto.')).toBeTruthy();

    const timeline = screen.getByRole('region', { name: 'Actividad' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(items[0]!.textContent).toContain('Asignado a Tomás Rojas');
    expect(within(items[0]!).getByText('Tú')).toBeTruthy(); // the signed-in admin did it
    expect(items[2]!.textContent).toContain('Puntaje 46 → 85');
    expect(items[2]!.textContent).toContain('Tibio → Caliente');
    expect(await within(items[3]!).findByText('Hola, busco depto en Ñuñoa')).toBeTruthy();
    expect(items[4]!.textContent).toContain('Lead creado');

    fireEvent.change(within(timeline).getByLabelText('Mostrar'), { target: { value: 'messages' } });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(1);
  });

  it('edits a fact in place, showing the server objection under the field', async () => {
    const patches: unknown[] = [];
    server({
      'PATCH /api/v1/leads/l-1': (call) => {
        patches.push(call.body);
        const facts = (call.body as { facts?: { bedrooms?: number } }).facts;
        return facts?.bedrooms === 0
          ? problemResponse(400, 'request.invalid', 'facts.bedrooms debe ser un entero entre 1 y 20')
          : jsonResponse(200, { ...lead, facts: { ...lead.facts, ...facts } });
      },
    });
    renderDetail();
    await screen.findByRole('heading', { level: 1, name: 'Camila Fuentes' });

    fireEvent.click(screen.getByRole('button', { name: 'Editar Dormitorios' }));
    const input = screen.getByRole('textbox', { name: 'Dormitorios' });
    fireEvent.change(input, { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(screen.getByRole('alert').textContent).toBe('Escribe un número entero entre 0 y 20.');
    expect(patches).toHaveLength(0);

    fireEvent.change(input, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Debe ser un entero entre 1 y 20'));
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(input, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Dormitorios' })).toBeNull());
    expect(patches.at(-1)).toEqual({ facts: { bedrooms: 3 } });
    const facts = screen.getByRole('region', { name: 'Datos del lead' });
    expect(within(facts).getByText('Dormitorios', { selector: 'dt' }).parentElement!.textContent).toContain('3');

    // clearing sends null (merge patch)
    fireEvent.click(screen.getByRole('button', { name: 'Editar Comuna' }));
    fireEvent.click(screen.getByRole('button', { name: 'Borrar Comuna' }));
    await waitFor(() => expect(patches.at(-1)).toEqual({ facts: { location: null } }));
  });

  it('reassigns the lead for an admin', async () => {
    const { calls } = server({
      'POST /api/v1/leads/l-1/assign': () => jsonResponse(200, { ...lead, assignedTo: 'u-cata' }),
    });
    renderDetail();
    const assignment = await screen.findByRole('region', { name: 'Asignación' });
    await within(assignment).findByText('Tomás Rojas');

    const picker = within(assignment).getByLabelText('Reasignar') as HTMLSelectElement;
    expect([...picker.options].map((option) => option.text)).toEqual(['Elige a quién', 'Valentina Soto', 'Catalina Muñoz', 'Nadie (sin asignar)']);
    fireEvent.change(picker, { target: { value: 'u-cata' } });
    fireEvent.click(within(assignment).getByRole('button', { name: 'Reasignar' }));

    expect(await within(assignment).findByText('Catalina Muñoz')).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')!.body).toEqual({ assignedTo: 'u-cata' });
  });

  it('lets an agent take an unassigned lead, hides restricted facts and reads no user list', async () => {
    signInAs(testUsers.agent);
    const { facts, ...rest } = lead;
    const { monthlyIncome: _income, dicomStatus: _dicom, ...visible } = facts;
    const { calls } = server({
      'GET /api/v1/leads/l-1': () => jsonResponse(200, { ...rest, assignedTo: undefined, facts: visible, sensitiveFactsHidden: true }),
    });
    renderDetail();
    const assignment = await screen.findByRole('region', { name: 'Asignación' });

    expect(within(assignment).getByText('Sin asignar')).toBeTruthy();
    expect(within(assignment).getByRole('button', { name: 'Tomar este lead' })).toBeTruthy();
    expect(within(assignment).queryByLabelText('Reasignar')).toBeNull();
    const factsCard = screen.getByRole('region', { name: 'Datos del lead' });
    expect(within(factsCard).getAllByText('Reservado')).toHaveLength(3);
    expect(within(factsCard).queryByRole('button', { name: 'Editar Renta mensual' })).toBeNull();
    expect(calls.some((call) => call.url.startsWith('/api/v1/users'))).toBe(false);
  });

  it('reloads when a live event about this lead arrives, and ignores other leads', async () => {
    let version = 0;
    const { calls } = server({
      'GET /api/v1/leads/l-1': () => {
        version += 1;
        return jsonResponse(200, version === 1 ? lead : { ...lead, score: 92 });
      },
    });
    renderDetail();
    await screen.findByRole('heading', { level: 1, name: 'Camila Fuentes' });
    await waitFor(() => expect(countOf(calls, 'GET /api/v1/leads/l-1/activity')).toBe(1));

    publish({ kind: 'lead', data: { leadId: 'l-other', score: '50' } });
    await new Promise((resolve) => setTimeout(resolve, DETAIL_LIVE_MS + 100));
    expect(countOf(calls, 'GET /api/v1/leads/l-1')).toBe(1);

    publish({ kind: 'lead', data: { leadId: 'l-1', score: '92' } });
    await waitFor(() => expect(screen.getByText('92', { selector: '.lead-header__score' })).toBeTruthy());
    await waitFor(() => expect(countOf(calls, 'GET /api/v1/leads/l-1/activity')).toBe(2));

    publish({ kind: 'lead', data: { leadId: 'l-1', deleted: 'true' } });
    expect(await screen.findByText('Este lead fue eliminado.')).toBeTruthy();
  });
});
