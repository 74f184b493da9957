import type { Money } from '../../api/types';

/**
 * Reads an amount as people in Chile type it: `4.500` (four thousand five hundred), `3.250,5` UF,
 * `$120.000.000`, or plain `4500.5`. Pesos have no decimals, UF up to two (as the API requires).
 * Returns null for anything else.
 */
export function parseAmount(text: string, currency: Money['currency']): number | null {
  let value = text.replace(/\s|\$|uf|clp/gi, '');
  if (value === '') return null;
  if (value.includes(',')) {
    value = value.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(value) || currency === 'CLP') {
    value = value.replace(/\./g, '');
  }
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const decimals = value.split('.')[1]?.length ?? 0;
  if (decimals > (currency === 'UF' ? 2 : 0)) return null;
  const amount = Number(value);
  return Number.isFinite(amount) && amount >= 0 ? amount : null;
}

/** An amount as an editable text in the current language (no thousands separators). */
export function amountText(amount: number, language: string): string {
  const text = String(amount);
  return language === 'es' ? text.replace('.', ',') : text;
}
