import { Temporal } from 'temporal-polyfill';
import { UsageError } from './options.ts';

/** `--today YYYY-MM-DD`, for reproducible answers; today's date when not given. */
export function parseToday(text: string | undefined): Temporal.PlainDate {
  if (text === undefined) {
    // The local date as Date reads it, in the same system time zone: Temporal.Now first asks Intl
    // for the zone's name, and a process's first Intl.DateTimeFormat costs a cold `ask` 20-40 ms
    // (and throws when TZ is set but empty, where Date reads UTC).
    const now = new Date();
    return Temporal.PlainDate.from({
      year: now.getFullYear(),
      month: now.getMonth() + 1,
      day: now.getDate(),
    });
  }
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${text}"`);
  }
}
