import { Temporal } from 'temporal-polyfill';
import * as z from 'zod';

/**
 * A date known to the day, the month or only the year, kept as ISO text ("1967-06-03", "1974-10",
 * "0836"). The precision is read from the text, so it is never stored twice; a JS Date is never used
 * because it would invent the missing day.
 */
export const FUZZY_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const FuzzyDateSchema = z
  .string()
  .regex(FUZZY_DATE_PATTERN, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((text) => parseFuzzyDate(text) !== undefined, 'not a real calendar date')
  .describe('A date known to the day (YYYY-MM-DD), the month (YYYY-MM) or only the year (YYYY).');

export type FuzzyDate = z.infer<typeof FuzzyDateSchema>;
export type Precision = 'day' | 'month' | 'year';

export interface FuzzyDateParts {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

export function parseFuzzyDate(text: string): FuzzyDateParts | undefined {
  const match = FUZZY_DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year === 0) return undefined;
  if (match[2] === undefined) return { year, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(match[3]);
  if (day < 1 || day > Temporal.PlainYearMonth.from({ year, month }).daysInMonth) return undefined;
  return { year, month, day, precision: 'day' };
}

/**
 * Parts of text already validated by FuzzyDateSchema, read digit by digit: cheap enough that no
 * cache is kept (a cache of every stored date's parts cost 2.4 MB at 100,000 partnerships).
 */
export function fuzzyDateParts(text: FuzzyDate): FuzzyDateParts {
  const year = digits(text, 0, 4);
  const month = text.length >= 7 && text.charCodeAt(4) === DASH ? digits(text, 5, 7) : Number.NaN;
  const day = text.length === 10 && text.charCodeAt(7) === DASH ? digits(text, 8, 10) : Number.NaN;
  if (text.length === 4 && year > 0) return { year, precision: 'year' };
  if (text.length === 7 && year > 0 && month >= 1 && month <= 12) return { year, month, precision: 'month' };
  if (text.length === 10 && year > 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31)
    return { year, month, day, precision: 'day' };
  throw new Error(`invalid fuzzy date reached the domain: ${text}`);
}

const DASH = 0x2d;

/** The number the decimal digits from `from` to `to` spell; NaN when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

export function precisionOf(text: FuzzyDate): Precision {
  return fuzzyDateParts(text).precision;
}

/** The first day the fuzzy date can mean: the day itself, the 1st of the month, or 1 January. */
export function earliestDay(text: FuzzyDate): Temporal.PlainDate {
  const { year, month = 1, day = 1 } = fuzzyDateParts(text);
  return Temporal.PlainDate.from({ year, month, day });
}

/** The last day the fuzzy date can mean. */
export function latestDay(text: FuzzyDate): Temporal.PlainDate {
  const { year, month, day } = fuzzyDateParts(text);
  if (day !== undefined && month !== undefined) return Temporal.PlainDate.from({ year, month, day });
  if (month !== undefined)
    return Temporal.PlainYearMonth.from({ year, month })
      .toPlainDate({ day: 1 })
      .add({ months: 1 })
      .subtract({ days: 1 });
  return Temporal.PlainDate.from({ year, month: 12, day: 31 });
}

/**
 * Dates as sortable numbers (1967-06-03 -> 19670603), for comparisons in loops over every
 * partnership, where building calendar objects would cost more than the rest of the answer.
 */
export function dayKey(date: { year: number; month: number; day: number }): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}

/** The key of the first day a fuzzy date can mean. */
export function earliestKey(text: FuzzyDate): number {
  const { year, month = 1, day = 1 } = fuzzyDateParts(text);
  return dayKey({ year, month, day });
}

/** A key no earlier than the last day a fuzzy date can mean (for ordering only: "1974-10" -> 19741031). */
export function latestKey(text: FuzzyDate): number {
  const { year, month = 12, day = 31 } = fuzzyDateParts(text);
  return dayKey({ year, month, day });
}

export function formatFuzzyDateIso(parts: { year: number; month?: number; day?: number }): FuzzyDate {
  const y = String(parts.year).padStart(4, '0');
  if (parts.month === undefined) return y;
  const m = String(parts.month).padStart(2, '0');
  if (parts.day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(parts.day).padStart(2, '0')}`;
}

/**
 * Reads a date typed by a person or found in a CSV cell: ISO forms, and also a bare year below 1000
 * ("836"). Returns undefined when the text is not a date, so callers can say so.
 */
export function readFuzzyDate(input: string): FuzzyDate | undefined {
  const text = input.trim();
  const shortYear = /^(\d{1,3})$/.exec(text);
  const candidate = shortYear ? text.padStart(4, '0') : text;
  return parseFuzzyDate(candidate) ? candidate : undefined;
}
