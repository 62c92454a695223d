import type { Temporal } from 'temporal-polyfill';
import { type FuzzyDate, formatFuzzyDateIso, parseFuzzyDate } from '../domain/fuzzy-date.ts';
import { intlLocale, type Lang } from '../i18n/languages.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { formatFuzzyDate } from '../render/dates.ts';

export type DateTextResult = { ok: true; date: FuzzyDate } | { ok: false; message: string };

const EN = translator('en');

/** What a reader may type in their language beside the English words: month names, filler words, "today". */
interface DateWords {
  /** Month names by their number: English always, and the language's own, as names and inside dates ("června"). */
  months: readonly (readonly [string, number])[];
  /** Words a date in the language carries between its numbers and month: Spanish "de". */
  fillers: ReadonlySet<string>;
  today: ReadonlySet<string>;
}

const ENGLISH_MONTHS = [
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

const wordsByLang = new Map<Lang, DateWords>();

/** The words come from Intl, so each language reads the dates it writes ("3. Juni 2015", "3 de junio de 2015"). */
function dateWords(lang: Lang): DateWords {
  const cached = wordsByLang.get(lang);
  if (cached) return cached;
  const locale = intlLocale(lang);
  const months: [string, number][] = ENGLISH_MONTHS.map((name, i) => [name, i + 1]);
  const fillers = new Set<string>();
  const inDate = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const alone = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  for (let month = 1; month <= 12; month += 1) {
    const day = new Date(Date.UTC(2015, month - 1, 3));
    for (const part of inDate.formatToParts(day)) {
      if (part.type === 'month') months.push([part.value.toLowerCase(), month]);
      if (part.type === 'literal')
        for (const word of part.value.toLowerCase().split(/\s+/)) if (/\p{L}/u.test(word)) fillers.add(word);
    }
    months.push([alone.format(day).toLowerCase(), month]);
  }
  const today = new Set(['today', new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'day')]);
  const words = { months: months.filter(([name]) => !/\d/.test(name)), fillers, today };
  wordsByLang.set(lang, words);
  return words;
}

/**
 * Reads a date as people type it, keeping only the precision they gave: `2015`, `2015-06`,
 * `2015-06-03`, `3 June 2015`, `June 3, 2015`, `June 2015`, `today`, and the same in the reader's
 * language: `3. Juni 2015`, `3 de junio de 2015`, `2015年6月3日`, `dnes`. A day is never invented.
 */
export function parseDateText(text: string, today: Temporal.PlainDate, tr: Translator = EN): DateTextResult {
  const words = dateWords(tr.lang);
  const trimmed = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (words.today.has(trimmed)) return { ok: true, date: today.toString() };
  const iso = /^(\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(trimmed);
  if (iso) return checked(text, tr, iso[1] as string, iso[2], iso[3]);
  // Japanese and Chinese write 2015年6月3日, 2015年6月, 2015年.
  const cjk = /^(\d{1,4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(trimmed.replace(/ /g, ''));
  if (cjk) return checked(text, tr, cjk[1] as string, cjk[2], cjk[3]);
  const parts = trimmed.split(' ').filter((w) => !words.fillers.has(w));
  const monthAt = parts.findIndex((w) => monthNumber(w, words) !== undefined);
  const year = parts.at(-1);
  if (monthAt >= 0 && year !== undefined && /^\d{1,4}$/.test(year)) {
    const month = String(monthNumber(parts[monthAt] as string, words));
    const others = parts.filter((_, i) => i !== monthAt && i !== parts.length - 1);
    if (others.length === 0) return checked(text, tr, year, month, undefined);
    const day = others[0]?.replace(/(?:st|nd|rd|th|\.)$/, '');
    if (others.length === 1 && day !== undefined && /^\d{1,2}$/.test(day))
      return checked(text, tr, year, month, day);
  }
  return {
    ok: false,
    message: tr.t('dateText.unreadable', {
      text: text.trim(),
      example: formatFuzzyDate('2015-06-03', tr.lang),
    }),
  };
}

function checked(text: string, tr: Translator, year: string, month?: string, day?: string): DateTextResult {
  const iso = formatFuzzyDateIso({
    year: Number(year),
    ...(month !== undefined && { month: Number(month) }),
    ...(day !== undefined && { day: Number(day) }),
  });
  if (parseFuzzyDate(iso) === undefined)
    return { ok: false, message: tr.t('dateText.unreal', { text: text.trim() }) };
  return { ok: true, date: iso };
}

/** A month's number from its name or the first three letters or more of it: "jun", "Jun.", "červ". */
function monthNumber(word: string, words: DateWords): number | undefined {
  const bare = word.replace(/\.$/, '');
  if ([...bare].length < 3) return undefined;
  return words.months.find(([name]) => name.startsWith(bare))?.[1];
}
