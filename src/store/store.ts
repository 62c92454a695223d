import { readFile } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import lockfile from 'proper-lockfile';
import type { AuditEntry } from '../domain/audit.ts';
import { Catalog } from './catalog.ts';
import { describeFirstIssue, InvalidChangeError, StoreFileError } from './errors.ts';
import { STORE_VERSION, type StoreData, StoreSchema } from './schema.ts';

export type AuditDraft = Omit<AuditEntry, 'at'>;

/** What a mutation reports: the audit entry to append in the same write, or nothing to write at all. */
export type Mutation<T> = (
  draft: StoreData,
) => { audit?: AuditDraft; result: T } | { unchanged: true; result: T };

/**
 * The one owner of a store file. Every write goes through one queue, is validated whole against the
 * schema before it is applied, and lands atomically (lowdb writes a temp file and renames it).
 */
export class Store {
  private queue: Promise<unknown> = Promise.resolve();
  private current: Catalog;

  private constructor(
    readonly path: string,
    private readonly db: Low<StoreData>,
    private readonly now: () => Date,
    private readonly release: () => Promise<void> = async () => {},
  ) {
    this.current = new Catalog(db.data);
  }

  /**
   * Opens an existing store file, refusing (and never touching) one that is unreadable or invalid.
   * With `lock`, the process becomes the file's one writer: another process that asks for the lock
   * is refused, so two writers can never overwrite each other's changes.
   */
  static async open(path: string, options: { now?: () => Date; lock?: boolean } = {}): Promise<Store> {
    const release = options.lock ? await lockStoreFile(path) : undefined;
    try {
      const data = await readStoreFile(path);
      const db = new Low<StoreData>(new JSONFile<StoreData>(path), data);
      return new Store(path, db, options.now ?? (() => new Date()), release);
    } catch (error) {
      await release?.();
      throw error;
    }
  }

  /** Writes a new store file from validated data (for init and tests); refuses invalid data. */
  static async create(path: string, data: unknown, options: { now?: () => Date } = {}): Promise<Store> {
    const parsed = StoreSchema.safeParse(data);
    if (!parsed.success) throw new InvalidChangeError(describeFirstIssue(parsed.error, data));
    const db = new Low<StoreData>(new JSONFile<StoreData>(path), parsed.data);
    await db.write();
    return new Store(path, db, options.now ?? (() => new Date()));
  }

  /** Waits for queued writes, then gives up the lock (if held). */
  async close(): Promise<void> {
    await this.queue;
    await this.release();
  }

  get catalog(): Catalog {
    return this.current;
  }

  /**
   * Applies a change on a copy, validates the result whole, then writes it with its audit entry.
   * An invalid result is refused with the field at fault, and nothing changes.
   */
  update<T>(mutate: Mutation<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const draft = structuredClone(this.db.data);
      const outcome = mutate(draft);
      if ('unchanged' in outcome) return outcome.result;
      if (outcome.audit) draft.audit.push({ ...outcome.audit, at: this.now().toISOString() });
      const parsed = StoreSchema.safeParse(draft);
      if (!parsed.success) throw new InvalidChangeError(describeFirstIssue(parsed.error, draft));
      this.db.data = parsed.data;
      await this.db.write();
      this.current = new Catalog(parsed.data);
      return outcome.result;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

async function lockStoreFile(path: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(path, { realpath: false, stale: 15_000, update: 5_000 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') {
      throw new StoreFileError(
        path,
        'is in use by another twinbot process (is the bot running?). Stop it first, or make the change in chat.',
      );
    }
    if (code === 'ENOENT') throw new StoreFileError(path, 'no such file; create one with `twinbot init`');
    throw error;
  }
}

/** Reads and validates a store file; every way it can be unusable becomes a StoreFileError. */
export async function readStoreFile(path: string): Promise<StoreData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StoreFileError(path, 'no such file; create one with `twinbot init`');
    throw new StoreFileError(path, `cannot be read (${code ?? 'unknown error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoreFileError(path, `is not valid JSON (${(error as Error).message})`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > STORE_VERSION) {
    throw new StoreFileError(
      path,
      `was written by a newer twinbot (store version ${version}; this one reads ${STORE_VERSION})`,
    );
  }
  const parsed = StoreSchema.safeParse(json);
  if (!parsed.success) throw new StoreFileError(path, describeFirstIssue(parsed.error, json));
  return parsed.data;
}
