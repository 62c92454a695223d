import type { Logger } from '../../core/logger.ts';
import { describeError } from './log.ts';

const FAILURE_TEXT =
  'Sorry, something went wrong on our side while answering that. It has been logged; please try again in a moment.';
const BUSY_TEXT = 'Sorry, too many questions are waiting right now. Please ask again in a minute.';

/**
 * Answers worked out before the acknowledgement may take this much of one turn of the event loop
 * together; past it, the other requests of that turn are acknowledged first and answered after.
 */
const IN_ACK_BUDGET_MS = 20;
/** Answers sent at once (each waits on Slack's response); the work before each is done one at a time. */
const CONCURRENT = 32;
/** Past this many waiting answers, a new question is told to ask again rather than queued for long. */
const MAX_WAITING = 1_000;
/**
 * Queued work starts only once no request has come for this long: while a burst arrives, every
 * request is acknowledged before any answer is worked out. One piece per turn is not enough: a burst
 * is read a few requests per turn, so a few milliseconds of work per turn add up to seconds of delay.
 */
const QUIET_MS = 5;
/** ...unless the oldest waiting work has waited this long: answers are not starved by steady traffic. */
const MAX_DEFER_MS = 1_000;

interface Job {
  queuedAt: number;
  label: string;
  task: () => Promise<void>;
  tellUser: (text: string) => Promise<unknown>;
  finished: () => void;
}

/**
 * The work done after `ack()`. Slack gives up on an acknowledgement after 3 s, so the acknowledgement
 * must never wait behind other requests' work: work after it waits in one queue, starts one piece
 * per turn of the event loop and only when no request is arriving, so requests that arrive meanwhile
 * are acknowledged first.
 * A question is answered inside its acknowledgement only when nothing is waiting (see tryNow).
 * Each task is tracked, so stopping waits for answers (and store writes) in progress, and a failure
 * is logged and told to the user instead of vanishing.
 */
export class AfterAck {
  private readonly tracked = new Set<Promise<void>>();
  private readonly waiting: Job[] = [];
  private active = 0;
  private stepScheduled = false;
  private inAckPending = 0;
  private inAckSpent = 0;
  private turn = 0;
  private turnEndScheduled = false;
  private lastArrival = 0;

  constructor(private readonly log: Logger) {}

  /** Queues `task` behind the work already waiting; resolves once it has finished (or failed and been told). */
  run(label: string, task: () => Promise<void>, tellUser: (text: string) => Promise<unknown>): Promise<void> {
    this.lastArrival = performance.now();
    if (this.waiting.length >= MAX_WAITING) {
      this.log.warn(`slack: ${label} refused, ${this.waiting.length} answers waiting`);
      return this.track(this.settle(label, () => tellUser(BUSY_TEXT).then(() => undefined), tellUser));
    }
    const done = new Promise<void>((finished) => {
      this.waiting.push({ queuedAt: performance.now(), label, task, tellUser, finished });
    });
    this.scheduleStep();
    return this.track(done);
  }

  /** Starts `task` at once, ahead of the queue: for what lapses within seconds (a form's trigger_id). */
  now(label: string, task: () => Promise<void>, tellUser: (text: string) => Promise<unknown>): Promise<void> {
    return this.track(this.settle(label, task, tellUser));
  }

  /**
   * Starts `work` before the acknowledgement when that cannot delay anyone: nothing waits in the
   * queue, no other such work is under way, and this turn of the event loop has time left. Returns
   * undefined when it must wait its turn instead; the caller then acknowledges first and queues it.
   */
  tryNow<T>(work: () => Promise<T>): Promise<T> | undefined {
    if (this.waiting.length > 0 || this.inAckPending > 0 || this.inAckSpent >= IN_ACK_BUDGET_MS)
      return undefined;
    const turn = this.turn;
    const started = performance.now();
    this.inAckPending += 1;
    this.scheduleTurnEnd();
    const result = work();
    const settled = () => {
      this.inAckPending -= 1;
      // Work that finished in the same turn held the event loop all along; work that waited on I/O did not.
      if (this.turn === turn) this.inAckSpent += performance.now() - started;
    };
    result.then(settled, settled);
    return result;
  }

  async drain(): Promise<void> {
    while (this.tracked.size > 0) await Promise.allSettled([...this.tracked]);
  }

  private track(done: Promise<void>): Promise<void> {
    this.tracked.add(done);
    void done.finally(() => this.tracked.delete(done));
    return done;
  }

  private settle(label: string, task: () => Promise<void>, tellUser: (text: string) => Promise<unknown>) {
    return Promise.resolve()
      .then(task)
      .catch(async (error: unknown) => {
        this.log.error(`slack: ${label} failed: ${describeError(error)}`);
        await tellUser(FAILURE_TEXT).catch((notice: unknown) =>
          this.log.error(`slack: could not tell the user about it either: ${describeError(notice)}`),
        );
      });
  }

  private scheduleTurnEnd(): void {
    if (this.turnEndScheduled) return;
    this.turnEndScheduled = true;
    setImmediate(() => {
      this.turnEndScheduled = false;
      this.turn += 1;
      this.inAckSpent = 0;
    });
  }

  /**
   * One job per turn of the event loop, and none while requests are arriving (see QUIET_MS), so the
   * acknowledgements of new requests never wait behind the work of earlier ones.
   */
  private scheduleStep(): void {
    if (this.stepScheduled || this.waiting.length === 0 || this.active >= CONCURRENT) return;
    this.stepScheduled = true;
    const now = performance.now();
    const quietFor = now - this.lastArrival;
    const waited = now - (this.waiting[0]?.queuedAt ?? now);
    const step = () => {
      this.stepScheduled = false;
      this.startNext();
    };
    if (quietFor >= QUIET_MS || waited >= MAX_DEFER_MS) setImmediate(step);
    else setTimeout(step, Math.min(QUIET_MS - quietFor, MAX_DEFER_MS - waited) + 1);
  }

  private startNext(): void {
    const now = performance.now();
    const job = this.waiting[0];
    if (job === undefined) return;
    if (now - this.lastArrival < QUIET_MS && now - job.queuedAt < MAX_DEFER_MS) {
      this.scheduleStep();
      return;
    }
    this.waiting.shift();
    this.active += 1;
    void this.settle(job.label, job.task, job.tellUser).finally(() => {
      this.active -= 1;
      job.finished();
      this.scheduleStep();
    });
    this.scheduleStep();
  }
}
