import type { Formatters } from '../../../i18n/format';

/** US dollars, with cents below 100 (AI costs are small). */
export const usd = (format: Formatters, amount: number): string =>
  format.number(amount, { style: 'currency', currency: 'USD', currencyDisplay: 'symbol', minimumFractionDigits: amount < 100 ? 2 : 0, maximumFractionDigits: amount < 1 ? 4 : 2 });
