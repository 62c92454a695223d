import type { Dispatcher } from '../core/dispatcher.ts';
import type { Logger } from '../core/logger.ts';
import type { Delivery } from '../reminders/delivery.ts';
import type { DrawPicture } from './picture.ts';

/** What every platform adapter gets: the one dispatcher (never the store) and the logger. */
export interface AdapterDeps {
  dispatcher: Dispatcher;
  /** Operational lines; callers never pass secrets or tokens. */
  log: Logger;
  /** The secret in the calendar feed's address (`CALENDAR_TOKEN`); without it the feed is off. */
  calendarToken?: string;
  /** Draws answers' pictures; the real renderer unless a test gives another. */
  draw?: DrawPicture;
}

/** Whether a part of the bot works, and a short word on why not; never a secret. */
export interface Health {
  ok: boolean;
  detail: string;
}

export interface RunningAdapter {
  readonly name: string;
  /** Whether this platform's connection (or receiver) is up, for the health endpoints. */
  health(): Health;
  /** Posts reminders into this platform's channels. */
  readonly reminders?: { platform: 'slack' | 'discord'; delivery: Delivery };
  stop(): Promise<void>;
}
