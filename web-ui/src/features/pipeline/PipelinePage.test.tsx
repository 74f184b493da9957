import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PIPELINE_STAGES } from '../../api/types';
import { useToasts } from '../../components/ui';
import { publish } from '../../live/events';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../test/http';
import { renderPage, signInAs, testUsers } from '../../test/render';
import { useBoardStore } from './boardStore';
import PipelinePage, { LIVE_REFETCH_MS } from './PipelinePage';
import { testBoard, testLead } from './testData';

const camila = testLead('l-1', 'Camila Fuentes', 'profiling', { assignedTo: 'u-agent', score: 74, status: 'hot' });
const benjamin = testLead('l-2', 'Benjamín Rojas', 'won', { facts: {}, identities: [] });
const staff = { items: [{ id: 'u-agent', name: 'Tomás Rojas', email: 'tomas@andes.cl', role: 'AGENT', active: true }] };

/**
 * jsdom lays nothing out: give each column a place side by side (and each card its column's), so
 * that dnd-kit's keyboard sensor and collision detection can work as in a browser.
 */
function layOutBoard() {
  const column = (element: Element) => PIPELINE_STAGES.indexOf(element.closest('[data-stage]')?.getAttribute('data-stage') as never);
  return vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function rect(this: Element): DOMRect {
    // the card following the keys starts where the picked-up card is
    const picked = this.classList.contains('lead-card--overlay') ? document.querySelector('.lead-card--dragging') : null;
    if (picked) return picked.getBoundingClientRect();
    const index = this.closest('[data-stage]') ? column(this) : -1;
    if (index < 0) return DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });
    const left = index * 250;
    if (this.hasAttribute('data-stage')) return DOMRect.fromRect({ x: left, y: 100, width: 240, height: 600 });
    return DOMRect.fromRect({ x: left + 10, y: 140, width: 220, height: 120 });
  });
}

