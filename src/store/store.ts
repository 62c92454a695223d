import type { AuditEntry, Platform } from '../domain/audit.ts';
import type { Change } from '../domain/change.ts';
import { Catalog, officeNameIndex } from './catalog.ts';
import type { Applied } from './draft-ops.ts';
import { JournaledFile, type StoreChange } from './journaled-file.ts';
import type { Holder } from './lock-holder.ts';
import { KeptNameIndex, type NameIndexCache } from './name-index-cache.ts';
import type { NamePrefixIndex } from './name-prefix-index.ts';
import { OfficeDraft } from './office-draft.ts';
import { worldDir } from './paths.ts';
import { type RecordRef, recordChanges } from './records.ts';
import type { StoreData } from './schema.ts';
import { loadWorld } from './world/load.ts';
import type { World } from './world/world.ts';

export type AuditDraft = Omit<AuditEntry, 'at'>;

/** What a mutation reports: the audit entry to append in the same write, or nothing to write at all. */
export type Mutation<T> = (
  draft: StoreData,
) => { audit?: AuditDraft; result: T } | { unchanged: true; result: T };

/** Who makes a change, as the audit log names them. */
export interface Editor {
  actor: string;
  platform: Platform;
}

/** A change made on the draft: what it is called, what it did in words, and every record it touched. */
export interface Edit<T> {
  action: string;
  /** In English: the office's readable record in the store file. */
  summary: string;
  /** The same as data, for the history to word in each reader's language. */
  change: Change;
  target?: string;
  touched: readonly RecordRef[];
  /** The audit entry this change reverts (for `undo`). */
  undoes?: number;
  result: T;
}

/**
 * Builds an edit on the draft, for the editor making it. `office` reaches world records through the
 * draft: what it copies from the world layer is recorded with the edit.
 */
export type EditBuilder<T> = (
  draft: StoreData,
  editor: Editor,
  office: OfficeDraft,
) => Edit<T> | { unchanged: true; result: T };

interface StoreOptions {
  /** Validate the whole file even when twinbot wrote it (`check`). */
  validate?: 'full';
  /** Build every index now, not on the first question that needs it (the bot). */
  warm?: boolean;
  /** The folder of the world layer (default: TWINBOT_WORLD, else data/world), read only if the store uses it. */
  worldDir?: string;
  now?: () => Date;
  lock?: boolean | 'on-write';
  /** How long to wait for another writer to let go of the lock before refusing. */
  lockWaitMs?: number;
  /**
   * Keep the office name index between runs (a one-shot command, see name-index-cache.ts); a
   * process that stays up builds it once, at start.
   */
  nameIndexCache?: NameIndexCache;
}

/**
 * The knowledge base: one JSON file with its journal (see JournaledFile) and the in-memory indexes
 * over it, updated for the records each write changes. Each change lands in the same journal line
 * as its audit entry.
 */
export class Store {
  private current: Catalog;
  /** Loaded once per process, the first time the store uses it. */
  private world: World | undefined;

  /** The name index built at open, to keep at close when no run had kept it yet (see nameIndexCache). */
  private toKeep: { data: StoreData; names: NamePrefixIndex; kept: KeptNameIndex } | undefined;

  private constructor(
    private readonly file: JournaledFile,
    private readonly now: () => Date,
    private readonly worldFolder: string,
    private readonly warm = false,
    private readonly nameIndexCache?: NameIndexCache,
  ) {
    this.current = this.catalogOf(file.data, this.keptNames(file.data));
  }

  private catalogOf(data: StoreData, names?: NamePrefixIndex): Catalog {
    const catalog = new Catalog(data, this.worldFor(data), names);
    return this.warm ? catalog.warm() : catalog;
  }

  /** The office name index kept by an earlier run for the data as read, else built now and kept at close. */
  private keptNames(data: StoreData): NamePrefixIndex | undefined {
    const from = this.file.readFrom;
    const path = this.file.path;
    if (!this.nameIndexCache || !from || path === undefined) return undefined;
    const kept = new KeptNameIndex(this.nameIndexCache, path, from);
    const read = kept.read(data.cities);
    if (read) return read;
    const names = officeNameIndex(data.cities);
    this.toKeep = { data, names, kept };
    return names;
  }

