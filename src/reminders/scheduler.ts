import { Temporal } from 'temporal-polyfill';
import { targetLanguage } from '../core/answer-language.ts';
import { type Logger, silentLogger } from '../core/logger.ts';
import { type LedgerEntry, ledgerKey, type ReminderTarget } from '../domain/reminder.ts';
import { translator } from '../i18n/translator.ts';
import type { Store } from '../store/store.ts';
import { type Deliveries, type Delivery, platformOfTarget } from './delivery.ts';
import { type DueReminder, reminderIdentity, remindersDueOn } from './due.ts';
import type { LedgerFile } from './ledger.ts';
import { hasReachedPostTime, type LocalMoment, localMoment } from './local-time.ts';
import { reminderMessage } from './messages.ts';

/** Days after which a missed reminder is recorded as missed instead of posted late. */
export const CATCH_UP_DAYS = 3;

export interface PostRecord {
  target: string;
  timeZone: string;
  /** The target's local date and time of the post. */
  local: string;
  partnership: string;
  number: number;
  lead: LedgerEntry['lead'];
  late: boolean;
}

export interface TickReport {
  posted: PostRecord[];
  missed: number;
  disabled: { target: string; reason: string }[];
}

type PostOutcome = 'posted' | 'retry' | { gone: string };

/**
 * Posts the reminders each target's local date calls for, once. Each day's posts are claimed in the
 * ledger before the first is sent and each is settled after; the ledger's progress marks the local dates fully
 * handled per target, so a restart (or a tick run twice) posts nothing twice, and downtime is caught
 * up on the next tick: late within CATCH_UP_DAYS, recorded as missed beyond.
 */
export class ReminderScheduler {
  /** When each target next has work, so most ticks cost a comparison per target. */
  private readonly wakeAt = new Map<string, Temporal.Instant>();

  constructor(
    private readonly store: Store,
    private readonly ledger: LedgerFile,
    private readonly deliveries: Deliveries,
    private readonly log: Logger = silentLogger,
  ) {}

  /**
   * A crash between a platform accepting a post and the ledger recording it leaves a claim unsettled.
   * Whether it was posted cannot be known, so it is settled as unconfirmed and never posted again
   * (a missing reminder is better than a double one); the claims after it were never tried and are
   * posted by the next tick. See ledger.ts.
   */
  settlePending(): Promise<number> {
    return this.ledger.settlePending();
  }

  async tick(now: Temporal.Instant): Promise<TickReport> {
    const report: TickReport = { posted: [], missed: 0, disabled: [] };
    const progress: Record<string, string> = {};
    // Many targets share a zone: the wall clock is worked out once per zone per tick.
    const moments = new Map<string, LocalMoment>();
    const momentIn = (zone: string) =>
      moments.get(zone) ?? (moments.set(zone, localMoment(now, zone)).get(zone) as LocalMoment);
    for (const target of this.store.catalog.data.reminders.targets) {
      if (!target.enabled || !this.deliveries[platformOfTarget(target.id)]) continue;
      const done = await this.runTarget(target, now, momentIn, report);
      if (done) progress[target.id] = done.toString();
    }
    if (Object.keys(progress).length > 0) {
      await this.ledger.markProgress(progress);
      await this.ledger.compactIfWorthIt();
    }
    return report;
  }

  /** Handles the target's due local dates in order; returns the last one fully handled, if any. */
  private async runTarget(
    target: ReminderTarget,
    now: Temporal.Instant,
    momentIn: (zone: string) => LocalMoment,
    report: TickReport,
  ) {
    const wake = this.wakeAt.get(wakeKey(target));
    if (wake && Temporal.Instant.compare(now, wake) < 0) return undefined;
    const moment = momentIn(target.timeZone);
    const stored = this.ledger.progressOf(target.id);
    let done: Temporal.PlainDate | undefined;
    for (
      let day = stored ? Temporal.PlainDate.from(stored).add({ days: 1 }) : moment.date;
      ;
      day = day.add({ days: 1 })
    ) {
      const age = day.until(moment.date).days;
      if (age < 0 || (age === 0 && !hasReachedPostTime(moment, target.postAt))) {
        this.wakeAt.set(wakeKey(target), postInstant(day, target));
        return done;
      }
      if (!(await this.runDay(target, day, age, moment, now, report))) return done;
      done = day;
    }
  }

