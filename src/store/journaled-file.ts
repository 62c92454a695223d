import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { close as closeFd, fdatasync, fstat, ftruncate, open as openFd, write } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { setImmediate as yieldToAnswers } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { City } from '../domain/city.ts';
import type { Partnership } from '../domain/partnership.ts';
import { type Applied, applyDraft, draftOf } from './draft-ops.ts';
import { prepareDurablyFrom, writeFileDurably } from './durable-write.ts';
import { describeFirstIssue, InvalidChangeError, StoreFileError } from './errors.ts';
import { acquireLock, type Lock, type Release } from './file-lock.ts';
import {
  editLine,
  headerLine,
  JOURNAL_VERSION,
  type JournalFile,
  type JournalLine,
  journalPathOf,
  markerLine,
  pendingEdits,
  positionsOf,
  readJournal,
  replayLine,
  sha256,
  sha256OffThread,
} from './journal.ts';
import { writeOrExplain } from './json-file.ts';
import type { Holder } from './lock-holder.ts';
import type { ReadFrom } from './name-index-cache.ts';
import { parseInPieces } from './parse-in-pieces.ts';
import { STORE_VERSION, type StoreData, StoreSchema } from './schema.ts';
import { repeatSharer, shareRepeated } from './share-repeated.ts';
import { readStoreBytes, requireFolderFor, writableTarget } from './store-file.ts';

/** A change to the store's data, made on a draft (see draftOf), or reported as no change. */
export type StoreChange<T> = (draft: StoreData) => { result: T } | { unchanged: true; result: T };

export interface JournaledOpenOptions {
  /** Become the store's one writer; `on-write` asks only before the first change (see JsonFile). */
  lock?: boolean | 'on-write';
  waitMs?: number;
  /** Validate the whole store even when twinbot wrote it (`check`). */
  validate?: 'full';
  /** Make the records share what repeats among them (see shareRepeated): for a process that keeps them. */
  share?: boolean;
}

/**
 * Past this share of the store file's size, the journal is folded into the file. Each fold rewrites
 * the whole file, so an edit's part of it is its line times file / journal (at half the file, line
 * and part came to 10x the record changed); a longer journal costs only a start after a crash, which
 * reads it back (a clean stop folds it). Chosen on the figures of store-edit.bench.ts (README).
 */
export const COMPACT_SHARE = 1;
export const COMPACT_MIN_BYTES = 1024 * 1024;

/** Whether a journal of `journal` bytes beside a store file of `file` bytes is due to be folded in. */
export const compactionDue = (journal: number, file: number) =>
  journal >= Math.max(COMPACT_MIN_BYTES, file * COMPACT_SHARE);
/** Records serialized between two turns of the event loop while the store is compacted. */
const RECORDS_PER_PIECE = 1000;

interface Read {
  data: StoreData;
  hash: string;
  seq: number;
  /** The last edit the store file holds (the journal's edits after it are `pending`). */
  fileSeq: number;
  journal: JournalFile | undefined;
  /** Whether the journal continues this file (else a new one is started at the first write). */
  continues: boolean;
  /** Whether the file's text is what twinbot writes (validated output), so it need not be validated. */
  trusted: boolean;
  /** The journal's edits the file does not hold. */
  pending: JournalLine[];
  fileStat: Stats;
  journalStat: Stats | undefined;
  fileBytes: number;
}

/**
 * The store file and its write-ahead journal (see journal.ts): an edit is validated for the records
 * it changes, appended to the journal and flushed, then applied in memory; the journal is folded
 * into the file (compact JSON, written durably, see durable-write.ts) in the background when it
 * grows, at start when it holds edits, and at a clean stop. A crash at any moment leaves the file
 * and journal that `open` reads back to the last acknowledged edit.
 */
