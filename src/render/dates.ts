import { type FuzzyDate, fuzzyDateParts } from '../domain/fuzzy-date.ts';
import { intlLocale, type Lang } from '../i18n/languages.ts';
import { translator } from '../i18n/translator.ts';

const PRECISION_OPTIONS = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  year: { year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, precision: keyof typeof PRECISION_OPTIONS | 'monthOnly'): Intl.DateTimeFormat {
  const key = `${lang} ${precision}`;
  let found = formatters.get(key);
  if (!found) {
    const options = precision === 'monthOnly' ? { month: 'long' as const } : PRECISION_OPTIONS[precision];
    found = new Intl.DateTimeFormat(intlLocale(lang), { ...options, timeZone: 'UTC' });
    formatters.set(key, found);
  }
  return found;
}

/** Midnight UTC of a calendar day; setUTCFullYear keeps years below 100 as they are. */
function utcDay(year: number, month = 1, day = 1): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** "June", "Juni", "červen", "6月": the month on its own, as a calendar heading names it. */
export function monthName(month: number, lang: Lang = 'en'): string {
  return formatter(lang, 'monthOnly').format(utcDay(2000, month));
}

/**
 * As precise as the date is, never more, in the reader's language: "3 June 1967", "3. Juni 1967",
 * "October 1974", "říjen 1974", "1974年10月", "836".
 */
export function formatFuzzyDate(date: FuzzyDate, lang: Lang = 'en'): string {
  const { year, month, day } = fuzzyDateParts(date);
  const precision = month === undefined ? 'year' : day === undefined ? 'month' : 'day';
  return formatter(lang, precision).format(utcDay(year, month, day));
}

/** 1st, 2nd, 3rd, 11th, 22nd; 1., 2.; 1er, 2e; 第1: by the language's ordinal plural rules. */
export function ordinal(n: number, lang: Lang = 'en'): string {
  return translator(lang).t('common.ordinal', { count: n, ordinal: true });
}
