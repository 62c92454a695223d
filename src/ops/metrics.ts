import { stat } from 'node:fs/promises';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PathRoute } from '../adapters/calendar-feed.ts';
import type { HandledRequest } from '../core/dispatcher.ts';
import type { Logger } from '../core/logger.ts';
import type { ReminderEvents } from '../reminders/runtime.ts';

/**
 * The bot's Prometheus metrics, in a registry of their own (not prom-client's global one), so two
 * bots in one test run, or in one process, never share counters.
 */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'platform' | 'command' | 'outcome'>;
  private readonly latency: Histogram<'platform' | 'command'>;
  private readonly reminders: Counter<'outcome'>;
  /** The reminder loop's clock, once the loop runs. */
  private readonly loop: { lastTickAt?: () => Date } = {};

  constructor(storePath: string) {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'twinbot_requests_total',
      help: 'Requests answered, by platform, command and outcome (answered, problem, refused, not-understood, error).',
      labelNames: ['platform', 'command', 'outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'twinbot_request_duration_seconds',
      help: 'Time from a request reaching the dispatcher to its reply, by platform and command.',
      labelNames: ['platform', 'command'],
      // Answers from memory take well under a millisecond; writes and Slack or Discord checks, more.
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.reminders = new Counter({
      name: 'twinbot_reminders_total',
      help: 'Reminders by outcome: sent on time, late (caught up after downtime), missed (too late to post), unconfirmed (interrupted by a stop, not posted again).',
      labelNames: ['outcome'],
      registers,
    });
    for (const outcome of ['sent', 'late', 'missed', 'unconfirmed']) this.reminders.inc({ outcome }, 0);
    new Gauge({
      name: 'twinbot_store_size_bytes',
      help: 'Size of the store file.',
      registers,
      async collect() {
        this.set((await stat(storePath)).size);
      },
    });
    const loop = this.loop;
    new Gauge({
      name: 'twinbot_reminder_last_tick_timestamp_seconds',
      help: 'When the reminder loop last completed a tick (Unix time); 0 until the loop runs.',
      registers,
      collect() {
        this.set((loop.lastTickAt?.().getTime() ?? 0) / 1000);
      },
    });
  }

  /** For the dispatcher's `onRequest`. */
  request(request: HandledRequest): void {
    const { platform, command, outcome } = request;
    this.requests.inc({ platform, command, outcome });
    this.latency.observe({ platform, command }, request.ms / 1000);
  }

  /** For `startReminders`. */
  readonly reminderEvents: ReminderEvents = {
    posted: (late) => this.reminders.inc({ outcome: late ? 'late' : 'sent' }),
    missed: (count) => this.reminders.inc({ outcome: 'missed' }, count),
    unconfirmed: (count) => this.reminders.inc({ outcome: 'unconfirmed' }, count),
  };

  /** The reminder loop, once it runs. */
  watchReminders(lastTickAt: () => Date): void {
    this.loop.lastTickAt = lastTickAt;
  }

  /** `GET /metrics` in Prometheus' text format. */
  route(log: Logger): PathRoute {
    return (path, res) => {
      if (path !== '/metrics') return false;
      this.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'Content-Type': this.registry.contentType, 'Cache-Control': 'no-store' });
          res.end(text);
        },
        (error: unknown) => {
          log.error(`metrics failed: ${(error as Error).message}`);
          res.writeHead(500).end();
        },
      );
      return true;
    };
  }
}
