import { Temporal } from 'temporal-polyfill';
import { targetLanguage } from '../core/answer-language.ts';
import { type Logger, silentLogger } from '../core/logger.ts';
import { type LedgerEntry, ledgerKey, type ReminderTarget } from '../domain/reminder.ts';
import { translator } from '../i18n/translator.ts';
import type { Store } from '../store/store.ts';
import { type Deliveries, platformOfTarget } from './delivery.ts';
import { type DueReminder, reminderIdentity, remindersDueOn } from './due.ts';
import type { LedgerFile } from './ledger.ts';
import { hasReachedPostTime, type LocalMoment, localMoment } from './local-time.ts';
import { reminderMessage } from './messages.ts';

/** Days after which a missed reminder is recorded as missed instead of posted late. */
export const CATCH_UP_DAYS = 3;
/** Ledger entries older than this can never be due again (their anniversary number has passed). */
const LEDGER_KEEP_DAYS = 400;

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
 * Posts the reminders each target's local date calls for, once. Each post is recorded as pending in
 * the ledger before it is sent and settled after; the ledger's progress marks the local dates fully
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
   * A crash between a platform accepting a post and the ledger recording it leaves a pending entry.
   * Whether it was posted cannot be known, so it is settled as unconfirmed and never posted again:
   * a missing reminder is better than a double one.
   */
  settlePending(): Promise<number> {
    return this.ledger.update((draft) => {
      const pending = draft.entries.filter((e) => e.state === 'pending');
      if (pending.length === 0) return { unchanged: true, result: 0 };
      for (const entry of pending) entry.state = 'unconfirmed';
      return { result: pending.length };
    });
  }

  async tick(now: Temporal.Instant): Promise<TickReport> {
    const report: TickReport = { posted: [], missed: 0, disabled: [] };
    const progress: Record<string, string> = {};
    // Many targets share a zone: the wall clock is worked out once per zone per tick.
    const moments = new Map<string, LocalMoment>();
    const momentIn = (zone: string) =>
      moments.get(zone) ?? (moments.set(zone, localMoment(now, zone)).get(zone) as LocalMoment);
    const known = new Set(this.ledger.data.entries.map(ledgerKey));
    for (const target of this.store.catalog.data.reminders.targets) {
      if (!target.enabled || !this.deliveries[platformOfTarget(target.id)]) continue;
      const done = await this.runTarget(target, now, momentIn, known, report);
      if (done) progress[target.id] = done.toString();
    }
    if (Object.keys(progress).length > 0) {
      await this.ledger.update((draft) => {
        draft.progress = { ...draft.progress, ...progress };
        return { result: undefined };
      });
    }
    return report;
  }

  /** Handles the target's due local dates in order; returns the last one fully handled, if any. */
  private async runTarget(
    target: ReminderTarget,
    now: Temporal.Instant,
    momentIn: (zone: string) => LocalMoment,
    known: Set<string>,
    report: TickReport,
  ) {
    const wake = this.wakeAt.get(wakeKey(target));
    if (wake && Temporal.Instant.compare(now, wake) < 0) return undefined;
    const moment = momentIn(target.timeZone);
    const stored = this.ledger.data.progress[target.id];
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
      if (!(await this.runDay(target, day, age, moment, now, known, report))) return done;
      done = day;
    }
  }

  /** Handles every reminder of one local date; false when the rest must wait for a later tick. */
  private async runDay(
    target: ReminderTarget,
    day: Temporal.PlainDate,
    age: number,
    moment: LocalMoment,
    now: Temporal.Instant,
    known: Set<string>,
    report: TickReport,
  ): Promise<boolean> {
    const due = remindersDueOn(day, target, this.store.catalog).filter(
      (r) => !known.has(ledgerKey({ target: target.id, ...reminderIdentity(r) })),
    );
    if (age > CATCH_UP_DAYS) {
      if (due.length > 0)
        for (const entry of await this.record(target.id, day, due, 'missed', now))
          known.add(ledgerKey(entry));
      report.missed += due.length;
      return true;
    }
    for (const reminder of due) {
      const outcome = await this.post(target, day, age > 0, reminder, now);
      if (outcome === 'retry') return false;
      if (outcome !== 'posted') {
        report.disabled.push({ target: target.id, reason: outcome.gone });
        return false;
      }
      known.add(ledgerKey({ target: target.id, ...reminderIdentity(reminder) }));
      report.posted.push({
        target: target.id,
        timeZone: target.timeZone,
        local: `${moment.date} ${moment.time.toString({ smallestUnit: 'minute' })}`,
        ...reminderIdentity(reminder),
        late: age > 0,
      });
    }
    return true;
  }

  private async post(
    target: ReminderTarget,
    day: Temporal.PlainDate,
    late: boolean,
    reminder: DueReminder,
    now: Temporal.Instant,
  ): Promise<PostOutcome> {
    const delivery = this.deliveries[platformOfTarget(target.id)];
    if (!delivery) return 'retry';
    const [entry] = await this.record(target.id, day, [reminder], 'pending', now);
    const key = ledgerKey(entry as LedgerEntry);
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
    await this.ledger.update((draft) => {
      if (result.ok) {
        const stored = draft.entries.find((e) => ledgerKey(e) === key);
        if (stored) stored.state = late ? 'late' : 'sent';
      } else {
        draft.entries = draft.entries.filter((e) => ledgerKey(e) !== key);
      }
      return { result: undefined };
    });
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

  private record(
    target: string,
    day: Temporal.PlainDate,
    due: DueReminder[],
    state: LedgerEntry['state'],
    now: Temporal.Instant,
  ): Promise<LedgerEntry[]> {
    const at = now.toString();
    const entries = due.map(
      (r): LedgerEntry => ({ target, ...reminderIdentity(r), due: day.toString(), state, at }),
    );
    const keepFrom = day.subtract({ days: LEDGER_KEEP_DAYS }).toString();
    return this.ledger.update((draft) => {
      draft.entries = [...draft.entries.filter((e) => e.due >= keepFrom), ...entries];
      return { result: entries };
    });
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

/** Changes to a target's zone or post time make its cached wake-up time stale. */
function wakeKey(target: ReminderTarget): string {
  return `${target.id}|${target.timeZone}|${target.postAt}`;
}

/** The instant a local date's post time is reached (right after the gap, if a DST change skips it). */
function postInstant(day: Temporal.PlainDate, target: ReminderTarget): Temporal.Instant {
  return day.toZonedDateTime({ timeZone: target.timeZone, plainTime: target.postAt }).toInstant();
}
