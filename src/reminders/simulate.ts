import { Temporal } from 'temporal-polyfill';
import type { Reply } from '../core/reply.ts';
import type { ReminderTarget } from '../domain/reminder.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import type { StoreData } from '../store/schema.ts';
import { Store } from '../store/store.ts';
import type { Deliveries, Delivery, DeliveryResult } from './delivery.ts';
import { type LedgerFile, memoryLedger } from './ledger.ts';
import { type PostRecord, ReminderScheduler } from './scheduler.ts';

/** The simulated clock ticks every quarter hour: exact for zones offset by 30 or 45 minutes too. */
export const SIMULATED_TICK_MINUTES = 15;

export interface Simulation {
  from: Temporal.PlainDate;
  to: Temporal.PlainDate;
  /** Instants at which the process restarts (a new scheduler that first settles pending posts). */
  restarts?: Temporal.Instant[];
  /** The process is down from..to (inclusive days, UTC): no tick runs; the next tick catches up. */
  down?: { from: Temporal.PlainDate; to: Temporal.PlainDate };
  /** Targets whose channel is gone: the delivery answers as the platform would. */
  goneTargets?: ReadonlySet<string>;
}

export interface SimulatedPost extends PostRecord {
  message: Reply;
}

/** Hears of each post as the simulation makes it, so a long run can be followed while it goes. */
export type OnPost = (post: SimulatedPost) => void;

/**
 * Runs the real tick code on a virtual clock against a recording delivery, from 00:00 UTC on `from`
 * to the end of `to`. Give it copies: the simulation writes the ledger (and disables gone targets).
 */
export async function simulateReminders(
  store: Store,
  ledger: LedgerFile,
  simulation: Simulation,
  onPost: OnPost = () => {},
) {
  const posts: SimulatedPost[] = [];
  const messages: Reply[] = [];
  const recorder: Delivery = {
    deliver: async (targetId, message): Promise<DeliveryResult> => {
      if (simulation.goneTargets?.has(targetId))
        return { ok: false, reason: 'gone', detail: 'channel_not_found' };
      messages.push(message);
      return { ok: true };
    },
  };
  const deliveries: Deliveries = { slack: recorder, discord: recorder, console: recorder };
  const restarts = [...(simulation.restarts ?? [])].sort(Temporal.Instant.compare);
  let scheduler = new ReminderScheduler(store, ledger, deliveries);
  let missed = 0;
  const disabled: { target: string; reason: string }[] = [];
  let wasDown = false;
  const end = simulation.to.add({ days: 1 }).toZonedDateTime('UTC').toInstant();
  for (
    let now = simulation.from.toZonedDateTime('UTC').toInstant();
    Temporal.Instant.compare(now, end) < 0;
    now = now.add({ minutes: SIMULATED_TICK_MINUTES })
  ) {
    if (isDown(now, simulation.down)) {
      wasDown = true;
      continue;
    }
    const restart = restarts[0] !== undefined && Temporal.Instant.compare(restarts[0], now) <= 0;
    if (restart) restarts.shift();
    if (restart || wasDown) {
      scheduler = new ReminderScheduler(store, ledger, deliveries);
      await scheduler.settlePending();
      wasDown = false;
    }
    const report = await scheduler.tick(now);
    report.posted.forEach((post, i) => {
      const simulated = { ...post, message: messages[messages.length - report.posted.length + i] as Reply };
      posts.push(simulated);
      onPost(simulated);
    });
    missed += report.missed;
    disabled.push(...report.disabled);
  }
  return { posts, missed, disabled };
}

/**
 * Simulates on a copy of the store's data and an empty ledger, both in memory only: the real store and
 * its ledger are never touched, and nothing is left behind however the process ends (a copy on disk
 * would outlive a SIGKILL). Without targets, one console target at 09:00 UTC stands in.
 */
export function simulateInMemory(data: StoreData, simulation: Simulation, onPost?: OnPost) {
  const targets = data.reminders.targets.length > 0 ? data.reminders.targets : [DEFAULT_SIMULATED_TARGET];
  const store = Store.inMemory({ ...data, reminders: { targets } });
  return simulateReminders(store, memoryLedger(), simulation, onPost);
}

const DEFAULT_SIMULATED_TARGET: ReminderTarget = {
  id: 'console',
  timeZone: 'UTC',
  postAt: '09:00',
  leads: [30, 7, 0],
  enabled: true,
};

function isDown(now: Temporal.Instant, down: Simulation['down']): boolean {
  if (!down) return false;
  const day = now.toZonedDateTimeISO('UTC').toPlainDate();
  return Temporal.PlainDate.compare(day, down.from) >= 0 && Temporal.PlainDate.compare(day, down.to) <= 0;
}

/**
 * `date time zone target partnership N lead`, with `late` when the post was a catch-up: ids and
 * numbers as the ledger has them; only the word `late` is in the reader's language (English in logs).
 */
export function formatPostIn(post: PostRecord, tr: Translator): string {
  return [
    post.local,
    post.timeZone,
    post.target,
    post.partnership,
    post.number,
    post.lead,
    ...(post.late ? [tr.t('remind.cli.late')] : []),
  ].join(' ');
}

/** A post as the log writes it, in English. */
export function formatPost(post: PostRecord): string {
  return formatPostIn(post, translator('en'));
}
