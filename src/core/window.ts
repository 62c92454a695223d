import { Temporal } from 'temporal-polyfill';
import type { AnniversaryWindow } from '../domain/anniversary.ts';
import { formatFuzzyDateIso } from '../domain/fuzzy-date.ts';
import { foldName } from '../domain/names.ts';
import { intlLocale, LANGS } from '../i18n/languages.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { formatFuzzyDate } from '../render/dates.ts';

const EN = translator('en');

/** What a period is, so each reader's words can name it: some days from today, a month or a year. */
export type Period =
  | { kind: 'today' }
  | { kind: 'days'; count: number }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'year'; year: number };

/** The span of days an anniversaries question covers, with words to name it. */
export interface DateWindow extends AnniversaryWindow {
  /** Whole calendar years are covered, so year-only anniversaries are plainly in it. */
  wholeYears: boolean;
  period: Period;
  /** The period named in the language `parseWindow` was given: "the next 30 days", "Juni 2027". */
  label: string;
  /** Only the anniversaries with this number ("turning 50"). */
  turning?: number;
  /** Which page of a long answer to show (`2027 page 3`), counted from 1. */
  page?: number;
}

export type WindowResult = { ok: true; window: DateWindow } | { ok: false; message: string };

export function defaultWindow(today: Temporal.PlainDate, tr: Translator = EN): DateWindow {
  const period: Period = { kind: 'days', count: DEFAULT_WINDOW_DAYS };
  return {
    from: today,
    to: today.add({ days: DEFAULT_WINDOW_DAYS }),
    wholeYears: false,
    period,
    label: periodLabel(period, tr),
  };
}

export const MAX_WINDOW_DAYS = 3660;
export const DEFAULT_WINDOW_DAYS = 30;

/** "the next 30 days", "die nächsten 30 Tage", "June 2027", "2027年": the period on its own, as a heading names it. */
export function periodLabel(period: Period, tr: Translator): string {
  if (period.kind === 'today') return tr.t('window.today');
  if (period.kind === 'half')
    return tr.t(period.half === 1 ? 'window.firstHalf' : 'window.secondHalf', {
      year: yearText(period.year, tr),
    });
  if (period.kind === 'days')
    return period.count === 1 ? tr.t('window.nextDay') : tr.t('window.days', { count: period.count });
  return periodDate(period, tr);
}

/**
 * "in the next 30 days", "im Juni 2027", "v roce 2027", "2027年6月": the period as a sentence says
 * when something happens in it, for keys such as "Anniversaries {{period}}".
 */
export function periodPhrase(period: Period, tr: Translator): string {
  if (period.kind === 'today') return tr.t('window.inToday');
  if (period.kind === 'half')
    return tr.t(period.half === 1 ? 'window.inFirstHalf' : 'window.inSecondHalf', {
      year: yearText(period.year, tr),
    });
  if (period.kind === 'days')
    return period.count === 1 ? tr.t('window.inNextDay') : tr.t('window.inDays', { count: period.count });
  const date = periodDate(period, tr);
  return period.kind === 'month'
    ? tr.t('window.inMonth', { month: date })
    : tr.t('window.inYear', { year: date });
}

/**
 * The period as the command's grammar writes it (`next 30 days`, `2027-06`, `2027 turning 50`), so an
 * answer can name the command for its next page; today's words (`next year`) become dates.
 */
export function windowText(window: Pick<DateWindow, 'period' | 'turning'>): string {
  const { period } = window;
  const text =
    period.kind === 'today'
      ? 'today'
      : period.kind === 'half'
        ? `${period.year} h${period.half}`
        : period.kind === 'days'
          ? `next ${period.count} days`
          : formatFuzzyDateIso(period.kind === 'month' ? period : { year: period.year });
  return window.turning === undefined ? text : `${text} turning ${window.turning}`;
}

/** "June 2027", "červen 2027", "2027年": a month or a year as Intl writes it in the reader's language. */
/** "2027", "2027年": a year as Intl writes it in the reader's language. */
function yearText(year: number, tr: Translator): string {
  return formatFuzzyDate(formatFuzzyDateIso({ year }), tr.lang);
}