  /**
   * Opens an existing store file, refusing (and never touching) one that is unreadable or invalid,
   * or that uses the world layer when the layer cannot be read (see loadWorld).
   */
  static async open(path: string, options: StoreOptions = {}): Promise<Store> {
    const file = await JournaledFile.open(path, {
      lock: options.lock ?? false,
      ...(options.lockWaitMs !== undefined && { waitMs: options.lockWaitMs }),
      ...(options.validate && { validate: options.validate }),
      share: options.warm === true,
    });
    try {
      return new Store(
        file,
        options.now ?? (() => new Date()),
        options.worldDir ?? worldDir(),
        options.warm === true,
        options.nameIndexCache,
      );
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /** Writes a new store file from data that must be valid (for init and tests). */
  static async create(path: string, data: unknown, options: StoreOptions = {}): Promise<Store> {
    return new Store(
      await JournaledFile.create(path, data),
      options.now ?? (() => new Date()),
      options.worldDir ?? worldDir(),
    );
  }

  /** Holds data that must be valid in memory only: it behaves like a file store but never writes. */
  static inMemory(data: unknown, options: Pick<StoreOptions, 'now' | 'worldDir'> = {}): Store {
    return new Store(
      JournaledFile.inMemory(data),
      options.now ?? (() => new Date()),
      options.worldDir ?? worldDir(),
    );
  }

  /**
   * The world layer, loaded now if it was not yet (it throws a WorldFileError saying how to rebuild
   * it when it cannot be used): for turning the layer on, before the store says it uses it.
   */
  loadWorld(): World {
    this.world ??= loadWorld(this.worldFolder);
    return this.world;
  }

  private worldFor(data: StoreData): World | undefined {
    return data.settings.world === true ? this.loadWorld() : undefined;
  }

  /** The store's file; an in-memory store has none, so asking for it is a bug. */
  get path(): string {
    if (this.file.path === undefined) throw new Error('an in-memory store has no file');
    return this.file.path;
  }

  /** The writer before this one, when it died holding the store (killed, crashed, power cut). */
  get tookOverFrom(): Holder | undefined {
    return this.file.tookOverFrom;
  }

  /**
   * What the writer found and mended at open (a journal line cut short by a crash), to be logged.
   */
  get recovered(): string | undefined {
    return this.file.recovered;
  }

  /**
   * Indexes over the data as it is now: an edit updates them for what it changed; data read again
   * (another writer changed the file) or a change of the world setting builds them anew.
   */
  get catalog(): Catalog {
    if (this.current.data !== this.file.data) this.current = this.catalogOf(this.file.data);
    return this.current;
  }

  /** Runs a change through the file, and brings the indexes along with what it changed. */
  private async change<T>(change: StoreChange<T>): Promise<T> {
    const { result } = await this.file.update(change, (applied, base) => this.follow(applied, base));
    return result;
  }

  /** Called as the edit becomes the data, so no question sees the data ahead of its indexes. */
  private follow(applied: Applied, base: StoreData): void {
    const catalog = this.current;
    if (catalog.data !== base || base.settings.world !== applied.data.settings.world) {
      this.current = this.catalogOf(applied.data);
    } else catalog.apply(applied);
  }

  /** The file's journal and store sizes, and folding the journal in now (benchmarks, tests). */
  get journal(): Pick<JournaledFile, 'sizes' | 'compactNow'> {
    return this.file;
  }

  /**
   * Applies a change on a copy, validates the result whole, then writes it with its audit entry.
   * An invalid result is refused with the field at fault, and nothing changes.
   */
  update<T>(mutate: Mutation<T>): Promise<T> {
    return this.change((draft) => {
      const outcome = mutate(draft);
      if ('unchanged' in outcome) return outcome;
      if (outcome.audit) draft.audit.push({ ...outcome.audit, at: this.now().toISOString() });
      return { result: outcome.result };
    });
  }

  /**
   * Applies a change like `update`, and records in the same write each touched record before and
   * after, so the history can show it and `undo` can put it back. A change that changes nothing is
   * not written.
   */
  edit<T>(editor: Editor, build: EditBuilder<T>): Promise<T> {
    return this.change((draft) => {
      const office = new OfficeDraft(draft, this.catalog);
      const outcome = build(draft, editor, office);
      if ('unchanged' in outcome) return outcome;
      const changes = recordChanges(this.file.data, draft, [...office.adopted, ...outcome.touched]);
      if (changes.length === 0) return { unchanged: true, result: outcome.result };
      draft.audit.push({
        at: this.now().toISOString(),
        actor: editor.actor,
        platform: editor.platform,
        action: outcome.action,
        summary: outcome.summary,
        change: outcome.change,
        ...(outcome.target !== undefined && { target: outcome.target }),
        changes,
        ...(outcome.undoes !== undefined && { undoes: outcome.undoes }),
      });
      return { result: outcome.result };
    });
  }

  /**
   * Waits for queued writes, then gives up the lock (if held); then, after the command's answer,
   * keeps the name index built at open for the next run, unless an edit or another writer changed
   * the data since (the file as folded at close is what the next run reads).
   */
  async close(): Promise<void> {
    await this.file.close();
    const toKeep = this.toKeep;
    this.toKeep = undefined;
    if (toKeep && toKeep.data === this.file.data) toKeep.kept.write(toKeep.data.cities, toKeep.names);
  }
}
