/**
 * A bot's reminder loop reduced to what the ledger sees: `reminder-poster.ts <store> <posts file>`.
 * It takes the ledger, settles what a crash left, and runs one tick at 2027-06-03 09:00 UTC with a
 * delivery that appends each post's title to the posts file (flushed, as a platform would have it)
 * and takes 30 ms, then prints `done`. The test kills it in the middle of the day's batch.
 */
import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Temporal } from 'temporal-polyfill';
import { openLedger } from '../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../src/reminders/scheduler.ts';
import { Store } from '../../src/store/store.ts';

const [path, posts] = process.argv.slice(2);
if (path === undefined || posts === undefined) throw new Error('reminder-poster.ts <store> <posts file>');
const store = await Store.open(path);
const ledger = await openLedger(path, { lock: true });
const scheduler = new ReminderScheduler(store, ledger, {
  console: {
    deliver: async (_target, message) => {
      appendFileSync(posts, `${message.title}\n`, { flush: true });
      await sleep(30);
      return { ok: true };
    },
  },
});
const unconfirmed = await scheduler.settlePending();
await scheduler.tick(Temporal.Instant.from('2027-06-03T09:00:00Z'));
await ledger.close();
process.stdout.write(`done, ${unconfirmed} unconfirmed\n`);
