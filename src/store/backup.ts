import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setImmediate as yieldToAnswers } from 'node:timers/promises';
import * as z from 'zod';
import { LEDGER_VERSION, LedgerFileSchema, ledgerKey } from '../domain/reminder.ts';
import { ledgerPathBeside, readLedgerData } from '../reminders/ledger.ts';
import { prepareDurably } from './durable-write.ts';
import { describeFirstIssue, StoreFileError } from './errors.ts';
import { acquireLock } from './file-lock.ts';
import { exists } from './init.ts';
import { replacingStoreFile } from './journal.ts';
import { JournaledFile } from './journaled-file.ts';
import { type StoreData, StoreSchema } from './schema.ts';
import { requireFolderFor, writableTarget } from './store-file.ts';

export const BACKUP_FORMAT = 'twinbot-backup';
export const BACKUP_VERSION = 1;

/** One file with everything a store needs to be put back: the knowledge base and what was posted. */
export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  store: StoreSchema,
  ledger: LedgerFileSchema,
});

export type LedgerData = z.output<typeof LedgerFileSchema>;

/** A backup file that cannot be restored: nothing was changed. */
export class BackupFileError extends Error {
  constructor(path: string, detail: string) {
    super(`${path}: ${detail}; nothing was changed`);
    this.name = 'BackupFileError';
  }
}

export function backupText(store: StoreData, ledger: LedgerData, now: Date): string {
  return `${[...prettyPieces(backupOf(store, ledger, now), '')].join('')}\n`;
}

/**
 * The same text as backupText, in pieces of a thousand records with a turn of the event loop between
 * them: the bot's daily snapshot neither holds the answers nor the whole text in memory at once.
 */
export async function* backupPieces(store: StoreData, ledger: LedgerData, now: Date): AsyncGenerator<string> {
  for (const piece of prettyPieces(backupOf(store, ledger, now), '')) {
    yield piece;
    await yieldToAnswers();
  }
  yield '\n';
}

function backupOf(store: StoreData, ledger: LedgerData, now: Date) {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), store, ledger };
}

/** Records serialized in one piece of a backup. */
const RECORDS_PER_PIECE = 1000;

/**
 * `JSON.stringify(value, null, 2)` at this indentation, in pieces: a list longer than a piece is
 * written a piece at a time, and so is each object that holds one; anything else whole.
 */
function* prettyPieces(value: unknown, indent: string): Generator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > RECORDS_PER_PIECE) {
    yield '[';
    for (let start = 0; start < value.length; start += RECORDS_PER_PIECE) {
      const records = value.slice(start, start + RECORDS_PER_PIECE);
      yield records
        .map((record, i) => `${start + i === 0 ? '' : ','}\n${inner}${pretty(record, inner)}`)
        .join('');
    }
    yield `\n${indent}]`;
  } else if (holdsLongList(value)) {
    const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
    yield '{';
    for (const [i, [key, v]] of entries.entries()) {
      yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
      yield* prettyPieces(v, inner);
    }
    yield `\n${indent}}`;
  } else yield pretty(value, indent);
}

/** `JSON.stringify(value, null, 2)` as it stands at this indentation. */
function pretty(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

function holdsLongList(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > RECORDS_PER_PIECE;
  return typeof value === 'object' && value !== null && Object.values(value).some(holdsLongList);
}

/**
 * A backup of the store (its file and the edits of its journal) and its ledger as they are on disk.
 * Each is read whole (files are only ever replaced by a rename, the journal and the ledger only appended to; a torn last line is left out),
 * without the lock, so a backup can be taken while the bot runs.
 */
export async function backupOfFiles(storePath: string, now: Date): Promise<string> {
  const store = await JournaledFile.open(storePath);
  const ledgerPath = ledgerPathBeside(await realpath(storePath));
  const ledger = (await exists(ledgerPath))
    ? await readLedgerData(ledgerPath)
    : LedgerFileSchema.parse({ version: LEDGER_VERSION });
  return backupText(store.data, ledger, now);
}

/** A copy of the store is as private as the store: it gets the store file's permissions. */
export async function storeMode(storePath: string): Promise<number> {
  return (await stat(storePath)).mode & 0o777;
}

/** Reads and validates a backup whole; any fault refuses it before anything is touched. */
export async function readBackup(path: string): Promise<z.output<typeof BackupSchema>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BackupFileError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BackupFileError(path, `is not valid JSON, perhaps cut short (${(error as Error).message})`);
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (head?.format !== BACKUP_FORMAT) throw new BackupFileError(path, 'is not a twinbot backup');
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new BackupFileError(
      path,
      `was written by a newer twinbot (backup version ${head.version}; this one reads ${BACKUP_VERSION})`,
    );
  }
  const parsed = BackupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const part = issue?.path[0];
    const inner = part === 'store' || part === 'ledger' ? (json as Record<string, unknown>)[part] : json;
    const innerError = new z.ZodError(
      parsed.error.issues.map((i) => ({ ...i, path: part === i.path[0] ? i.path.slice(1) : i.path })),
    );
    throw new BackupFileError(path, `${String(part ?? 'file')}: ${describeFirstIssue(innerError, inner)}`);
  }
  return parsed.data;
}

