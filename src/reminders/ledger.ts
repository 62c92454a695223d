import { open, realpath } from 'node:fs/promises';
import { z } from 'zod';
import {
  LEDGER_STATES,
  LEDGER_VERSION,
  type LedgerEntry,
  LedgerEntrySchema,
  LedgerFileSchema,
  LocalDateSchema,
  ledgerKey,
  TargetIdSchema,
} from '../domain/reminder.ts';
import { writeFileDurably } from '../store/durable-write.ts';
import { describeFirstIssue, StoreFileError } from '../store/errors.ts';
import { acquireLock, type Release } from '../store/file-lock.ts';
import { exists } from '../store/init.ts';
import { readStoreText, writableTarget } from '../store/store-file.ts';

/** The ledger as a whole, in the shape backups carry (and ledger files before the journal had). */
export type LedgerData = z.output<typeof LedgerFileSchema>;
type LedgerState = LedgerEntry['state'];

/** The journal format: JSON lines after a header line; version 1 was one JSON document. */
const JOURNAL_VERSION = 2;
const HEADER = { ledger: 'twinbot', version: JOURNAL_VERSION } as const;

/**
 * One line of the journal. `put` records entries (replacing any with the same key); the pending
 * entries of one `put` are a batch, claimed together before any of them is posted and posted in
 * their order. `state` settles one entry, `drop` forgets entries, `progress` marks local dates done.
 */
const LineSchema = z.union([
  z.strictObject({ put: z.array(LedgerEntrySchema) }),
  z.strictObject({ state: z.tuple([z.string(), z.enum(LEDGER_STATES)]) }),
  z.strictObject({ drop: z.array(z.string()) }),
  z.strictObject({ progress: z.record(TargetIdSchema, LocalDateSchema) }),
]);
type Line = z.infer<typeof LineSchema>;

/** Entries older than this (before the newest due date) can never be due again: compaction drops them. */
const KEEP_DAYS = 400;
/** Appended bytes below which compaction never runs, whatever the ledger's size. */
const COMPACT_MIN_BYTES = 64 * 1024;
/** Entries per `put` line in a compacted file, so no line grows with the ledger. */
const ENTRIES_PER_LINE = 500;

/** Where a claimed entry stands in its batch, to tell after a crash which post may have gone out. */
interface Claim {
  batch: number;
  index: number;
}

/**
 * What was posted, as a journal beside the store (`twinning.ledger.json`, JSON lines): every change
 * is one line appended and flushed, so a post costs a few hundred bytes however long the ledger
 * grows, and the keys it holds are answered from memory. Compaction rewrites the file atomically
 * with only what still matters; a file in the earlier one-document format is read and rewritten as
 * a journal by the first writer.
 *
 * Never posting twice rests on three rules: a day's reminders are claimed (one line, flushed) before
 * the first is posted; each outcome is flushed before the next post starts; and after a crash the
 * first unsettled claim of each batch may have gone out, so it is settled as `unconfirmed`, while
 * the ones after it were never tried and are released to be posted.
 */