export class JournaledFile {
  private queue: Promise<unknown> = Promise.resolve();
  tookOverFrom: Holder | undefined;
  /** What the writer found and mended at open (a journal line cut short by a crash). */
  recovered: string | undefined;
  /** The journal, open for appending: a plain descriptor, closed at `close` or with the process. */
  private append: number | undefined;
  private journalBytes = 0;
  /**
   * Edit lines appended while a compaction writes the file, kept to start the journal that follows
   * it; the lines before it are in the file it writes, so none is kept between compactions.
   */
  private recent: { seq: number; text: string }[] = [];
  private compacting: Promise<void> | undefined;
  /** Whether the journal read at start was mended, or a new one begun (once). */
  private journalStarted = false;

  private constructor(
    readonly path: string | undefined,
    private current: StoreData,
    private seq: number,
    private read: Read | undefined,
    private release: Release,
    private lockOnWrite: { waitMs: number | undefined } | undefined,
  ) {}

  static async open(path: string, options: JournaledOpenOptions = {}): Promise<JournaledFile> {
    const lock = options.lock === true ? await lockForWriting(path, options.waitMs) : undefined;
    const release = lock?.release ?? (async () => {});
    try {
      const read = await readStore(path, options.validate, options.share === true);
      const lazy = options.lock === 'on-write' ? { waitMs: options.waitMs } : undefined;
      const file = new JournaledFile(path, read.data, read.seq, read, release, lazy);
      file.tookOverFrom = lock?.tookOverFrom;
      if (lock) await file.startJournal();
      return file;
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** Writes a new store file (compact JSON) and its journal from data that must be valid. */
  static async create(path: string, data: unknown): Promise<JournaledFile> {
    const parsed = StoreSchema.safeParse(data);
    if (!parsed.success) throw new InvalidChangeError(describeFirstIssue(parsed.error, data));
    await requireFolderFor(path);
    const text = JSON.stringify(parsed.data);
    await writeOrExplain(path, () => writeFileDurably(path, text));
    const read: Read = {
      data: parsed.data,
      hash: sha256(text),
      seq: 0,
      fileSeq: 0,
      journal: undefined,
      continues: false,
      trusted: true,
      pending: [],
      fileStat: await stat(path),
      journalStat: undefined,
      fileBytes: Buffer.byteLength(text),
    };
    const file = new JournaledFile(path, parsed.data, 0, read, async () => {}, undefined);
    await file.startJournal();
    return file;
  }

  /** Data that must be valid, held in memory only: same rules for changes, nothing written. */
  static inMemory(data: unknown): JournaledFile {
    const parsed = StoreSchema.safeParse(data);
    if (!parsed.success) throw new InvalidChangeError(describeFirstIssue(parsed.error, data));
    return new JournaledFile(undefined, parsed.data, 0, undefined, async () => {}, undefined);
  }

  get data(): StoreData {
    return this.current;
  }

  /**
   * What the data was last read from, for what is kept derived from it (see name-index-cache.ts):
   * the store file, and the journal's edits replayed on it until a compaction folds them into the
   * file. Undefined for data held in memory only. An edit since is not in it: the caller compares `data`.
   */
  get readFrom(): ReadFrom | undefined {
    const read = this.read;
    if (read === undefined) return undefined;
    const replayed = read.fileSeq === read.seq ? '' : sha256(JSON.stringify(read.pending));
    return { fileHash: read.hash, replayed };
  }

  /**
   * Applies a change on a draft, validates what it changed, appends it to the journal and flushes
   * it, then makes it the data; an invalid change, or one the disk refuses, changes nothing.
   */
  update<T>(
    change: StoreChange<T>,
    onApplied?: (applied: Applied, base: StoreData) => void,
  ): Promise<{ result: T; applied?: Applied }> {
    return this.enqueue(async () => {
      await this.lockBeforeFirstWrite();
      if (this.append === undefined && this.path !== undefined) await this.startJournal();
      const draft = draftOf(this.current);
      const outcome = change(draft);
      if ('unchanged' in outcome) return { result: outcome.result };
      const applied = applyDraft(this.current, draft, positionsOf(this.current));
      if (!applied) return { result: outcome.result };
      if (this.path !== undefined) {
        const seq = this.seq + 1;
        const text = editLine({ seq, ops: applied.ops }, applied.records);
        await this.appendToJournal(text);
        this.seq = seq;
        if (this.compacting) this.recent.push({ seq, text });
      }
      const base = this.current;
      this.current = applied.data;
      onApplied?.(applied, base);
      this.compactWhenDue();
      return { result: outcome.result, applied };
    });
  }

  /** Waits for queued writes, folds the journal into the file, then gives up the lock (if held). */
  async close(): Promise<void> {
    await this.queue;
    // A compaction the disk refuses leaves the journal, which the next start reads back.
    await this.compactNow().catch(() => undefined);
    if (this.append !== undefined) await fd.close(this.append);
    this.append = undefined;
    await this.release();
  }

  /** Folds the journal into the store file now (at a clean stop; tests and benchmarks). */
  async compactNow(): Promise<void> {
    while (this.compacting) await this.compacting.catch(() => undefined);
    if (this.append === undefined || this.seq === this.read?.fileSeq) return;
    await this.startCompaction();
  }

  /** Bytes in the journal now, and in the store file as last written. */
  get sizes(): { journal: number; file: number } {
    return { journal: this.journalBytes, file: this.read?.fileBytes ?? 0 };
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * For the writer: truncates a last line cut short by a crash (never acknowledged), starts a new
   * journal when there is none for this file, and folds replayed edits into the file in the background.
   */
  private async startJournal(): Promise<void> {
    const path = this.path;
    if (path === undefined) return;
    const target = await writableTarget(path);
    const journalPath = journalPathOf(target);
    const read = this.read;
    const journal = read?.journal;
    await writeOrExplain(path, async () => {
      if (read === undefined) throw new Error('a store file is journaled before it was read');
      if (this.journalStarted) {
        // Opened again (a compaction could not reopen it): the journal is as this process left it.
      } else if (!journal || !read.continues) {
        await writeFileDurably(journalPath, headerLine(read.hash, read.seq, read.trusted));
      } else if ((journal.header.version ?? 0) < JOURNAL_VERSION) {
        // Written again under this version's header before a line of this version is appended, so
        // the twinbot that wrote it refuses it rather than read lines it does not know.
        const lines = read.pending.map((line) => `${JSON.stringify(line)}\n`).join('');
        await writeFileDurably(journalPath, headerLine(read.hash, read.fileSeq, read.trusted) + lines);
      } else if (journal.torn) {
        const handle = await open(journalPath, 'r+');
        try {
          await handle.truncate(journal.goodBytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
      if (!this.journalStarted && read.continues && journal?.torn)
        this.recovered = `${journalPath}: the last change was cut short by a crash before it was acknowledged, so it was left out`;
      this.append = await openAppend(journalPath);
      this.journalBytes = (await fd.stat(this.append)).size;
    });
    if (this.journalStarted) return;
    this.journalStarted = true;
    if (read?.continues && read.pending.length > 0) this.compactWhenDue(true);
  }

  private async appendToJournal(text: string): Promise<void> {
    const handle = this.append;
    if (handle === undefined) throw new Error('the store is written before its journal was opened');
    const before = this.journalBytes;
    await writeOrExplain(this.path as string, async () => {
      try {
        const bytes = Buffer.from(text);
        const { bytesWritten } = await fd.write(handle, bytes);
        // A regular file takes the whole line or fails; a short write is a full disk by another name.
        if (bytesWritten !== bytes.length) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
        await fd.datasync(handle);
      } catch (error) {
        await fd.truncate(handle, before).catch(() => undefined);
        throw error;
      }
    });
    this.journalBytes = before + Buffer.byteLength(text);
  }

  private compactWhenDue(now = false): void {
    if (this.compacting || this.append === undefined) return;
    if (!now && !compactionDue(this.journalBytes, this.read?.fileBytes ?? 0)) return;
    // In the background: a failure leaves the journal as it is, and the next edit tries again.
    this.startCompaction().catch(() => undefined);
  }

  /** One compaction at a time: they share the temp file beside the store. */
  private startCompaction(): Promise<void> {
    const running = this.compact().finally(() => {
      this.compacting = undefined;
      this.recent = [];
    });
    this.compacting = running;
    return running;
  }

  /**
   * Writes the data as of the last edit to a temp file beside the store, in pieces so answers go on
   * meanwhile; then, between two edits: marks the old journal with the new file's hash, renames the
   * file into place, and starts a journal with the edits made since. A crash before the rename
   * leaves the old file and journal; after it, the mark says which edits the new file holds.
   */
  private async compact(): Promise<void> {
    const path = this.path as string;
    const snapshot = this.current;
    const seq = this.seq;
    const target = await writableTarget(path);
    const hash = createHash('sha256');
    let bytes = 0;
    const write = await writeOrExplain(path, () =>
      prepareDurablyFrom(
        target,
        piecesOf(snapshot, (piece) => {
          hash.update(piece);
          bytes += Buffer.byteLength(piece);
        }),
      ),
    );
    const digest = hash.digest('hex');
    await this.enqueue(async () => {
      await this.appendToJournal(markerLine(digest, seq));
      await writeOrExplain(path, () => write.commit());
      const later = this.recent.filter((line) => line.seq > seq);
      const text = headerLine(digest, seq) + later.map((line) => line.text).join('');
      const journalPath = journalPathOf(target);
      if (this.append !== undefined) await fd.close(this.append);
      try {
        await writeOrExplain(path, () => writeFileDurably(journalPath, text));
      } finally {
        this.append = await openAppend(journalPath);
        this.journalBytes = (await fd.stat(this.append)).size;
      }
      this.read = { ...(this.read as Read), hash: digest, fileSeq: seq, fileBytes: bytes };
    });
  }

  /** For `lock: 'on-write'`: takes the lock, and reads the store again only if it changed since it was read. */
  private async lockBeforeFirstWrite(): Promise<void> {
    if (!this.lockOnWrite || this.path === undefined) return;
    const path = this.path;
    const { release, tookOverFrom } = await lockForWriting(path, this.lockOnWrite.waitMs);
    try {
      if (!this.read || (await changedSince(path, this.read)) || this.read.journal?.torn) {
        const read = await readStore(path, undefined);
        this.read = read;
        this.current = read.data;
        this.seq = read.seq;
      }
      this.release = release;
      this.tookOverFrom = tookOverFrom;
      this.lockOnWrite = undefined;
      await this.startJournal();
    } catch (error) {
      // Still unread: the next change must lock and read again, not write over the file from memory.
      this.lockOnWrite ??= { waitMs: undefined };
      await release();
      throw error;
    }
  }
}

/**
 * Reads the store file and the edits of its journal. The file is validated whole unless the journal
 * names its hash (twinbot wrote it, validated), or when asked to (`check`).
 */
async function readStore(path: string, validate: 'full' | undefined, share = false): Promise<Read> {
  // Hashing the bytes read costs a tenth of hashing the decoded text (which is encoded again first).
  const bytes = await readStoreBytes(path);
  // The hash only decides whether the parse is trusted: libuv's threads work it out while this one
  // decodes and parses (a tenth of a cold `ask`'s time at 25,000 partnerships).
  const hashing = sha256OffThread(bytes);
  const text = bytes.toString('utf8');
  const [fileStat, journalPath] = await Promise.all([stat(path), realpath(path).then(journalPathOf)]);
  const journal = await readJournal(journalPath);
  // Sharing repeats is chosen by trust, so only a plain parse can start before the hash is known.
  const early = share ? undefined : { json: parseStoreText(path, () => JSON.parse(text)) };
  const hash = await hashing;
  const pending = journal ? pendingEdits(journal, hash, path, journalPath) : undefined;
  const trusted = pending?.trusted === true && validate !== 'full';
  // A file read without validation is shared as it is parsed, a piece at a time (see parseInPieces).
  const sharer = share && trusted ? repeatSharer() : undefined;
  const json = early
    ? early.json
    : parseStoreText(path, () =>
        sharer
          ? parseInPieces(text, {
              cities: (piece) => {
                for (const city of piece) sharer.city(city as City);
              },
              partnerships: (piece) => {
                for (const p of piece) sharer.partnership(p as Partnership);
              },
            })
          : JSON.parse(text),
      );
  const found = (json as { version?: unknown } | null)?.version;
  if (typeof found === 'number' && found > STORE_VERSION) {
    throw new StoreFileError(
      path,
      `was written by a newer twinbot (version ${found}; this one reads ${STORE_VERSION})`,
    );
  }
  const data = trusted ? (json as StoreData) : validated(path, json);
  const lines = pending?.lines ?? [];
  if (lines.length > 0) {
    const positions = positionsOf(data);
    for (const line of lines) replayLine(data, line, positions, journalPath);
    if (validate === 'full') validated(path, data);
  }
  if (sharer) {
    for (const line of lines)
      for (const op of line.ops)
        if ('set' in op)
          if (op.set === 'cities') sharer.city(op.value as City);
          else sharer.partnership(op.value as Partnership);
  } else if (share) shareRepeated(data);
  return {
    data,
    hash,
    seq: (pending?.from ?? 0) + lines.length,
    fileSeq: pending?.from ?? 0,
    journal,
    continues: pending?.continues === true,
    trusted: pending?.trusted === true,
    pending: lines,
    fileStat,
    journalStat: await stat(journalPath).catch(() => undefined),
    fileBytes: fileStat.size,
  };
}

function parseStoreText(path: string, parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    throw new StoreFileError(path, `is not valid JSON (${(error as Error).message})`);
  }
}

function validated(path: string, json: unknown): StoreData {
  // Without zod's JIT: it compiles a validator per object schema, which a file read once per start
  // never earns back (the same checks run either way).
  const parsed = StoreSchema.safeParse(json, { jitless: true });
  if (!parsed.success) throw new StoreFileError(path, describeFirstIssue(parsed.error, json));
  return parsed.data;
}

async function changedSince(path: string, read: Read): Promise<boolean> {
  const file = await stat(path).catch(() => undefined);
  const journal = await stat(journalPathOf(await realpath(path))).catch(() => undefined);
  const same = (a: Stats | undefined, b: Stats | undefined) =>
    a === b ||
    (a !== undefined && b !== undefined && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs);
  return !same(file, read.fileStat) || !same(journal, read.journalStat);
}

/**
 * The data as compact JSON (the same text as JSON.stringify), in pieces of a thousand records, with
 * a turn of the event loop between pieces.
 */
async function* piecesOf(data: StoreData, sink: (piece: string) => void): AsyncGenerator<string> {
  const emit = (piece: string) => {
    sink(piece);
    return piece;
  };
  const entries = Object.entries(data).filter(([, value]) => value !== undefined);
  yield emit('{');
  for (const [i, [key, value]] of entries.entries()) {
    const name = `${i === 0 ? '' : ','}${JSON.stringify(key)}:`;
    if (!Array.isArray(value) || value.length <= RECORDS_PER_PIECE) {
      yield emit(name + JSON.stringify(value));
      continue;
    }
    yield emit(`${name}[`);
    for (let at = 0; at < value.length; at += RECORDS_PER_PIECE) {
      const piece = value
        .slice(at, at + RECORDS_PER_PIECE)
        .map((record) => JSON.stringify(record))
        .join(',');
      yield emit(at === 0 ? piece : `,${piece}`);
      await yieldToAnswers();
    }
    yield emit(']');
  }
  yield emit('}');
}

async function lockForWriting(path: string, waitMs: number | undefined): Promise<Lock> {
  const target = await writableTarget(path);
  return writeOrExplain(path, () =>
    acquireLock(target, { shownAs: path, ...(waitMs !== undefined && { waitMs }) }),
  );
}

/**
 * The journal's descriptor calls. A plain descriptor rather than a FileHandle: a store a test or a
 * short command never closes leaves it to the process's end, where a FileHandle would warn.
 */
const fd = {
  open: promisify(openFd),
  write: promisify(write) as (fd: number, bytes: Buffer) => Promise<{ bytesWritten: number }>,
  datasync: promisify(fdatasync),
  truncate: promisify(ftruncate),
  stat: promisify(fstat),
  close: promisify(closeFd),
};

const openAppend = (path: string) => fd.open(path, 'a');
