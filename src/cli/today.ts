import { Temporal } from 'temporal-polyfill';
import { UsageError } from './options.ts';

/** `--today YYYY-MM-DD`, for reproducible answers; today's date when not given. */
export function parseToday(text: string | undefined): Temporal.PlainDate {
  if (text === undefined) return Temporal.Now.plainDateISO();
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${text}"`);
  }
}
