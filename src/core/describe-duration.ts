import { Temporal } from 'temporal-polyfill';
import { earliestDay, type FuzzyDate, latestDay } from '../domain/fuzzy-date.ts';
import { intlLocale, type Lang } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translator.ts';

const yearFormats = new Map<Lang, Intl.NumberFormat>();

/** "50 years", "50 Jahre", "50 let", "50 年": Intl writes the unit with the number's plural. */
function years(count: number, lang: Lang): string {
  let found = yearFormats.get(lang);
  if (!found) {
    found = new Intl.NumberFormat(intlLocale(lang), { style: 'unit', unit: 'year', unitDisplay: 'long' });
    yearFormats.set(lang, found);
  }
  return found.format(count);
}

const wholeYears = (from: Temporal.PlainDate, to: Temporal.PlainDate) =>
  from.until(to, { largestUnit: 'years' }).years;

/**
 * How long from a date to a day or another date, in whole years and honest about dates known only to
 * the month or year: "50 years" when every day the dates may mean gives the same count, "about 51 years"
 * when not, "less than a year" below one. Undefined when the end may come before the start.
 */
export function durationBetween(
  from: FuzzyDate,
  to: FuzzyDate | Temporal.PlainDate,
  tr: Translator,
): string | undefined {
  const [toEarliest, toLatest] = typeof to === 'string' ? [earliestDay(to), latestDay(to)] : [to, to];
  if (Temporal.PlainDate.compare(earliestDay(from), toLatest) > 0) return undefined;
  const fewest = Math.max(0, wholeYears(latestDay(from), toEarliest));
  const most = wholeYears(earliestDay(from), toLatest);
  if (most < 1) return tr.t('since.underYear');
  if (fewest === most) return years(most, tr.lang);
  return tr.t('since.about', { years: years(most, tr.lang) });
}
