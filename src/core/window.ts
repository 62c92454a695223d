import { Temporal } from 'temporal-polyfill';
import type { AnniversaryWindow } from '../domain/anniversary.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { monthName } from '../render/dates.ts';

/** The span of days an anniversaries question covers, with words to name it. */
export interface DateWindow extends AnniversaryWindow {
  /** Whole calendar years are covered, so year-only anniversaries are plainly in it. */
  wholeYears: boolean;
  label: string;
  /** Only the anniversaries with this number ("turning 50"). */
  turning?: number;
}

export type WindowResult = { ok: true; window: DateWindow } | { ok: false; message: string };

export function defaultWindow(today: Temporal.PlainDate): DateWindow {
  return {
    from: today,
    to: today.add({ days: DEFAULT_WINDOW_DAYS }),
    wholeYears: false,
    label: `the next ${DEFAULT_WINDOW_DAYS} days`,
  };
}

export const MAX_WINDOW_DAYS = 3660;
export const DEFAULT_WINDOW_DAYS = 30;

/**
 * Reads `next N days`, `N days`, `YYYY`, `YYYY-MM`, `this|next month`, `this|next year`, each optionally
 * followed by `turning N`; empty means the next 30 days. Returns a message for anything else rather
 * than guessing.
 */
export function parseWindow(
  text: string,
  today: Temporal.PlainDate,
  tr: Translator = translator('en'),
): WindowResult {
  const turning = /^(.*?)\s*\bturning (\d{1,3})$/i.exec(text.trim());
  if (turning) {
    const number = Number(turning[2]);
    if (number < 1) return { ok: false, message: tr.t('dispatch.windowFromOne') };
    const window = parseWindow(turning[1] ?? '', today, tr);
    return window.ok ? { ok: true, window: { ...window.window, turning: number } } : window;
  }
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return { ok: true, window: defaultWindow(today) };
  const days = /^(?:next )?(\d{1,4}) days?$/.exec(t);
  if (days) return nextDays(Number(days[1]), today, tr);
  const year = /^(\d{4})$/.exec(t);
  if (year) return wholeYear(Number(year[1]), tr);
  const month = /^(\d{4})-(\d{2})$/.exec(t);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    return wholeMonth(Temporal.PlainYearMonth.from({ year: Number(month[1]), month: Number(month[2]) }));
  }
  if (t === 'this month') return wholeMonth(today.toPlainYearMonth());
  if (t === 'next month') return wholeMonth(today.toPlainYearMonth().add({ months: 1 }));
  if (t === 'this year') return wholeYear(today.year, tr);
  if (t === 'next year') return wholeYear(today.year + 1, tr);
  return { ok: false, message: tr.t('dispatch.windowUnknown', { text: text.trim() }) };
}

function nextDays(count: number, today: Temporal.PlainDate, tr: Translator): WindowResult {
  if (count < 1 || count > MAX_WINDOW_DAYS) {
    return { ok: false, message: tr.t('dispatch.windowDays', { max: MAX_WINDOW_DAYS }) };
  }
  const to = today.add({ days: count });
  return {
    ok: true,
    window: {
      from: today,
      to,
      wholeYears: false,
      label: count === 1 ? 'the next day' : `the next ${count} days`,
    },
  };
}

function wholeMonth(month: Temporal.PlainYearMonth): WindowResult {
  const from = month.toPlainDate({ day: 1 });
  const to = from.add({ months: 1 }).subtract({ days: 1 });
  const label = `${monthName(month.month)} ${month.year}`;
  return { ok: true, window: { from, to, wholeYears: false, label } };
}

function wholeYear(year: number, tr: Translator): WindowResult {
  if (year < 1 || year > 9999) return { ok: false, message: tr.t('dispatch.windowYear') };
  const from = Temporal.PlainDate.from({ year, month: 1, day: 1 });
  const to = Temporal.PlainDate.from({ year, month: 12, day: 31 });
  return { ok: true, window: { from, to, wholeYears: true, label: String(year) } };
}