  /**
   * Handles every reminder of one local date; false when the rest must wait for a later tick. The
   * day's reminders are claimed in one flushed line before the first is posted, each outcome is
   * flushed before the next post, and what was not posted is released for a later tick.
   */
  private async runDay(
    target: ReminderTarget,
    day: Temporal.PlainDate,
    age: number,
    moment: LocalMoment,
    now: Temporal.Instant,
    report: TickReport,
  ): Promise<boolean> {
    const due = remindersDueOn(day, target, this.store.catalog).filter(
      (r) => !this.ledger.has(ledgerKey({ target: target.id, ...reminderIdentity(r) })),
    );
    if (due.length === 0) return true;
    if (age > CATCH_UP_DAYS) {
      await this.ledger.record(entriesFor(target.id, day, due, 'missed', now));
      report.missed += due.length;
      return true;
    }
    const delivery = this.deliveries[platformOfTarget(target.id)];
    if (!delivery) return false;
    const claimed = entriesFor(target.id, day, due, 'pending', now);
    await this.ledger.record(claimed);
    const late = age > 0;
    for (const [i, reminder] of due.entries()) {
      const key = ledgerKey(claimed[i] as LedgerEntry);
      let outcome: PostOutcome;
      try {
        outcome = await this.post(target, day, late, reminder, delivery, now);
      } catch (error) {
        // Whether this one went out is unknown, so it stays claimed (unconfirmed at the next start);
        // the ones after it were never tried.
        await this.ledger.releaseClaims(claimed.slice(i + 1).map(ledgerKey));
        throw error;
      }
      if (outcome !== 'posted') {
        await this.ledger.releaseClaims(claimed.slice(i).map(ledgerKey));
        if (outcome !== 'retry') report.disabled.push({ target: target.id, reason: outcome.gone });
        return false;
      }
      await this.ledger.settle(key, late ? 'late' : 'sent');
      report.posted.push({
        target: target.id,
        timeZone: target.timeZone,
        local: `${moment.date} ${moment.time.toString({ smallestUnit: 'minute' })}`,
        ...reminderIdentity(reminder),
        late,
      });
    }
    return true;
  }

  private async post(
    target: ReminderTarget,
    day: Temporal.PlainDate,
    late: boolean,
    reminder: DueReminder,
    delivery: Delivery,
    now: Temporal.Instant,
  ): Promise<PostOutcome> {
    const { lang } = targetLanguage(
      target,
      this.store.catalog.data.settings,
      delivery.placeLang?.(target.id),
    );
    const message = reminderMessage(
      reminder,
      this.store.catalog,
      late ? { due: day.toString() } : undefined,
      translator(lang),
    );
    const result = await delivery.deliver(target.id, message);
    if (result.ok) return 'posted';
    if (result.reason === 'gone') {
      await this.disable(target.id, result.detail, now);
      return { gone: result.detail };
    }
    this.log.warn(
      `reminder for ${target.id} not posted (${result.reason}: ${result.detail}); retrying on a later tick`,
    );
    return 'retry';
  }

  /** A channel that is gone or shuts the bot out stops its target, with the reason, for staff to see. */
  private disable(targetId: string, reason: string, now: Temporal.Instant) {
    return this.store.update((draft) => {
      const target = draft.reminders.targets.find((t) => t.id === targetId);
      if (!target) return { unchanged: true, result: undefined };
      target.enabled = false;
      target.disabled = { reason, at: now.toString() };
      return { result: undefined };
    });
  }
}

/** The ledger entries of one local date's reminders for a target. */
function entriesFor(
  target: string,
  day: Temporal.PlainDate,
  due: DueReminder[],
  state: LedgerEntry['state'],
  now: Temporal.Instant,
): LedgerEntry[] {
  const at = now.toString();
  return due.map((r): LedgerEntry => ({ target, ...reminderIdentity(r), due: day.toString(), state, at }));
}

/** Changes to a target's zone or post time make its cached wake-up time stale. */
function wakeKey(target: ReminderTarget): string {
  return `${target.id}|${target.timeZone}|${target.postAt}`;
}

/** The instant a local date's post time is reached (right after the gap, if a DST change skips it). */
function postInstant(day: Temporal.PlainDate, target: ReminderTarget): Temporal.Instant {
  return day.toZonedDateTime({ timeZone: target.timeZone, plainTime: target.postAt }).toInstant();
}
