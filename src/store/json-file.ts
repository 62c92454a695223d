import { readFile } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import lockfile from 'proper-lockfile';
import type { z } from 'zod';
import { describeFirstIssue, InvalidChangeError, StoreFileError } from './errors.ts';

/** A change to a file's data: made on a draft, or reported as no change so nothing is written. */
export type Change<D, T> = (draft: D) => { result: T } | { unchanged: true; result: T };

export interface OpenOptions {
  /**
   * Become the file's one writer: another process asking for the lock is refused. `on-write` asks
   * only before the first change (and reads the file again under the lock), so a process that may
   * only read never stands in a writer's way.
   */
  lock?: boolean | 'on-write';
  /** The format version this program reads; a file from a newer program is refused, not misread. */
  version?: number;
}

/**
 * A JSON file owned by one process and validated by a zod schema: refused (and never touched) when
 * unreadable or invalid, changed only through one queue, each change validated whole before it is
 * applied and written atomically (lowdb writes a temp file and renames it).
 */
export class JsonFile<S extends z.ZodType> {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly schema: S,
    private readonly db: Low<z.output<S>>,
    private release: () => Promise<void>,
    private lockOnWrite?: { version: number | undefined },
  ) {}

  static async open<S extends z.ZodType>(
    path: string,
    schema: S,
    options: OpenOptions = {},
  ): Promise<JsonFile<S>> {
    const release = options.lock === true ? await lockFile(path) : async () => {};
    try {
      const data = await readValidated(path, schema, options.version);
      const db = new Low(new JSONFile<z.output<S>>(path), data);
      const lazy = options.lock === 'on-write' ? { version: options.version } : undefined;
      return new JsonFile(path, schema, db, release, lazy);
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** Writes a new file from data that must pass the schema. */
  static async create<S extends z.ZodType>(path: string, schema: S, data: unknown): Promise<JsonFile<S>> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new InvalidChangeError(describeFirstIssue(parsed.error, data));
    const db = new Low(new JSONFile<z.output<S>>(path), parsed.data);
    await db.write();
    return new JsonFile(path, schema, db, async () => {});
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
    const release = await lockFile(this.path);
    try {
      this.db.data = await readValidated(this.path, this.schema, this.lockOnWrite.version);
    } catch (error) {
      // Still unread: the next change must lock and read again, not write over the file from memory.
      await release();
      throw error;
    }
    this.release = release;
    this.lockOnWrite = undefined;
  }

  /** Waits for queued writes, then gives up the lock (if held). */
  async close(): Promise<void> {
    await this.queue;
    await this.release();
  }
}

async function lockFile(path: string): Promise<() => Promise<void>> {
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
    throw error;
  }
}

/** Reads and validates a JSON file; every way it can be unusable becomes a StoreFileError. */
async function readValidated<S extends z.ZodType>(
  path: string,
  schema: S,
  version: number | undefined,
): Promise<z.output<S>> {
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
  const found = (json as { version?: unknown } | null)?.version;
  if (version !== undefined && typeof found === 'number' && found > version) {
    throw new StoreFileError(
      path,
      `was written by a newer twinbot (version ${found}; this one reads ${version})`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new StoreFileError(path, describeFirstIssue(parsed.error, json));
  return parsed.data;
}