export class LedgerFile {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly claims = new Map<string, Claim>();
  private progress: Record<string, string> = {};
  private nextBatch = 0;
  /** Bytes as the file was read or last rewritten, and bytes appended since: what compaction weighs. */
  private baseBytes = 0;
  private appendedBytes = 0;
  /** The file must be rewritten before anything is appended (earlier format, torn last line). */
  private rewriteFirst: boolean;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    /** None for a ledger held in memory only. */
    readonly path: string | undefined,
    private readonly release: Release,
    rewriteFirst = false,
  ) {
    this.rewriteFirst = rewriteFirst;
  }

  /** Reads a ledger file in either format; a torn last line (a crash mid-append) is left out. */
  static async read(path: string, release: Release = async () => {}): Promise<LedgerFile> {
    const text = await readStoreText(path);
    const ledger = new LedgerFile(path, release);
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
    const header = parseJson(firstLine);
    if (!isHeader(header)) {
      ledger.loadDocument(path, text);
      ledger.rewriteFirst = true;
      return ledger;
    }
    if (header.version > JOURNAL_VERSION)
      throw new StoreFileError(
        path,
        `was written by a newer twinbot (ledger version ${header.version}; this one reads ${JOURNAL_VERSION})`,
      );
    const lines = text.split('\n');
    const last = lines.length - 1;
    // A complete file ends with a newline, so the last piece is empty; anything else is a torn append.
    if (lines[last] !== '') ledger.rewriteFirst = true;
    for (let i = 1; i < last; i++) ledger.apply(parseLine(path, lines[i] as string, i + 1));
    ledger.baseBytes = text.length;
    return ledger;
  }

  /** An empty ledger that lives in memory only, for simulations. */
  static inMemory(): LedgerFile {
    return new LedgerFile(undefined, async () => {});
  }

  /** The whole ledger, built on demand: for `reminders status` and backups, not for ticks. */
  get data(): LedgerData {
    return { version: LEDGER_VERSION, entries: [...this.entries.values()], progress: { ...this.progress } };
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The last local date whose reminders were all handled for a target. */
  progressOf(target: string): string | undefined {
    return this.progress[target];
  }

  /** Records entries in one flushed line; pending ones are claimed as one batch, to be posted in order. */
  record(entries: LedgerEntry[]): Promise<void> {
    return this.write({ put: entries });
  }

  /** Settles a claimed entry once its post is known to have gone out. */
  settle(key: string, state: Exclude<LedgerState, 'pending'>): Promise<void> {
    return this.write({ state: [key, state] });
  }

  /** Forgets claimed entries whose posts did not go out, so a later tick posts them. */
  releaseClaims(keys: string[]): Promise<void> {
    return keys.length === 0 ? Promise.resolve() : this.write({ drop: keys });
  }

  markProgress(progress: Record<string, string>): Promise<void> {
    return this.write({ progress });
  }

  /**
   * Settles what a crash left claimed: per batch the first unsettled entry may have been posted, so
   * it becomes `unconfirmed` and is never posted again (a missing reminder is better than a double
   * one); the later ones were never tried and are released. Returns how many became unconfirmed.
   */
  async settlePending(): Promise<number> {
    const batches = new Map<number, { key: string; index: number }[]>();
    for (const [key, { batch, index }] of this.claims) {
      const claimed = batches.get(batch) ?? batches.set(batch, []).get(batch);
      claimed?.push({ key, index });
    }
    const unconfirmed: string[] = [];
    const untried: string[] = [];
    for (const claimed of batches.values()) {
      const [first, ...rest] = claimed.sort((a, b) => a.index - b.index);
      if (first) unconfirmed.push(first.key);
      untried.push(...rest.map((c) => c.key));
    }
    for (const key of unconfirmed) await this.settle(key, 'unconfirmed');
    await this.releaseClaims(untried);
    return unconfirmed.length;
  }

  /**
   * Compacts once as much has been appended as the file held after its last rewrite: the file at
   * most doubles between rewrites, and each rewrite is paid for by the appends before it, so a post
   * costs the same amortised on day 1 and day 365.
   */
  compactIfWorthIt(): Promise<void> {
    return this.enqueue(async () => {
      if (this.rewriteFirst || this.appendedBytes > Math.max(this.baseBytes, COMPACT_MIN_BYTES))
        await this.rewrite();
    });
  }

  /** Rewrites the file as a journal now when it is in the earlier format or ends in a torn line. */
  convertIfNeeded(): Promise<void> {
    return this.enqueue(async () => {
      if (this.rewriteFirst) await this.rewrite();
    });
  }

  /** Waits for queued writes, then gives up the lock (if held). */
  async close(): Promise<void> {
    await this.queue;
    await this.release();
  }

  private write(line: Line): Promise<void> {
    return this.enqueue(async () => {
      if (this.path !== undefined) {
        if (this.rewriteFirst) await this.rewrite();
        const text = `${JSON.stringify(line)}\n`;
        await appendDurably(await writableTarget(this.path), text);
        this.appendedBytes += text.length;
      }
      // Memory follows the file only once the line is on disk, so a failed write changes nothing.
      this.apply(line);
    });
  }

  private enqueue(run: () => Promise<void>): Promise<void> {
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private apply(line: Line): void {
    if ('put' in line) {
      const batch = this.nextBatch++;
      line.put.forEach((entry, index) => {
        const key = ledgerKey(entry);
        this.entries.set(key, entry);
        if (entry.state === 'pending') this.claims.set(key, { batch, index });
        else this.claims.delete(key);
      });
    } else if ('state' in line) {
      const [key, state] = line.state;
      const entry = this.entries.get(key);
      if (entry) this.entries.set(key, { ...entry, state });
      if (state !== 'pending') this.claims.delete(key);
    } else if ('drop' in line) {
      for (const key of line.drop) {
        this.entries.delete(key);
        this.claims.delete(key);
      }
    } else {
      this.progress = { ...this.progress, ...line.progress };
    }
  }

  /** A ledger file from before the journal: one JSON document, pending entries each their own batch. */
  private loadDocument(path: string, text: string): void {
    const json = parseJson(text);
    if (json === undefined) throw new StoreFileError(path, 'is neither a ledger journal nor a JSON ledger');
    const found = (json as { version?: unknown } | null)?.version;
    if (typeof found === 'number' && found > LEDGER_VERSION)
      throw new StoreFileError(path, `was written by a newer twinbot (ledger version ${found})`);
    const parsed = LedgerFileSchema.safeParse(json, { jitless: true });
    if (!parsed.success) throw new StoreFileError(path, describeFirstIssue(parsed.error, json));
    for (const entry of parsed.data.entries) this.apply({ put: [entry] });
    this.progress = parsed.data.progress;
  }

  /** What a rewrite keeps: entries still able to matter, and each target's last post for `reminders status`. */
  private kept(): LedgerEntry[] {
    let newest = '';
    for (const entry of this.entries.values()) if (entry.due > newest) newest = entry.due;
    if (newest === '') return [];
    const keepFrom = shiftDate(newest, -KEEP_DAYS);
    const lastPost = new Map<string, LedgerEntry>();
    for (const entry of this.entries.values()) {
      if (entry.state !== 'sent' && entry.state !== 'late') continue;
      const seen = lastPost.get(entry.target);
      if (!seen || entry.at > seen.at) lastPost.set(entry.target, entry);
    }
    const lasts = new Set(lastPost.values());
    return [...this.entries.values()].filter((e) => e.due >= keepFrom || lasts.has(e));
  }

  /**
   * Writes the file anew (temp file, flush, rename, flush the folder): the header, the progress, the
   * settled entries, and each batch still claimed as its own line in its order, so a crash right
   * after a compaction is recovered as one right before it.
   */
  private async rewrite(): Promise<void> {
    if (this.path === undefined) return;
    const kept = this.kept();
    const settled = kept.filter((e) => e.state !== 'pending');
    const batches = new Map<number, LedgerEntry[]>();
    for (const entry of kept) {
      const claim = this.claims.get(ledgerKey(entry));
      if (claim) batches.set(claim.batch, [...(batches.get(claim.batch) ?? []), entry]);
    }
    const lines: Line[] = [{ progress: this.progress }];
    for (let i = 0; i < settled.length; i += ENTRIES_PER_LINE)
      lines.push({ put: settled.slice(i, i + ENTRIES_PER_LINE) });
    for (const batch of [...batches.keys()].sort((a, b) => a - b)) {
      const claimed = batches.get(batch) as LedgerEntry[];
      const order = (e: LedgerEntry) => this.claims.get(ledgerKey(e))?.index ?? 0;
      lines.push({ put: claimed.sort((a, b) => order(a) - order(b)) });
    }
    const text = [HEADER, ...lines].map((line) => `${JSON.stringify(line)}\n`).join('');
    await writeFileDurably(await writableTarget(this.path), text);
    this.entries.clear();
    this.claims.clear();
    for (const line of lines) this.apply(line);
    this.baseBytes = text.length;
    this.appendedBytes = 0;
    this.rewriteFirst = false;
  }
}

/**
 * `data/twinning.json` keeps its ledger in `data/twinning.ledger.json`, beside the file a symbolic
 * link points at: a store reached by two paths has one ledger, so nothing is posted twice.
 */
export async function ledgerPathFor(storePath: string): Promise<string> {
  return ledgerPathBeside(await realpath(storePath));
}

/** The ledger's path beside a store file that is no symbolic link (or does not exist yet). */
export function ledgerPathBeside(storeFile: string): string {
  return `${storeFile.replace(/\.json$/, '')}.ledger.json`;
}

/** Whether the store has posted anything yet (a store that never posted has no ledger). */
export async function hasLedger(storePath: string): Promise<boolean> {
  return exists(await ledgerPathFor(storePath));
}

/**
 * Opens the ledger beside a store, creating an empty one the first time. With `lock`, this process
 * becomes its one writer (a second bot on the same store is refused), and a file in the earlier
 * format, or with a torn last line, is rewritten as a journal at once.
 */
export async function openLedger(storePath: string, options: { lock?: boolean } = {}): Promise<LedgerFile> {
  const path = await ledgerPathFor(storePath);
  const fresh = !(await exists(path));
  if (fresh) await writeFileDurably(path, `${JSON.stringify(HEADER)}\n`);
  const release =
    options.lock === true
      ? (await acquireLock(await writableTarget(path), { shownAs: path })).release
      : async () => {};
  try {
    const ledger = await LedgerFile.read(path, release);
    if (options.lock === true) await ledger.convertIfNeeded();
    return ledger;
  } catch (error) {
    await release();
    throw error;
  }
}

/** The ledger file's data in either format, for backups; every way it can be unusable is a StoreFileError. */
export async function readLedgerData(path: string): Promise<LedgerData> {
  return (await LedgerFile.read(path)).data;
}

/** An empty ledger that lives in memory only, for simulations. */
export function memoryLedger(): LedgerFile {
  return LedgerFile.inMemory();
}

/** Appends a line and flushes it before resolving: what is acknowledged survives a power cut. */
async function appendDurably(path: string, text: string): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.write(text);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isHeader(json: unknown): json is { ledger: 'twinbot'; version: number } {
  const header = json as { ledger?: unknown; version?: unknown } | null;
  return header?.ledger === 'twinbot' && typeof header.version === 'number';
}

/** A journal line; one that is not the torn last line and cannot be read stops the bot with its number. */
function parseLine(path: string, text: string, number: number): Line {
  const json = parseJson(text);
  if (json === undefined) throw new StoreFileError(path, `line ${number} is not valid JSON`);
  const parsed = LineSchema.safeParse(json, { jitless: true });
  if (!parsed.success)
    throw new StoreFileError(path, `line ${number}: ${describeFirstIssue(parsed.error, json)}`);
  return parsed.data;
}

/** A local date some days before or after another, in plain ISO text. */
function shiftDate(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
