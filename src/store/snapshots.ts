import { mkdir, readdir, realpath, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Cron } from 'croner';
import { Temporal } from 'temporal-polyfill';
import { mistakes, ok, type Parsed } from '../config-result.ts';
import type { Logger } from '../core/logger.ts';
import { prepareDurablyFrom } from './durable-write.ts';
import { exists } from './init.ts';

export const DEFAULT_SNAPSHOT_DAYS = 14;

/** `SNAPSHOT_DAYS`: how many daily snapshots to keep; 0 turns them off. */
export function parseSnapshotDays(env: NodeJS.ProcessEnv): Parsed<number> {
  const text = env.SNAPSHOT_DAYS;
  if (text === undefined || text === '') return ok(DEFAULT_SNAPSHOT_DAYS);
  if (!/^\d{1,4}$/.test(text)) {
    return mistakes(
      `SNAPSHOT_DAYS must be a whole number of days (default ${DEFAULT_SNAPSHOT_DAYS}; 0 turns daily snapshots off)`,
    );
  }
  return ok(Number(text));
}

export interface SnapshotPlan {
  /** The store file (a symbolic link's target is used, so a store reached by two paths has one folder). */
  storePath: string;
  days: number;
  /** The backup text of the store and its ledger as they are now, in pieces (see backupPieces). */
  backup: () => Iterable<string> | AsyncIterable<string>;
}

export interface SnapshotReport {
  taken?: string;
  removed: string[];
}

/**
 * Keeps one backup a day in `snapshots/` beside the store, named by the UTC date
 * (`twinning-2026-12-03.json`): takes today's when it is missing, and removes those older than
 * `days` days (today counts as one). With `days` 0 it does nothing, and leaves old snapshots alone.
 */
export async function snapshotIfDue(plan: SnapshotPlan, now: Date): Promise<SnapshotReport> {
  if (plan.days === 0) return { removed: [] };
  const store = await realpath(plan.storePath);
  const folder = join(dirname(store), 'snapshots');
  const stem = basename(store).replace(/\.json$/, '');
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO('UTC').toPlainDate();
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${stem}-${today}.json`);
  const report: SnapshotReport = { removed: [] };
  if (!(await exists(file))) {
    // As private as the store it copies.
    await (await prepareDurablyFrom(file, plan.backup(), (await stat(store)).mode & 0o777)).commit();
    report.taken = file;
  }
  const oldestKept = today.subtract({ days: plan.days - 1 }).toString();
  for (const name of await readdir(folder)) {
    const date = snapshotDate(name, stem);
    if (date !== undefined && date < oldestKept) {
      await unlink(join(folder, name));
      report.removed.push(join(folder, name));
    }
  }
  return report;
}

/** The date in a snapshot's name, or nothing for any other file (those are never removed). */
function snapshotDate(name: string, stem: string): string | undefined {
  if (!name.startsWith(`${stem}-`) || !name.endsWith('.json')) return undefined;
  const date = name.slice(stem.length + 1, -'.json'.length);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

export interface RunningSnapshots {
  stop(): void;
}

/**
 * Takes the day's snapshot at start when it is missing, then checks every hour (croner, `protect`
 * so a slow write never overlaps the next), so a bot that was asleep at midnight still takes it.
 * A snapshot that cannot be written is logged; it never stops the bot.
 */
export async function startSnapshots(
  plan: SnapshotPlan,
  log: Logger,
  now: () => Date = () => new Date(),
): Promise<RunningSnapshots> {
  if (plan.days === 0) return { stop: () => undefined };
  const check = async () => {
    try {
      const report = await snapshotIfDue(plan, now());
      if (report.taken) log.info(`snapshot: ${report.taken}`);
      for (const gone of report.removed) log.info(`snapshot removed (older than ${plan.days} days): ${gone}`);
    } catch (error) {
      log.error(`snapshot failed: ${(error as Error).message}`);
    }
  };
  await check();
  const job = new Cron('0 * * * *', { protect: true }, check);
  return { stop: () => job.stop() };
}
