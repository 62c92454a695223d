import type { Temporal } from 'temporal-polyfill';
import { type FuzzyDate, formatFuzzyDateIso, parseFuzzyDate } from '../domain/fuzzy-date.ts';
import { type Translator, translator } from '../i18n/translator.ts';

export type DateTextResult = { ok: true; date: FuzzyDate } | { ok: false; message: string };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Reads a date as people type it, keeping only the precision they gave: `2015`, `2015-06`,
 * `2015-06-03`, `3 June 2015`, `June 3, 2015`, `June 2015`, `today`. A day is never invented.
 */
export function parseDateText(
  text: string,
  today: Temporal.PlainDate,
  tr: Translator = translator('en'),
): DateTextResult {
  const trimmed = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (trimmed === 'today') return { ok: true, date: today.toString() };
  const iso = /^(\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(trimmed);
  if (iso) return checked(text, tr, iso[1] as string, iso[2], iso[3]);
  const words = trimmed.split(' ');
  const monthAt = words.findIndex((w) => monthNumber(w) !== undefined);
  const year = words.at(-1);
  if (monthAt >= 0 && year !== undefined && /^\d{1,4}$/.test(year)) {
    const month = String(monthNumber(words[monthAt] as string));
    const others = words.filter((_, i) => i !== monthAt && i !== words.length - 1);
    if (others.length === 0) return checked(text, tr, year, month, undefined);
    const day = others[0]?.replace(/(?:st|nd|rd|th)$/, '');
    if (others.length === 1 && day !== undefined && /^\d{1,2}$/.test(day))
      return checked(text, tr, year, month, day);
  }
  return { ok: false, message: tr.t('dispatch.dateUnreadable', { text: text.trim() }) };
}

function checked(text: string, tr: Translator, year: string, month?: string, day?: string): DateTextResult {
  const iso = formatFuzzyDateIso({
    year: Number(year),
    ...(month !== undefined && { month: Number(month) }),
    ...(day !== undefined && { day: Number(day) }),
  });
  if (parseFuzzyDate(iso) === undefined)
    return { ok: false, message: tr.t('dispatch.dateNotReal', { text: text.trim() }) };
  return { ok: true, date: iso };
}

function monthNumber(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m.startsWith(word.replace(/\.$/, '')));
  return index === -1 ? undefined : index + 1;
}
