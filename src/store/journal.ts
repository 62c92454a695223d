import { createHash, webcrypto } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { RecordChange, RecordKind } from '../domain/audit.ts';
import { writeFileDurably } from './durable-write.ts';
import { StoreFileError } from './errors.ts';
import type { StoreData } from './schema.ts';

/**
 * The write-ahead journal beside a store file (`<store>.journal`), as SQLite and PostgreSQL keep
 * one: each edit is one JSON line naming the records it changed, appended and flushed before the
 * edit is acknowledged, so an edit writes what it changes and not the whole store. The first line
 * names the store file the journal continues (the SHA-256 of its bytes) and the number of the last
 * edit that file holds; compaction (see journaled-file.ts) writes the whole store again and starts
 * a new journal. A file whose hash a journal names was written by twinbot after validation, so it
 * is read without being validated again.
 *
 * Version 2 writes each changed record once: an audit entry's copy of a record as it was before the
 * line, or as the line sets it, is left out and named in `stored` (see editLine). Version 1 lines,
 * which write every copy, are read as they are.
 */
export const JOURNAL_FORMAT = 'twinbot-journal';
export const JOURNAL_VERSION = 2;

/** Collections whose records are journaled one by one. */
export type Collection = 'cities' | 'partnerships';
/** Small parts of the store journaled whole. */
export type Part = 'settings' | 'reminders' | 'hiddenWorldPairs';

export type Op =
  | { set: Collection; value: { id: string } }
  | { del: Collection; id: string }
  | { put: Part; value?: unknown }
  /** Audit entries appended from this index on (given, so a line is never applied at the wrong place). */
  | { audit: number; entries: unknown[] };

export interface JournalLine {
  seq: number;
  ops: Op[];
}

interface Header {
  journal: typeof JOURNAL_FORMAT;
  version: number;
  /** SHA-256 of the store file this journal continues. */
  base: string;
  /** The last edit that file holds. */
  seq: number;
  /**
   * False when twinbot did not write the file (a person did, or an older twinbot): it was
   * validated, but its text is not what validation gives (defaults left out), so it is read and
   * validated again until the first compaction rewrites it.
   */
  trusted?: false;
}

/** Written to the old journal just before a compacted store file is renamed into place. */
interface Marker {
  compacted: string;
  seq: number;
}

export const journalPathOf = (storePath: string) => `${storePath}.journal`;

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The same hash, worked out on one of libuv's threads while the caller goes on. */
export const sha256OffThread = async (bytes: Uint8Array): Promise<string> =>
  Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');

export const headerLine = (base: string, seq: number, trusted = true) =>
  `${JSON.stringify({ journal: JOURNAL_FORMAT, version: JOURNAL_VERSION, base, seq, ...(!trusted && { trusted: false as const }) } satisfies Header)}\n`;

export const markerLine = (compacted: string, seq: number) =>
  `${JSON.stringify({ compacted, seq } satisfies Marker)}\n`;

/** A record an edit changed, as it was and as it is (absent when added or removed). */
export interface ChangedRecord {
  collection: Collection;
  before?: { id: string };
  after?: { id: string };
}

type Side = 'before' | 'after';

/**
 * An audit entry's record change as a journal line writes it: the sides named in `stored` are the
 * record as the store held it before the line and as the line leaves it, so they are not written
 * twice (an alias added to a city wrote the city three times: its record, and the entry's before
 * and after).
 */
type JournaledChange = RecordChange & { stored?: Side[] };

/** The collection that holds a kind of record journaled one by one. */
export const collectionOf: Partial<Record<RecordKind, Collection>> = {
  city: 'cities',
  partnership: 'partnerships',
};

/** Where a changed record is found among an edit's `records`. */
export const changedRecordKey = (collection: Collection | undefined, id: string | undefined) =>
  `${collection}:${id}`;

/**
 * The journal line of an edit. A side of an audit entry's record change is left out when it is the
 * very record the edit changed (`records`; applyDraft makes an equal copy that record itself), so
 * replay gives it back from the store.
 */
export function editLine(line: JournalLine, records: readonly ChangedRecord[] = []): string {
  const byId = new Map(records.map((r) => [changedRecordKey(r.collection, (r.after ?? r.before)?.id), r]));
  const ops = line.ops.map((op) =>
    'audit' in op && byId.size > 0
      ? {
          ...op,
          entries: op.entries.map((entry) => withStoredSides(entry as { changes?: RecordChange[] }, byId)),
        }
      : op,
  );
  return `${JSON.stringify({ seq: line.seq, ops })}\n`;
}

