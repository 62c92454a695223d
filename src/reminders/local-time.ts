import { Temporal } from 'temporal-polyfill';

export interface LocalMoment {
  date: Temporal.PlainDate;
  time: Temporal.PlainTime;
}

/** The wall-clock date and time in a target's zone; dates never go through an offset guess. */
export function localMoment(instant: Temporal.Instant, timeZone: string): LocalMoment {
  const zoned = instant.toZonedDateTimeISO(timeZone);
  return { date: zoned.toPlainDate(), time: zoned.toPlainTime() };
}

/**
 * Whether the wall clock has reached the post time. Comparing wall times (not instants) means a post
 * time that a spring-forward gap skips is reached right after the gap, and an autumn hour that repeats
 * is reached once (the ledger stops a second post either way).
 */
export function hasReachedPostTime(moment: LocalMoment, postAt: string): boolean {
  return Temporal.PlainTime.compare(moment.time, Temporal.PlainTime.from(postAt)) >= 0;
}
