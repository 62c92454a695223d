import { Cron } from 'croner';
import { Temporal } from 'temporal-polyfill';
import type { Logger } from '../core/logger.ts';
import type { Store } from '../store/store.ts';
import type { Deliveries } from './delivery.ts';
import type { LedgerFile } from './ledger.ts';
import { ReminderScheduler } from './scheduler.ts';
import { formatPost } from './simulate.ts';

export interface RunningReminders {
  /** When a tick last completed without failing (the start time until one has); a health check watches it. */
  lastTickAt(): Date;
  /** No tick starts after this; resolves once a tick under way has finished and settled its posts. */
  stop(): Promise<void>;
}

/** What the reminder loop did, for the metrics: each post on time or late, each missed or unconfirmed one. */
export interface ReminderEvents {
  posted(late: boolean): void;
  missed(count: number): void;
  unconfirmed(count: number): void;
}

/**
 * Runs the reminder tick every minute (croner, `protect` so a slow tick never overlaps the next),
 * after settling what a crash left pending and catching up at once.
 */
export async function startReminders(
  store: Store,
  ledger: LedgerFile,
  deliveries: Deliveries,
  log: Logger,
  events?: ReminderEvents,
): Promise<RunningReminders> {
  const scheduler = new ReminderScheduler(store, ledger, deliveries, log);
  const unconfirmed = await scheduler.settlePending();
  if (unconfirmed > 0) events?.unconfirmed(unconfirmed);
  if (unconfirmed > 0)
    log.warn(
      `reminders: ${unconfirmed} post(s) interrupted by a stop are recorded as unconfirmed, not posted again`,
    );
  let lastTickAt = new Date();
  const tick = async () => {
    try {
      const report = await scheduler.tick(Temporal.Now.instant());
      lastTickAt = new Date();
      for (const post of report.posted) {
        events?.posted(post.late);
        log.info(`reminder posted: ${formatPost(post)}`, { target: post.target, late: post.late });
      }
      for (const gone of report.disabled) log.warn(`reminders for ${gone.target} disabled: ${gone.reason}`);
      if (report.missed > 0) {
        events?.missed(report.missed);
        log.warn(`reminders: ${report.missed} missed while the bot was down (see \`reminders status\`)`);
      }
    } catch (error) {
      log.error(`reminder tick failed: ${(error as Error).message}`);
    }
  };
  let current = tick();
  await current;
  const job = new Cron('* * * * *', { protect: true }, () => {
    current = tick();
    return current;
  });
  return {
    lastTickAt: () => lastTickAt,
    stop: async () => {
      job.stop();
      await current;
    },
  };
}
