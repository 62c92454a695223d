import { type Adapter, Low, Memory } from 'lowdb';
import type { z } from 'zod';
import { writeFileDurably } from './durable-write.ts';
import { describeFirstIssue, InvalidChangeError, StoreFileError } from './errors.ts';
import { acquireLock, type Lock, type Release } from './file-lock.ts';
import type { Holder } from './lock-holder.ts';
import { readStoreText, requireFolderFor, writableTarget } from './store-file.ts';

/** A change to a file's data: made on a draft, or reported as no change so nothing is written. */
export type Change<D, T> = (draft: D) => { result: T } | { unchanged: true; result: T };

export interface OpenOptions {
  /**
   * Become the file's one writer: another process asking for the lock is refused. `on-write` asks
   * only before the first change (and reads the file again under the lock), so a process that may
   * only read never stands in a writer's way.
   */
  lock?: boolean | 'on-write';
  /** How long to wait for another writer to finish before refusing (default: refuse at once). */
  waitMs?: number;
  /** The format version this program reads; a file from a newer program is refused, not misread. */
  version?: number;
}

/**
 * A JSON file owned by one process and validated by a zod schema: refused (and never touched) when
 * unreadable or invalid, changed only through one queue, each change validated whole before it is
 * applied and written durably (see durable-write.ts) to the file a symbolic link points at.
 */
export class JsonFile<S extends z.ZodType> {
  private queue: Promise<unknown> = Promise.resolve();
  /** The writer before this one, when it died holding the file (see file-lock.ts). */
  tookOverFrom: Holder | undefined;

  private constructor(
    /** Where the data lives; none for a file held in memory only. */
    readonly path: string | undefined,
    private readonly schema: S,
    private readonly db: Low<z.output<S>>,
    private release: Release,
    private lockOnWrite?: { path: string; version: number | undefined; waitMs: number | undefined },
  ) {}

  static async open<S extends z.ZodType>(
    path: string,
    schema: S,
    options: OpenOptions = {},
  ): Promise<JsonFile<S>> {
    const lock = options.lock === true ? await lockForWriting(path, options.waitMs) : undefined;
    const release = lock?.release ?? (async () => {});
    try {
      const data = await readValidated(path, schema, options.version);
      const db = new Low(durableJson<z.output<S>>(path), data);
      const lazy =
        options.lock === 'on-write' ? { path, version: options.version, waitMs: options.waitMs } : undefined;
      const file = new JsonFile(path, schema, db, release, lazy);
      file.tookOverFrom = lock?.tookOverFrom;
      return file;
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** Writes a new file from data that must pass the schema. */
  static async create<S extends z.ZodType>(path: string, schema: S, data: unknown): Promise<JsonFile<S>> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new InvalidChangeError(describeFirstIssue(parsed.error, data));
    await requireFolderFor(path);
    await writeOrExplain(path, () => writeFileDurably(path, serialize(parsed.data)));
    const db = new Low(durableJson<z.output<S>>(path), parsed.data);
    return new JsonFile(path, schema, db, async () => {});
  }

  /**
   * Holds data that must pass the schema in memory only, with the same rules for changes but no
   * file: for simulations, which must leave nothing behind even when the process is killed.
   */
  static inMemory<S extends z.ZodType>(schema: S, data: unknown): JsonFile<S> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new InvalidChangeError(describeFirstIssue(parsed.error, data));
    return new JsonFile(undefined, schema, new Low(new Memory<z.output<S>>(), parsed.data), async () => {});
  }

  get data(): z.output<S> {
    return this.db.data;
  }

  /** Applies a change on a copy, validates the result whole, then writes it; an invalid result changes nothing. */
  update<T>(change: Change<z.output<S>, T>): Promise<T> {
    const run = async (): Promise<T> => {
      await this.lockBeforeFirstWrite();
      const draft = structuredClone(this.db.data);
      const outcome = change(draft);
      if ('unchanged' in outcome) return outcome.result;
      const parsed = this.schema.safeParse(draft);
      if (!parsed.success) throw new InvalidChangeError(describeFirstIssue(parsed.error, draft));
      // Memory follows the file only once the file is written, so a failed write changes nothing.
      await this.db.adapter.write(parsed.data);
      this.db.data = parsed.data;
      return outcome.result;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** For `lock: 'on-write'`: takes the lock, then reads the file again, since another writer may have changed it. */
  private async lockBeforeFirstWrite(): Promise<void> {
    if (!this.lockOnWrite) return;
    const { path, version, waitMs } = this.lockOnWrite;
    const { release, tookOverFrom } = await lockForWriting(path, waitMs);
    try {
      this.db.data = await readValidated(path, this.schema, version);
    } catch (error) {
      // Still unread: the next change must lock and read again, not write over the file from memory.
      await release();
      throw error;
    }
    this.release = release;
    this.tookOverFrom = tookOverFrom;
    this.lockOnWrite = undefined;
  }

  /** Waits for queued writes, then gives up the lock (if held). */
  async close(): Promise<void> {
    await this.queue;
    await this.release();
  }
}

/** Locks the file a change would be written to, after checking that it can be changed at all. */
async function lockForWriting(path: string, waitMs: number | undefined): Promise<Lock> {
  const target = await writableTarget(path);
  return writeOrExplain(path, () =>
    acquireLock(target, { shownAs: path, ...(waitMs !== undefined && { waitMs }) }),
  );
}

/** lowdb's adapter for the file: read checked (see store-file.ts), written durably to its target. */
function durableJson<T>(path: string): Adapter<T> {
  return {
    read: async () => JSON.parse(await readStoreText(path)) as T,
    write: async (data) => {
      const target = await writableTarget(path);
      await writeOrExplain(path, () => writeFileDurably(target, serialize(data)));
    },
  };
}

const serialize = (data: unknown) => JSON.stringify(data, null, 2);

/** A write the disk refuses (full, read-only mount, permissions changed) is told in a line naming the file. */
export async function writeOrExplain<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StoreFileError) throw error;
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === undefined) throw error;
    const reason = message.replace(/^\w+: /, '').split(',')[0];
    throw new StoreFileError(path, `could not be written (${code}: ${reason}); nothing was changed`);
  }
}

/** Reads and validates a JSON file; every way it can be unusable becomes a StoreFileError. */
async function readValidated<S extends z.ZodType>(
  path: string,
  schema: S,
  version: number | undefined,
): Promise<z.output<S>> {
  const text = await readStoreText(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoreFileError(path, `is not valid JSON (${(error as Error).message})`);
  }
  const found = (json as { version?: unknown } | null)?.version;
  if (version !== undefined && typeof found === 'number' && found > version) {
    throw new StoreFileError(
      path,
      `was written by a newer twinbot (version ${found}; this one reads ${version})`,
    );
  }
  // Without zod's JIT: it compiles a validator per object schema, which a file read once per start
  // never earns back (the same checks run either way).
  const parsed = schema.safeParse(json, { jitless: true });
  if (!parsed.success) throw new StoreFileError(path, describeFirstIssue(parsed.error, json));
  return parsed.data;
}