function server(move: (call: Call) => Response | Promise<Response> = (call) => jsonResponse(200, { ...camila, stage: (call.body as { stage: 'new' }).stage })) {
  return routeFetch((call) => {
    if (call.url.startsWith('/api/v1/pipeline/board')) return jsonResponse(200, testBoard([camila, benjamin]));
    if (call.url.startsWith('/api/v1/users')) return jsonResponse(200, staff);
    if (call.method === 'POST' && call.url.endsWith('/stage')) return move(call);
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

const liveRegion = () => document.querySelector('[id^="DndLiveRegion"]')!;

/** dnd-kit listens to the document from the next tick on; its moves settle over a few frames. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 30)));

async function press(target: Element, code: string) {
  fireEvent.keyDown(target, { code, key: code === 'Space' ? ' ' : code });
  await settle();
}

describe('PipelinePage', () => {
  beforeEach(() => {
    useBoardStore.getState().reset();
    useToasts.setState({ toasts: [] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows a column per stage with the leads’ cards', async () => {
    signInAs(testUsers.admin);
    server();
    renderPage(<PipelinePage />, '/pipeline');

    expect(screen.getAllByRole('status').length).toBeGreaterThan(0); // skeletons first
    const profiling = await screen.findByRole('region', { name: 'Perfilamiento' });
    expect(within(profiling).getByText('1 lead')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Entrada',
      'Perfilamiento',
      'Calificación financiera',
      'Potencial',
      'Agendado',
      'Ganado',
      'Perdido',
    ]);
    const card = within(profiling).getByRole('article');
    expect(within(card).getByRole('link', { name: 'Abrir ficha de Camila Fuentes' }).getAttribute('href')).toBe('/leads/l-1');
    expect(within(card).getByText('74')).toBeTruthy();
    expect(within(card).getByText('Caliente')).toBeTruthy();
    expect(within(card).getByText('WhatsApp')).toBeTruthy();
    expect(within(card).getByText('UF 4.500')).toBeTruthy();
    expect(await within(card).findByText('Tomás Rojas')).toBeTruthy();
    expect(within(card).getByText('3 días en la etapa')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Potencial' })).getByText('Sin leads en esta etapa')).toBeTruthy();
  });

  it('moves a lead with the keyboard, announcing each step in Spanish', async () => {
    signInAs(testUsers.admin);
    layOutBoard();
    const { calls } = server();
    renderPage(<PipelinePage />, '/pipeline');
    const handle = await screen.findByRole('button', { name: 'Mover a Camila Fuentes' });
    expect(document.getElementById(handle.getAttribute('aria-describedby')!)?.textContent).toMatch(/^Para mover un lead, presiona Espacio o Enter/);

    handle.focus();
    await press(handle, 'Space');
    await waitFor(() => expect(liveRegion().textContent).toBe('Tomaste a Camila Fuentes, que está en Perfilamiento. Usa las flechas izquierda y derecha para elegir la etapa.'));

    await press(handle, 'ArrowRight');
    await waitFor(() => expect(liveRegion().textContent).toBe('Camila Fuentes está sobre Calificación financiera.'));
    await press(handle, 'ArrowRight');
    await waitFor(() => expect(liveRegion().textContent).toBe('Camila Fuentes está sobre Potencial.'));

    await press(handle, 'Space');
    await waitFor(() => expect(liveRegion().textContent).toBe('Moviste a Camila Fuentes de Perfilamiento a Potencial.'));

    const potential = screen.getByRole('region', { name: 'Potencial' });
    expect(within(potential).getByText('Camila Fuentes')).toBeTruthy();
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({
      url: '/api/v1/leads/l-1/stage',
      body: { stage: 'potential', reason: 'Movido en el tablero: Perfilamiento → Potencial' },
    });
  });

  it('cancels a keyboard move with Escape', async () => {
    signInAs(testUsers.admin);
    layOutBoard();
    const { calls } = server();
    renderPage(<PipelinePage />, '/pipeline');
    const handle = await screen.findByRole('button', { name: 'Mover a Camila Fuentes' });
    handle.focus();
    await press(handle, 'Space');
    await press(handle, 'ArrowRight');
    await press(handle, 'Escape');
    await waitFor(() => expect(liveRegion().textContent).toBe('Cancelaste el movimiento: Camila Fuentes sigue en Perfilamiento.'));
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('asks for the close reason when a lead is dropped on "Perdido", and rolls back a refused move', async () => {
    signInAs(testUsers.admin);
    layOutBoard();
    const { calls } = server(() => problemResponse(409, 'lead.closed', 'El lead ya está cerrado: reábrelo antes de moverlo.'));
    renderPage(<PipelinePage />, '/pipeline');
    const handle = await screen.findByRole('button', { name: 'Mover a Camila Fuentes' });
    handle.focus();
    await press(handle, 'Space');
    for (let step = 0; step < 5; step += 1) await press(handle, 'ArrowRight');
    await press(handle, 'Space');

    const dialog = await screen.findByRole('dialog', { name: 'Cerrar a Camila Fuentes como perdido' });
    expect(liveRegion().textContent).toBe('Soltaste a Camila Fuentes en Perdido: indica el motivo del cierre.');
    expect(calls.some((call) => call.method === 'POST')).toBe(false); // nothing moves before the reason
    fireEvent.click(within(dialog).getByLabelText('No logramos contactarlo'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cerrar como perdido' }));

    await waitFor(() => expect(useToasts.getState().toasts).toHaveLength(1));
    expect(calls.find((call) => call.method === 'POST')!.body).toEqual({ stage: 'lost', closeReason: 'unreachable', reason: 'No logramos contactarlo' });
    expect(useToasts.getState().toasts[0]!.message).toBe('No se pudo mover a Camila Fuentes: El lead ya está cerrado: reábrelo antes de moverlo.');
    expect(within(screen.getByRole('region', { name: 'Perfilamiento' })).getByText('Camila Fuentes')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Perdido' })).queryByText('Camila Fuentes')).toBeNull();
  });

  it('lets an admin reopen a won lead after confirming; an agent cannot pick it up', async () => {
    signInAs(testUsers.agent);
    server();
    const first = renderPage(<PipelinePage />, '/pipeline');
    const locked = await screen.findByRole('button', { name: 'Benjamín Rojas está cerrado: solo un administrador puede reabrirlo' });
    expect(locked.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Mover a Camila Fuentes' }).getAttribute('aria-disabled')).toBeNull();
    first.unmount();

    signInAs(testUsers.admin);
    layOutBoard();
    const { calls } = server(() => jsonResponse(200, { ...benjamin, stage: 'scheduled', status: 'warm' }));
    renderPage(<PipelinePage />, '/pipeline');
    const handle = await screen.findByRole('button', { name: 'Mover a Benjamín Rojas' });
    handle.focus();
    await press(handle, 'Space');
    await press(handle, 'ArrowLeft');
    await press(handle, 'Space');
    const dialog = await screen.findByRole('dialog', { name: '¿Reabrir a Benjamín Rojas?' });
    expect(dialog.textContent).toContain('Benjamín Rojas está cerrado como Ganado. Pasará a Agendado y su puntaje se recalculará.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reabrir' }));
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'POST')!.body).toEqual({ stage: 'scheduled', reason: 'Reabierto en el tablero: Ganado → Agendado' }),
    );
    expect(await within(screen.getByRole('region', { name: 'Agendado' })).findByText('Benjamín Rojas')).toBeTruthy();
  });

  it('refetches once after a burst of live lead events', async () => {
    signInAs(testUsers.admin);
    const { calls } = server();
    renderPage(<PipelinePage />, '/pipeline');
    await screen.findByText('Camila Fuentes');
    const boards = () => calls.filter((call) => call.url.startsWith('/api/v1/pipeline/board')).length;
    expect(boards()).toBe(1);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const leadId of ['l-1', 'l-2', 'l-3']) publish({ kind: 'lead', data: { leadId, stage: 'potential' } });
    await vi.advanceTimersByTimeAsync(LIVE_REFETCH_MS - 100);
    expect(boards()).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    vi.useRealTimers();
    await waitFor(() => expect(boards()).toBe(2));
  });

  it('filters by agent and search through the lead list', async () => {
    signInAs(testUsers.admin);
    const { calls } = routeFetch((call) => {
      if (call.url.startsWith('/api/v1/pipeline/board')) return jsonResponse(200, testBoard([camila, benjamin]));
      if (call.url.startsWith('/api/v1/users')) return jsonResponse(200, staff);
      if (call.url.startsWith('/api/v1/leads?stage=profiling')) return jsonResponse(200, { items: [camila] });
      return jsonResponse(200, { items: [] });
    });
    const { router } = renderPage(<PipelinePage />, '/pipeline');
    await screen.findByText('Camila Fuentes');
    const agent = screen.getByLabelText('Agente');
    await waitFor(() => expect(within(agent).getByRole('option', { name: 'Tomás Rojas' })).toBeTruthy());
    fireEvent.change(agent, { target: { value: 'u-agent' } });

    await waitFor(() => expect(calls.some((call) => call.url === '/api/v1/leads?stage=profiling&assignedTo=u-agent&sort=-createdAt&limit=30')).toBe(true));
    expect(router.state.location.search).toBe('?agent=u-agent');
    expect(await screen.findByText('1 lead cargado')).toBeTruthy();
    expect(screen.getByText('Con filtros, cada columna cuenta solo los leads cargados.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Buscar'), { target: { value: 'zzz' } });
    await waitFor(() => expect(router.state.location.search).toBe('?agent=u-agent&q=zzz'), { timeout: 2000 });
    await waitFor(() => expect(calls.some((call) => call.url.includes('q=zzz'))).toBe(true));
  });
});