function periodDate(period: Exclude<Period, { kind: 'days' | 'today' | 'half' }>, tr: Translator): string {
  const iso = formatFuzzyDateIso(period.kind === 'month' ? period : { year: period.year });
  return formatFuzzyDate(iso, tr.lang);
}

/**
 * Reads `next N days`, `N days`, `YYYY`, `YYYY-MM`, a month's name (`march`, `März`, `březen`: the next
 * such month, this one while it lasts) or a month with its year (`March 2027`, `2027年3月`), `this|next
 * month`, `this|next year`, `year after next`, `today`, a half (`2027 h1`, `H1 2027`, `next year h2`), each optionally
 * followed by `turning N`, then by `page N`; empty means the next 30 days. Returns a message in the reader's language for
 * anything else rather than guessing. The words typed are the command's grammar, English in every language.
 */
export function parseWindow(text: string, today: Temporal.PlainDate, tr: Translator = EN): WindowResult {
  const page = /^(.*?)\s*\bpage (\d{1,6})$/i.exec(text.trim());
  if (page) {
    const number = Number(page[2]);
    if (number < 1)
      return { ok: false, message: tr.t('pages.fromOne', { example: 'anniversaries 2027 page 2' }) };
    const window = parseWindow(page[1] ?? '', today, tr);
    if (window.ok && window.window.page !== undefined)
      return { ok: false, message: tr.t('window.unknown', { text: text.trim() }) };
    return window.ok ? { ok: true, window: { ...window.window, page: number } } : window;
  }
  const turning = /^(.*?)\s*\bturning (\d{1,6})$/i.exec(text.trim());
  if (turning) {
    const number = Number(turning[2]);
    if (number < 1) return { ok: false, message: tr.t('window.turningFromOne') };
    const window = parseWindow(turning[1] ?? '', today, tr);
    return window.ok ? { ok: true, window: { ...window.window, turning: number } } : window;
  }
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return { ok: true, window: defaultWindow(today, tr) };
  const days = /^(?:next )?(\d{1,4}) days?$/.exec(t);
  if (days) return nextDays(Number(days[1]), today, tr);
  const year = /^(\d{4})$/.exec(t);
  if (year) return wholeYear(Number(year[1]), tr);
  // "2027 h2", "next year h1", "H2 2027": a half of a year, as a year's first or last six months.
  const half = /^(\d{4}|this year|next year)[ -]h([12])$/.exec(t);
  const halfFirst = /^h([12]) (\d{4})$/.exec(t);
  if (half || halfFirst) {
    const [yearText, number] = half ? [half[1], half[2]] : [halfFirst?.[2], halfFirst?.[1]];
    const year =
      yearText === 'this year' ? today.year : yearText === 'next year' ? today.year + 1 : Number(yearText);
    return wholeHalf(year, number === '1' ? 1 : 2, tr);
  }
  const month = /^(\d{4})-(\d{2})$/.exec(t);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    return wholeMonth(Temporal.PlainYearMonth.from({ year: Number(month[1]), month: Number(month[2]) }), tr);
  }
  // "March 2027", "März 2027", "2027 march", "2027年3月": a month named with its year.
  const monthFirst = /^(\D+?) ?(\d{4})$/.exec(t);
  const yearFirst = /^(\d{4})(?: |年)(.+)$/.exec(t);
  const [monthText, yearText] = monthFirst
    ? [monthFirst[1], monthFirst[2]]
    : [yearFirst?.[2], yearFirst?.[1]];
  const datedMonth = monthText === undefined ? undefined : monthNamed(monthText);
  if (datedMonth !== undefined) {
    const year = Number(yearText);
    if (year < 1 || year > 9999) return { ok: false, message: tr.t('window.yearRange') };
    return wholeMonth(Temporal.PlainYearMonth.from({ year, month: datedMonth }), tr);
  }
  const named = monthNamed(t);
  if (named !== undefined) {
    const year = named >= today.month ? today.year : today.year + 1;
    return wholeMonth(Temporal.PlainYearMonth.from({ year, month: named }), tr);
  }
  if (t === 'today') {
    const period: Period = { kind: 'today' };
    return {
      ok: true,
      window: { from: today, to: today, wholeYears: false, period, label: periodLabel(period, tr) },
    };
  }
  if (t === 'this month') return wholeMonth(today.toPlainYearMonth(), tr);
  if (t === 'next month') return wholeMonth(today.toPlainYearMonth().add({ months: 1 }), tr);
  if (t === 'this year') return wholeYear(today.year, tr);
  if (t === 'next year') return wholeYear(today.year + 1, tr);
  // "后年", "再来年", "übernächstes Jahr": one word in several languages, so the command reads it too.
  if (t === 'year after next') return wholeYear(today.year + 2, tr);
  return { ok: false, message: tr.t('window.unknown', { text: text.trim() }) };
}

