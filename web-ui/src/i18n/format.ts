import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LOCALES, type Language } from './types';
import type { Money } from '../api/types';

export interface Formatters {
  readonly locale: string;
  /** 1.234 (es-CL) / 1,234 (en-US). */
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** 42 % / 42%; `ratio` is 0..1. */
  percent: (ratio: number, maximumFractionDigits?: number) => string;
  /** $1.250.000 in Chilean pesos (no decimals). */
  clp: (amount: number) => string;
  /** UF 3.250,5 — the Unidad de Fomento, up to two decimals. */
  uf: (amount: number) => string;
  /** A CLP or UF amount as the API sends it. */
  money: (money: Money) => string;
  /** 4 dic 2026 / Dec 4, 2026. */
  date: (iso: string | Date, options?: Intl.DateTimeFormatOptions) => string;
  /** 4 dic 2026, 14:05 / Dec 4, 2026, 2:05 PM. */
  dateTime: (iso: string | Date) => string;
  /** "hace 3 horas" / "3 hours ago" from now. */
  relative: (iso: string | Date, now?: Date) => string;
  /** A duration in seconds, in its most natural unit: 45 s, 12 min, 3,5 horas, 2 días. */
  duration: (seconds: number) => string;
}

const toDate = (value: string | Date): Date => (typeof value === 'string' ? new Date(value) : value);

/** Formatting in one UI language's locale (es → es-CL, en → en-US). */
export function formatters(language: Language): Formatters {
  const locale = LOCALES[language];
  const number = (value: number, options?: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(locale, options).format(value);
  const clp = (amount: number) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'CLP', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(amount);
  const uf = (amount: number) => `UF ${number(amount, { maximumFractionDigits: 2 })}`;
  const unit = (value: number, unitName: string, digits = 0, unitDisplay: 'short' | 'long' = 'short') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: unitName, unitDisplay, maximumFractionDigits: digits }).format(value);

  return {
    locale,
    number,
    percent: (ratio, maximumFractionDigits = 0) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(ratio),
    clp,
    uf,
    money: (money) => (money.currency === 'UF' ? uf(money.amount) : clp(money.amount)),
    date: (iso, options = { day: 'numeric', month: 'short', year: 'numeric' }) =>
      new Intl.DateTimeFormat(locale, options).format(toDate(iso)),
    dateTime: (iso) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(iso)),
    relative: (iso, now = new Date()) => {
      const seconds = Math.round((toDate(iso).getTime() - now.getTime()) / 1000);
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      const abs = Math.abs(seconds);
      if (abs < 60) return rtf.format(seconds, 'second');
      if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
      if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
      if (abs < 365 * 86_400) return rtf.format(Math.round(seconds / (30 * 86_400)), 'month');
      return rtf.format(Math.round(seconds / (365 * 86_400)), 'year');
    },
    duration: (seconds) => {
      if (seconds < 90) return unit(Math.round(seconds), 'second');
      if (seconds < 90 * 60) return unit(Math.round(seconds / 60), 'minute');
      if (seconds < 48 * 3600) return unit(seconds / 3600, 'hour', 1, 'long');
      return unit(seconds / 86_400, 'day', 1, 'long');
    },
  };
}

/** The formatters of the current UI language; re-renders when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'es';
  return useMemo(() => formatters(language), [language]);
}
