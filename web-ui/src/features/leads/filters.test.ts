import { describe, expect, it } from 'vitest';
import { fieldProblem, withoutFieldName } from './errors';
import { activeFilterCount, applyPatch, filtersToParams, parseFilters, periodStart, toApiQuery } from './filters';
import { parseAmount } from './money';
import { runAll, useLeadSelection } from './selection';
import { ApiError } from '../../api/problem';

const parse = (search: string) => parseFilters(new URLSearchParams(search));

describe('lead filters in the address bar', () => {
  it('reads every filter and ignores unknown or malformed values', () => {
    expect(parse('q=%20mu%C3%B1oz%20&status=hot&stage=profiling&channel=whatsapp&assignedTo=none&stale=true&minScore=60&created=7d&sort=-score')).toEqual({
      q: 'muñoz',
      status: 'hot',
      stage: 'profiling',
      channel: 'whatsapp',
      assignedTo: 'none',
      stale: true,
      minScore: 60,
      created: '7d',
      sort: '-score',
    });
    expect(parse('status=boiling&stage=x&channel=fax&stale=maybe&minScore=200&created=yesterday&sort=name&assignedTo=%3Cscript%3E')).toEqual({ sort: '-createdAt' });
  });

  it('keeps custom dates only with created=custom and valid dates', () => {
    expect(parse('created=custom&from=2026-11-01&to=2026-11-30')).toEqual({ created: 'custom', from: '2026-11-01', to: '2026-11-30', sort: '-createdAt' });
    expect(parse('created=custom&from=ayer')).toEqual({ sort: '-createdAt' });
    expect(parse('created=7d&from=2026-11-01')).toEqual({ created: '7d', sort: '-createdAt' });
  });

  it('writes filters back without defaults, so a round trip is stable', () => {
    const search = 'q=munoz&status=warm&assignedTo=me&stale=true&minScore=40&created=custom&from=2026-11-01&sort=score';
    const params = filtersToParams(parse(search));
    expect(params.toString()).toBe(search);
    expect(filtersToParams({ sort: '-createdAt' }).toString()).toBe('');
  });

  it('applies a change, removing filters set to undefined and custom dates when leaving custom', () => {
    const filters = parse('status=hot&created=custom&from=2026-11-01');
    expect(applyPatch(filters, { status: undefined, stage: 'potential' })).toEqual({ stage: 'potential', created: 'custom', from: '2026-11-01', sort: '-createdAt' });
    expect(applyPatch(filters, { created: '30d' })).toEqual({ status: 'hot', created: '30d', sort: '-createdAt' });
    expect(activeFilterCount(parse('q=x&sort=score'))).toBe(0);
    expect(activeFilterCount(parse('status=hot&stale=true&created=today'))).toBe(3);
  });

  it('turns filters into the API query: me → the user id, periods → createdFrom', () => {
    const now = new Date(2026, 11, 4, 15, 0);
    expect(toApiQuery(parse('assignedTo=me&created=7d&stale=true&q=ana'), { userId: 'u-1', now })).toEqual({
      q: 'ana',
      stale: true,
      sort: '-createdAt',
      assignedTo: 'u-1',
      createdFrom: '2026-11-28',
    });
    expect(toApiQuery(parse('created=custom&from=2026-11-01&to=2026-11-30&assignedTo=none'), { now })).toEqual({
      sort: '-createdAt',
      assignedTo: 'none',
      createdFrom: '2026-11-01',
      createdTo: '2026-11-30',
    });
    expect(periodStart('today', now)).toBe('2026-12-04');
    expect(periodStart('90d', now)).toBe('2026-09-06');
  });
});

describe('lead selection store', () => {
  it('toggles rows, all visible rows, keeps only present rows and clears', () => {
    const store = useLeadSelection;
    store.getState().clear();
    store.getState().toggle('a');
    store.getState().toggle('b');
    store.getState().toggle('a');
    expect([...store.getState().ids]).toEqual(['b']);

    store.getState().toggleAll(['a', 'b', 'c']);
    expect([...store.getState().ids].sort()).toEqual(['a', 'b', 'c']);
    store.getState().toggleAll(['a', 'b', 'c']);
    expect(store.getState().ids.size).toBe(0);

    store.getState().toggleAll(['a', 'b', 'c']);
    store.getState().retain(['b', 'z']);
    expect([...store.getState().ids]).toEqual(['b']);
    store.getState().clear();
    expect(store.getState().ids.size).toBe(0);
  });

  it('runs a bulk task a few at a time and settles every item', async () => {
    let running = 0;
    let peak = 0;
    const results = await runAll(
      [1, 2, 3, 4, 5, 6, 7],
      async (n) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (n === 3) throw new Error('no');
        return n * 2;
      },
      3,
    );
    expect(peak).toBe(3);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(results[6]).toEqual({ status: 'fulfilled', value: 14 });
  });
});

describe('amounts and field errors', () => {
  it('reads amounts as typed in Chile', () => {
    expect(parseAmount('4.500', 'UF')).toBe(4500);
    expect(parseAmount('3.250,5', 'UF')).toBe(3250.5);
    expect(parseAmount('UF 2500.25', 'UF')).toBe(2500.25);
    expect(parseAmount('$120.000.000', 'CLP')).toBe(120_000_000);
    expect(parseAmount('1.5', 'CLP')).toBe(15); // pesos have no decimals: dots group thousands
    expect(parseAmount('12,345', 'UF')).toBeNull();
    expect(parseAmount('10,5', 'CLP')).toBeNull();
    expect(parseAmount('abc', 'UF')).toBeNull();
    expect(parseAmount('', 'UF')).toBeNull();
  });

  it('finds the field a rejection is about and drops its name from the sentence', () => {
    const problem = (status: number, code: string, detail: string) =>
      fieldProblem(new ApiError(detail, status, { status, code, detail }));
    expect(problem(400, 'lead.phone_invalid', 'phone no es un teléfono válido.')).toEqual({ field: 'phone', message: 'No es un teléfono válido.' });
    expect(problem(400, 'request.invalid', 'facts.budget: monto no válido')).toEqual({ field: 'budget', message: 'Monto no válido' });
    expect(problem(409, 'lead.identity_taken', 'Ya existe otro lead de la corredora con ese correo.')).toEqual({
      field: 'email',
      message: 'Ya existe un lead con este correo.',
    });
    expect(problem(400, 'request.invalid', 'El cuerpo debe ser un objeto JSON.')).toEqual({ message: 'El cuerpo debe ser un objeto JSON.' });
    expect(withoutFieldName('notes admite a lo más 10000 caracteres.')).toBe('Admite a lo más 10000 caracteres.');
  });
});