function nextDays(count: number, today: Temporal.PlainDate, tr: Translator): WindowResult {
  if (count < 1 || count > MAX_WINDOW_DAYS) {
    return { ok: false, message: tr.t('window.daysRange', { max: MAX_WINDOW_DAYS }) };
  }
  const period: Period = { kind: 'days', count };
  return {
    ok: true,
    window: {
      from: today,
      to: today.add({ days: count }),
      wholeYears: false,
      period,
      label: periodLabel(period, tr),
    },
  };
}

function wholeMonth(month: Temporal.PlainYearMonth, tr: Translator): WindowResult {
  const from = month.toPlainDate({ day: 1 });
  const to = from.add({ months: 1 }).subtract({ days: 1 });
  const period: Period = { kind: 'month', year: month.year, month: month.month };
  return { ok: true, window: { from, to, wholeYears: false, period, label: periodLabel(period, tr) } };
}

function wholeHalf(year: number, half: 1 | 2, tr: Translator): WindowResult {
  if (year < 1 || year > 9999) return { ok: false, message: tr.t('window.yearRange') };
  const from = Temporal.PlainDate.from({ year, month: half === 1 ? 1 : 7, day: 1 });
  const to = from.add({ months: 6 }).subtract({ days: 1 });
  const period: Period = { kind: 'half', year, half };
  return { ok: true, window: { from, to, wholeYears: false, period, label: periodLabel(period, tr) } };
}

function wholeYear(year: number, tr: Translator): WindowResult {
  if (year < 1 || year > 9999) return { ok: false, message: tr.t('window.yearRange') };
  const from = Temporal.PlainDate.from({ year, month: 1, day: 1 });
  const to = Temporal.PlainDate.from({ year, month: 12, day: 31 });
  const period: Period = { kind: 'year', year };
  return { ok: true, window: { from, to, wholeYears: true, period, label: periodLabel(period, tr) } };
}

/**
 * Month names as Intl writes them in our seven languages, folded: long and short, on their own and in a
 * date (Czech "březen" and "března"), so `anniversaries März` reads like `anniversaries march`. Built
 * on the first period read as a month name: its 28 formatters cost a cold start of `ask` some 20 ms.
 */
let monthNames: ReadonlyMap<string, number> | undefined;

function monthNamesOf(): ReadonlyMap<string, number> {
  const names = new Map<string, number>();
  const styles: Intl.DateTimeFormatOptions[] = [
    { month: 'long' },
    { month: 'short' },
    { month: 'long', day: 'numeric' },
    { month: 'short', day: 'numeric' },
  ];
  for (const lang of LANGS) {
    for (const style of styles) {
      const format = new Intl.DateTimeFormat(intlLocale(lang), { ...style, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month++) {
        const part = format.formatToParts(Date.UTC(2001, month - 1, 15)).find((p) => p.type === 'month');
        const name = part ? foldName(part.value.replace(/\.$/, '')) : '';
        if (name !== '' && !/^\d+$/.test(name)) names.set(name, month);
      }
    }
  }
  return names;
}

function monthNamed(text: string): number | undefined {
  monthNames ??= monthNamesOf();
  return monthNames.get(foldName(text.replace(/\.$/, '')));
}