function withStoredSides(
  entry: { changes?: RecordChange[] },
  byId: ReadonlyMap<string, ChangedRecord>,
): { changes?: JournaledChange[] } {
  if (entry.changes === undefined) return entry;
  const changes = entry.changes.map((change): JournaledChange => {
    const record = byId.get(changedRecordKey(collectionOf[change.record], change.id));
    if (record === undefined) return change;
    const stored = (['before', 'after'] as const).filter(
      (side) => change[side] !== undefined && change[side] === record[side],
    );
    if (stored.length === 0) return change;
    const { before, after, ...rest } = change;
    return {
      ...rest,
      ...(!stored.includes('before') && before !== undefined && { before }),
      ...(!stored.includes('after') && after !== undefined && { after }),
      stored,
    };
  });
  return { ...entry, changes };
}

/** A journal as found on disk. */
export interface JournalFile {
  header: Header;
  lines: JournalLine[];
  markers: Marker[];
  /** Bytes up to the end of the last whole line. */
  goodBytes: number;
  /** A last line cut short by a crash mid-append: never acknowledged, so it is left out. */
  torn: boolean;
}

/** Reads the journal; undefined when there is none. A damaged line before the last refuses it. */
export async function readJournal(path: string): Promise<JournalFile | undefined> {
  let bytes: Buffer;
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreFileError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const text = bytes.toString('utf8');
  const end = text.lastIndexOf('\n') + 1;
  const whole = text.slice(0, end).split('\n').slice(0, -1);
  const torn = end < text.length;
  const parsed = whole.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new StoreFileError(
        path,
        `line ${i + 1} is damaged (not JSON), so the changes it records cannot be applied. Restore the store from a backup or snapshot, or move the journal away to keep the store file as it is.`,
      );
    }
  });
  const [first, ...rest] = parsed;
  const header = first as Partial<Header> | undefined;
  if (header === undefined) {
    // Cut short while it was being created: it held no edit yet.
    return undefined;
  }
  if (header.journal !== JOURNAL_FORMAT || typeof header.base !== 'string' || typeof header.seq !== 'number')
    throw new StoreFileError(
      path,
      'is not a twinbot journal. Move it away; the store file beside it is left as it is.',
    );
  if ((header.version ?? 0) > JOURNAL_VERSION)
    throw new StoreFileError(path, `was written by a newer twinbot (journal version ${header.version})`);
  const lines: JournalLine[] = [];
  const markers: Marker[] = [];
  for (const value of rest) {
    if (typeof (value as Marker).compacted === 'string') markers.push(value as Marker);
    else lines.push(value as JournalLine);
  }
  return { header: header as Header, lines, markers, goodBytes: Buffer.byteLength(text.slice(0, end)), torn };
}

/**
 * The edits of the journal the store file does not hold yet, in order: those after the file's own
 * position. A journal of another version of the file (a file restored, replaced or edited by hand
 * while changes waited in the journal) is refused, never applied to the wrong data; the same edit
 * twice is refused, never applied twice.
 */
export function pendingEdits(
  journal: JournalFile,
  fileHash: string,
  storePath: string,
  journalPath: string,
): { continues: boolean; trusted: boolean; from: number; lines: JournalLine[] } {
  const marker = journal.markers.findLast((m) => m.compacted === fileHash);
  const from = journal.header.base === fileHash ? journal.header.seq : marker?.seq;
  if (from === undefined) {
    if (journal.lines.length === 0)
      return { continues: false, trusted: false, from: journal.header.seq, lines: [] };
    throw new StoreFileError(
      journalPath,
      `holds ${journal.lines.length} change(s) made to another version of ${storePath}, which was replaced or edited since. Nothing was applied. To keep ${storePath} as it is, move the journal away; to keep the changes, put back the store file they were made to (a snapshot or backup).`,
    );
  }
  const lines = journal.lines.filter((line) => line.seq > from);
  lines.forEach((line, i) => {
    if (line.seq !== from + i + 1)
      throw new StoreFileError(
        journalPath,
        `change #${line.seq} comes where change #${from + i + 1} should: the journal is damaged, and nothing was applied. Restore the store from a backup or snapshot.`,
      );
  });
  const trusted = journal.header.base === fileHash ? journal.header.trusted !== false : true;
  return { continues: true, trusted, from, lines };
}

/** Where each record of a collection sits in its list, so an edit finds it without a scan. */
export type Positions = Record<Collection, IdPositions>;

export function positionsOf(data: StoreData): Positions {
  return { cities: new IdPositions(data.cities), partnerships: new IdPositions(data.partnerships) };
}

/** Records an edit may look for one by one before a map of the whole list is made instead. */
const MAX_SCANS = 8;

/**
 * Where the records of one list sit, made for one edit (or the journal read back at start). An edit
 * changes a few records, each found by a scan (2.5 ms at 100,000 partnerships); once it asks for
 * more (an import, a removal, the journal read back), a map of the whole list is made for the rest.
 * A map of every record kept between edits cost 5.5 MB at 100,000 partnerships.
 */
export class IdPositions {
  /** Positions found, or set for records added (-1: not in the list). */
  private readonly known = new Map<string, number>();
  private all: Map<string, number> | undefined;
  private scans = 0;

  constructor(private readonly list: readonly { id: string }[]) {}

