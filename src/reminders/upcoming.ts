import type { Temporal } from 'temporal-polyfill';
import { ledgerKey, type ReminderTarget } from '../domain/reminder.ts';
import type { Catalog } from '../store/catalog.ts';
import { type DueReminder, reminderIdentity, remindersDueOn } from './due.ts';

export interface UpcomingReminder {
  date: Temporal.PlainDate;
  reminder: DueReminder;
}

/** The reminders a target will post from a local date on, skipping what the ledger already has. */
export function upcomingReminders(
  target: ReminderTarget,
  catalog: Catalog,
  from: Temporal.PlainDate,
  days: number,
  known: ReadonlySet<string>,
  limit = Number.POSITIVE_INFINITY,
): UpcomingReminder[] {
  const found: UpcomingReminder[] = [];
  for (let offset = 0; offset < days && found.length < limit; offset++) {
    const date = from.add({ days: offset });
    for (const reminder of remindersDueOn(date, target, catalog)) {
      if (known.has(ledgerKey({ target: target.id, ...reminderIdentity(reminder) }))) continue;
      found.push({ date, reminder });
      if (found.length === limit) break;
    }
  }
  return found;
}
