import { describe, expect, it } from 'vitest';
import { formatters } from './format';

/** Intl separates with (narrow) no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatters', () => {
  const es = formatters('es');
  const en = formatters('en');

  it('formats Chilean pesos and UF in es-CL and en-US', () => {
    expect(es.clp(1250000)).toBe('$1.250.000');
    expect(en.clp(1250000)).toBe('$1,250,000');
    expect(es.uf(3250.5)).toBe('UF 3.250,5');
    expect(en.uf(3250.5)).toBe('UF 3,250.5');
    expect(es.money({ amount: 4500, currency: 'UF' })).toBe('UF 4.500');
    expect(es.money({ amount: 990000, currency: 'CLP' })).toBe('$990.000');
  });

  it('formats dates in the chosen language', () => {
    const date = new Date(2026, 11, 4, 14, 5);
    expect(es.date(date)).toMatch(/^4 dic(\.)? 2026$/);
    expect(en.date(date)).toBe('Dec 4, 2026');
    expect(plain(en.dateTime(date))).toBe('Dec 4, 2026, 2:05 PM');
  });

  it('says durations in their natural unit and times relative to now', () => {
    expect(plain(es.duration(45))).toBe('45 s');
    expect(plain(es.duration(150))).toBe('3 min');
    expect(plain(en.duration(3.5 * 3600))).toBe('3.5 hours');
    expect(plain(es.duration(3.5 * 3600))).toBe('3,5 horas');
    expect(plain(es.duration(3 * 86_400))).toBe('3 días');
    const now = new Date('2026-12-04T12:00:00Z');
    expect(es.relative('2026-12-04T09:00:00Z', now)).toBe('hace 3 horas');
    expect(en.relative('2026-12-02T12:00:00Z', now)).toBe('2 days ago');
  });
});
