import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../core/logger.ts';
import { EXIT } from './options.ts';

/**
 * Supervisors wait 10 s after SIGTERM before they kill (docker stop, Kubernetes' grace period is 30 s,
 * systemd's 90 s). Work under way gets the first 7 s; settling the ledger and freeing the store
 * then take milliseconds; at 9 s the process exits whatever still runs.
 */
export const STOP_WORK_MS = 7_000;
export const STOP_EXIT_MS = 9_000;

export interface StopSignal {
  /** Aborted by the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** Resolves with the first SIGINT or SIGTERM. */
  requested: Promise<void>;
  dispose: () => void;
}

/**
 * Aborted by the first SIGINT or SIGTERM (Ctrl-C, docker stop, systemctl stop): the bot then stops
 * taking work, finishes what is under way, settles the ledger and frees the store, and exits 0.
 * A signal that comes again while stopping changes nothing (Ctrl-C under `npm start` reaches the bot
 * twice, from the terminal and from npm). Should the process still run STOP_EXIT_MS after the first
 * signal, because a library holds it, it exits with a logged warning: the store's lock dies with the
 * process, so the next start takes the store at once.
 */
export function stopSignal(log: Logger): StopSignal {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) return;
    controller.abort();
    setTimeout(() => {
      log.warn(`stopping: still running ${STOP_EXIT_MS / 1000} s after the signal; exiting now`);
      process.exit(EXIT.failed);
    }, STOP_EXIT_MS).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const requested = new Promise<void>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  return {
    signal: controller.signal,
    requested,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** Whether `work` settles within `ms`; it is not cancelled either way. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const done = work.then(
    () => true,
    () => true,
  );
  const late = sleep(ms, false, { signal: timer.signal }).catch(() => false);
  try {
    return await Promise.race([done, late]);
  } finally {
    timer.abort();
  }
}