/** What a restore did with the ledger it found. */
export interface RestoreReport {
  /** Posts the ledger on disk recorded that the backup did not (made after it was taken). */
  keptPosts: number;
  /** The ledger on disk could not be read, so the backup's alone was restored. */
  unreadableLedger: boolean;
}

/**
 * Replaces a store and its ledger with a backup's. Both new files are written and flushed beside
 * their files first; then, holding the locks of both (the bot's), the store is renamed into place,
 * then the ledger. A crash between the two renames leaves the restored store beside the ledger as
 * it was, which knows of every post made up to then, so nothing is posted twice; running the
 * restore again finishes it.
 *
 * A post cannot be taken back by restoring a file, so the restored ledger also keeps what the
 * ledger on disk records and the backup does not: the posts made since the backup was taken.
 */
export async function restoreBackup(
  storePath: string,
  backup: z.output<typeof BackupSchema>,
  options: { waitMs?: number } = {},
): Promise<RestoreReport> {
  const storeFile = (await exists(storePath)) ? await writableTarget(storePath) : await newFile(storePath);
  const ledgerPath = ledgerPathBeside(storeFile);
  const ledgerFile = (await exists(ledgerPath)) ? await writableTarget(ledgerPath) : ledgerPath;
  const waitMs = options.waitMs ?? 0;
  const storeLock = await acquireLock(storeFile, { shownAs: storePath, waitMs });
  try {
    const ledgerLock = await acquireLock(ledgerFile, { shownAs: ledgerPath, waitMs });
    try {
      const current = await currentLedger(ledgerFile);
      const ledger =
        current === undefined || current === null ? backup.ledger : keepPostsSince(backup.ledger, current);
      const storeText = JSON.stringify(backup.store, null, 2);
      // Under the locks: the temp files are the ones the bot's own writes use.
      const [storeWrite, ledgerWrite] = await explained(storePath, () =>
        Promise.all([
          prepareDurably(storeFile, storeText),
          prepareDurably(ledgerFile, JSON.stringify(ledger, null, 2)),
        ]),
      );
      // The journal's edits were made to the store being replaced: it is told so first (see journal.ts).
      const journal = await explained(storePath, () => replacingStoreFile(storeFile, storeText));
      await storeWrite.commit();
      await explained(storePath, () => journal.restart());
      await ledgerWrite.commit();
      return {
        keptPosts: ledger.entries.length - backup.ledger.entries.length,
        unreadableLedger: current === null,
      };
    } finally {
      await ledgerLock.release();
    }
  } finally {
    await storeLock.release();
  }
}

/** The ledger on disk: undefined when there is none, null when it cannot be read or is invalid. */
async function currentLedger(path: string): Promise<LedgerData | undefined | null> {
  if (!(await exists(path))) return undefined;
  try {
    return await readLedgerData(path);
  } catch (error) {
    if (error instanceof StoreFileError) return null;
    throw error;
  }
}

/** The backup's ledger, plus every entry only the current one has, and the later progress of each target. */
export function keepPostsSince(restored: LedgerData, current: LedgerData): LedgerData {
  const known = new Set(restored.entries.map(ledgerKey));
  const progress = { ...restored.progress };
  for (const [target, date] of Object.entries(current.progress)) {
    const before = progress[target];
    if (before === undefined || date > before) progress[target] = date;
  }
  return {
    ...restored,
    entries: [...restored.entries, ...current.entries.filter((entry) => !known.has(ledgerKey(entry)))],
    progress,
  };
}

/** A disk that refuses the new files (full, read-only) is told in a line; the files are as they were. */
async function explained<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === undefined) throw error;
    throw new StoreFileError(path, `could not be restored (${code}: ${message}); nothing was changed`);
  }
}

async function newFile(path: string): Promise<string> {
  await requireFolderFor(path);
  return resolve(path);
}
