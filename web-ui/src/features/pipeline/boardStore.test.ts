import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PipelineStage } from '../../api/types';
import { useToasts } from '../../components/ui';
import { jsonResponse, problemResponse, routeFetch } from '../../test/http';
import { signInAs, testUsers } from '../../test/render';
import { useBoardStore } from './boardStore';
import { testBoard, testLead } from './testData';

const camila = testLead('l-1', 'Camila Fuentes', 'profiling');
const benjamin = testLead('l-2', 'Benjamín Rojas', 'profiling');
const josefa = testLead('l-3', 'Josefa Muñoz', 'potential');
const closed = testLead('l-4', 'Isidora Soto', 'won');

const ids = (stage: PipelineStage) =>
  useBoardStore.getState().columns[stage].items.map((lead) => lead.id);

describe('board store', () => {
  beforeEach(() => {
    signInAs(testUsers.admin);
    useBoardStore.getState().reset();
    useToasts.setState({ toasts: [] });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('loads the board with counts; with filters it reads each stage from the lead list', async () => {
    const { calls } = routeFetch((call) => {
      if (call.url.startsWith('/api/v1/pipeline/board')) return jsonResponse(200, testBoard([camila, benjamin, josefa], { profiling: 41 }));
      if (call.url.startsWith('/api/v1/leads?stage=profiling')) return jsonResponse(200, { items: [camila], nextCursor: 'c-2' });
      return jsonResponse(200, { items: [] });
    });

    await useBoardStore.getState().load();
    expect(useBoardStore.getState().status).toBe('ready');
    expect(ids('profiling')).toEqual(['l-1', 'l-2']);
    expect(useBoardStore.getState().columns.profiling.count).toBe(41);
    expect(calls[0]!.url).toBe('/api/v1/pipeline/board?limit=30');

    await useBoardStore.getState().load({ assignedTo: 'u-agent', q: ' camila ' });
    expect(ids('profiling')).toEqual(['l-1']);
    expect(useBoardStore.getState().columns.profiling.count).toBeNull();
    expect(useBoardStore.getState().columns.profiling.nextCursor).toBe('c-2');
    expect(calls.map((call) => call.url)).toContain('/api/v1/leads?stage=profiling&assignedTo=u-agent&q=camila&sort=-createdAt&limit=30');
    expect(calls.filter((call) => call.url.startsWith('/api/v1/leads?'))).toHaveLength(7);
  });

  it('moves a lead at once, then keeps the server’s version', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { calls } = routeFetch((call) => {
      if (call.url.startsWith('/api/v1/pipeline/board')) return jsonResponse(200, testBoard([camila, benjamin, josefa]));
      return new Promise<Response>((resolve) => (answer = resolve));
    });
    await useBoardStore.getState().load();

    const moving = useBoardStore.getState().move('l-1', { stage: 'potential', reason: 'Movido en el tablero' });

    // optimistic: already in its new column, counts follow
    expect(ids('profiling')).toEqual(['l-2']);
    expect(ids('potential')).toEqual(['l-1', 'l-3']);
    expect(useBoardStore.getState().columns.potential.count).toBe(2);
    expect(useBoardStore.getState().columns.profiling.count).toBe(1);
    expect(useBoardStore.getState().pending).toEqual({ 'l-1': 'potential' });

    answer(jsonResponse(200, { ...camila, stage: 'potential', score: 72 }));
    const result = await moving;

    expect(result.ok).toBe(true);
    expect(useBoardStore.getState().columns.potential.items[0]!.score).toBe(72);
    expect(useBoardStore.getState().pending).toEqual({});
    const post = calls.find((call) => call.method === 'POST')!;
    expect(post.url).toBe('/api/v1/leads/l-1/stage');
    expect(post.body).toEqual({ stage: 'potential', reason: 'Movido en el tablero' });
  });

  it('puts the lead back where it was and says why when the server refuses', async () => {
    routeFetch((call) => {
      if (call.url.startsWith('/api/v1/pipeline/board')) return jsonResponse(200, testBoard([camila, benjamin, josefa, closed]));
      return problemResponse(403, 'lead.reopen_requires_admin', 'Solo un administrador puede reabrir un lead ganado o perdido.');
    });
    await useBoardStore.getState().load();

    const result = await useBoardStore.getState().move('l-2', { stage: 'lost', reason: 'Ya no le interesa', closeReason: 'not_interested' });

    expect(result.ok).toBe(false);
    expect(ids('profiling')).toEqual(['l-1', 'l-2']); // same place as before, not just the same column
    expect(ids('lost')).toEqual([]);
    expect(useBoardStore.getState().columns.profiling.count).toBe(2);
    expect(useBoardStore.getState().columns.lost.count).toBe(0);
    expect(useBoardStore.getState().pending).toEqual({});
    expect(useToasts.getState().toasts).toEqual([
      expect.objectContaining({ kind: 'error', message: 'No se pudo mover a Benjamín Rojas: Solo un administrador puede reabrir un lead ganado o perdido.' }),
    ]);
  });

  it('keeps a move in flight across a live refetch, and rolls back correctly afterwards', async () => {
    let answer: (response: Response) => void = () => undefined;
    let boards = 0;
    routeFetch((call) => {
      if (call.url.startsWith('/api/v1/pipeline/board')) {
        boards += 1;
        // the second read also brings a new lead
        return jsonResponse(200, testBoard(boards === 1 ? [camila, benjamin] : [testLead('l-9', 'Nueva', 'new'), camila, benjamin]));
      }
      return new Promise<Response>((resolve) => (answer = resolve));
    });
    await useBoardStore.getState().load();
    const moving = useBoardStore.getState().move('l-1', { stage: 'scheduled', reason: 'Visita agendada' });

    await useBoardStore.getState().refresh();
    expect(ids('new')).toEqual(['l-9']);
    expect(ids('scheduled')).toEqual(['l-1']); // the refetch did not undo the optimistic move
    expect(ids('profiling')).toEqual(['l-2']);

    answer(problemResponse(409, 'lead.closed', 'El lead ya está cerrado: reábrelo antes de moverlo.'));
    await moving;
    expect(ids('scheduled')).toEqual([]);
    expect(ids('profiling')).toEqual(['l-1', 'l-2']);
    expect(useBoardStore.getState().columns.profiling.count).toBe(2);
  });

  it('drops the answer of an older load', async () => {
    const answers: Array<(response: Response) => void> = [];
    routeFetch(() => new Promise<Response>((resolve) => answers.push(resolve)));
    const first = useBoardStore.getState().load();
    const second = useBoardStore.getState().load();
    answers[1]!(jsonResponse(200, testBoard([josefa])));
    await second;
    answers[0]!(jsonResponse(200, testBoard([camila])));
    await first;
    expect(ids('potential')).toEqual(['l-3']);
    expect(ids('profiling')).toEqual([]);
  });

  it('shows the error of a failed first load, but keeps the board when a live refetch fails', async () => {
    let fail = true;
    routeFetch(() => (fail ? problemResponse(503, 'server.unavailable', 'x') : jsonResponse(200, testBoard([camila]))));
    await useBoardStore.getState().load();
    expect(useBoardStore.getState().status).toBe('error');

    fail = false;
    await useBoardStore.getState().load();
    fail = true;
    await useBoardStore.getState().refresh();
    expect(useBoardStore.getState().status).toBe('ready');
    expect(ids('profiling')).toEqual(['l-1']);
  });

  it('appends the next page of a column without duplicates', async () => {
    const { calls } = routeFetch((call) => {
      if (call.url.startsWith('/api/v1/pipeline/board')) {
        const board = testBoard([camila], { profiling: 3 });
        board.stages[1]!.nextCursor = 'next-1';
        return jsonResponse(200, board);
      }
      return jsonResponse(200, { items: [camila, benjamin] });
    });
    await useBoardStore.getState().load();
    await useBoardStore.getState().loadMore('profiling');
    expect(ids('profiling')).toEqual(['l-1', 'l-2']);
    expect(useBoardStore.getState().columns.profiling.nextCursor).toBeUndefined();
    expect(calls[1]!.url).toBe('/api/v1/leads?stage=profiling&sort=-createdAt&limit=30&cursor=next-1');
  });
});
