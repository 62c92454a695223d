import type { AuditEntry } from '../domain/audit.ts';
import { Catalog } from './catalog.ts';
import { JsonFile } from './json-file.ts';
import { STORE_VERSION, type StoreData, StoreSchema } from './schema.ts';

export type AuditDraft = Omit<AuditEntry, 'at'>;

/** What a mutation reports: the audit entry to append in the same write, or nothing to write at all. */
export type Mutation<T> = (
  draft: StoreData,
) => { audit?: AuditDraft; result: T } | { unchanged: true; result: T };

interface StoreOptions {
  now?: () => Date;
  lock?: boolean;
}

/**
 * The knowledge base: one validated JSON file (see JsonFile) and the in-memory indexes over it,
 * rebuilt after every write. Each change lands in the same file write as its audit entry.
 */
export class Store {
  private current: Catalog;

  private constructor(
    private readonly file: JsonFile<typeof StoreSchema>,
    private readonly now: () => Date,
  ) {
    this.current = new Catalog(file.data);
  }

  /** Opens an existing store file, refusing (and never touching) one that is unreadable or invalid. */
  static async open(path: string, options: StoreOptions = {}): Promise<Store> {
    const file = await JsonFile.open(path, StoreSchema, {
      version: STORE_VERSION,
      lock: options.lock === true,
    });
    return new Store(file, options.now ?? (() => new Date()));
  }

  /** Writes a new store file from data that must be valid (for init and tests). */
  static async create(path: string, data: unknown, options: StoreOptions = {}): Promise<Store> {
    return new Store(await JsonFile.create(path, StoreSchema, data), options.now ?? (() => new Date()));
  }

  get path(): string {
    return this.file.path;
  }

  /** Indexes over the data as it is now: a write replaces the data, and the indexes follow on next use. */
  get catalog(): Catalog {
    if (this.current.data !== this.file.data) this.current = new Catalog(this.file.data);
    return this.current;
  }

  /**
   * Applies a change on a copy, validates the result whole, then writes it with its audit entry.
   * An invalid result is refused with the field at fault, and nothing changes.
   */
  update<T>(mutate: Mutation<T>): Promise<T> {
    return this.file.update((draft) => {
      const outcome = mutate(draft);
      if ('unchanged' in outcome) return outcome;
      if (outcome.audit) draft.audit.push({ ...outcome.audit, at: this.now().toISOString() });
      return { result: outcome.result };
    });
  }

  /** Waits for queued writes, then gives up the lock (if held). */
  close(): Promise<void> {
    return this.file.close();
  }
}