  get(id: string): number | undefined {
    const at = this.all?.get(id) ?? this.known.get(id) ?? this.find(id);
    return at < 0 ? undefined : at;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, at: number): void {
    (this.all ?? this.known).set(id, at);
  }

  private find(id: string): number {
    if (this.all) return -1;
    this.scans += 1;
    if (this.scans > MAX_SCANS) {
      this.all = indexById(this.list);
      return this.all.get(id) ?? -1;
    }
    const at = this.list.findIndex((record) => record.id === id);
    this.known.set(id, at);
    return at;
  }
}

function indexById(records: readonly { id: string }[]): Map<string, number> {
  const map = new Map<string, number>();
  records.forEach((r, i) => {
    map.set(r.id, i);
  });
  return map;
}

/**
 * Applies a journal line's changes to data whose lists it may change in place (the caller gives
 * copies of the lists the line touches). Records keep their place; a new one goes at the end.
 */
export function applyOps(data: StoreData, ops: readonly Op[], positions: Positions): void {
  const lists = data as unknown as Record<Collection, { id: string }[]>;
  for (const op of ops) {
    if ('set' in op) {
      const list = lists[op.set];
      const at = positions[op.set].get(op.value.id);
      if (at === undefined) {
        positions[op.set].set(op.value.id, list.length);
        list.push(op.value);
      } else list[at] = op.value;
    } else if ('del' in op) {
      const at = positions[op.del].get(op.id);
      if (at === undefined) continue;
      lists[op.del].splice(at, 1);
      positions[op.del] = new IdPositions(lists[op.del]);
    } else if ('put' in op) {
      const parts = data as unknown as Record<Part, unknown>;
      if (op.value === undefined) delete parts[op.put];
      else parts[op.put] = op.value;
    } else {
      data.audit.length = op.audit;
      data.audit.push(...(op.entries as StoreData['audit']));
    }
  }
}

/**
 * Applies a journal line read back at start (see applyOps), putting back the sides of its audit
 * entries' record changes that it names as `stored`, as the key order of the written entry had them.
 */
export function replayLine(
  data: StoreData,
  line: JournalLine,
  positions: Positions,
  journalPath: string,
): void {
  const stored: { changes: JournaledChange[]; at: number; collection: Collection; before: unknown }[] = [];
  const recordOf = (collection: Collection, id: string) => {
    const at = positions[collection].get(id);
    if (at === undefined)
      throw new StoreFileError(
        journalPath,
        `change #${line.seq} names ${id} in ${collection}, which the store does not hold: the journal is damaged, and nothing was applied. Restore the store from a backup or snapshot.`,
      );
    return data[collection][at];
  };
  for (const op of line.ops) {
    if (!('audit' in op)) continue;
    for (const entry of op.entries as { changes?: JournaledChange[] }[])
      entry.changes?.forEach((change, at, changes) => {
        const collection = collectionOf[change.record];
        if (change.stored === undefined || collection === undefined) return;
        const before = change.stored.includes('before') ? recordOf(collection, change.id) : change.before;
        stored.push({ changes, at, collection, before });
      });
  }
  applyOps(data, line.ops, positions);
  for (const { changes, at, collection, before } of stored) {
    const { record, id, after, stored: sides } = changes[at] as JournaledChange;
    const now = sides?.includes('after') ? recordOf(collection, id) : after;
    changes[at] = {
      record,
      id,
      ...(before !== undefined && { before }),
      ...(now !== undefined && { after: now }),
    };
  }
}

/** The parts of the data a line touches, copied so the data it was applied to is left as it was. */
export function copyTouched(data: StoreData, ops: readonly Op[]): StoreData {
  const copy = { ...data };
  const copied = new Set<string>();
  for (const op of ops) {
    const key = 'set' in op ? op.set : 'del' in op ? op.del : 'audit' in op ? 'audit' : undefined;
    if (key === undefined || copied.has(key)) continue;
    copied.add(key);
    (copy as Record<string, unknown>)[key] = [...((data as unknown as Record<string, unknown[]>)[key] ?? [])];
  }
  return copy;
}

/**
 * For replacing a store file with a text of another origin (a restored backup): marks the journal
 * beside it with the new text's hash before the file is renamed into place, so a crash between the
 * two leaves a journal that applies nothing to the new file; `restart` then begins a new journal.
 */
export async function replacingStoreFile(
  storeFile: string,
  text: string,
): Promise<{ restart: () => Promise<void> }> {
  const path = journalPathOf(storeFile);
  const hash = sha256(text);
  const journal = await readJournal(path).catch(() => undefined);
  const seq = journal ? (journal.lines.at(-1)?.seq ?? journal.header.seq) : 0;
  if (journal) {
    const handle = await open(path, 'a');
    try {
      if (journal.torn) await handle.truncate(journal.goodBytes);
      await handle.write(markerLine(hash, seq));
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
  return { restart: () => writeFileDurably(path, headerLine(hash, seq)) };
}
