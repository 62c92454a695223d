import { type FuzzyDate, fuzzyDateParts } from '../domain/fuzzy-date.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** "3 June 1967", "October 1974", "836": as precise as the date is, never more. */
export function formatFuzzyDate(date: FuzzyDate): string {
  const { year, month, day } = fuzzyDateParts(date);
  if (month === undefined) return String(year);
  if (day === undefined) return `${monthName(month)} ${year}`;
  return `${day} ${monthName(month)} ${year}`;
}

/** 1st, 2nd, 3rd, 11th, 22nd, 50th. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "1 partnership", "3 partnerships". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
