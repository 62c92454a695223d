import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import { type AuditEntry, AuditEntrySchema } from '../domain/audit.ts';
import { CitySchema } from '../domain/city.ts';
import { PartnershipSchema } from '../domain/partnership.ts';
import { RemindersSchema } from '../domain/reminder.ts';
import { SettingsSchema } from '../domain/settings.ts';
import { describeFirstIssue, InvalidChangeError } from './errors.ts';
import {
  applyOps,
  type ChangedRecord,
  changedRecordKey,
  collectionOf,
  copyTouched,
  type IdPositions,
  type Op,
  type Positions,
} from './journal.ts';
import { type StoreData, StoreSchema } from './schema.ts';

/**
 * A draft an edit may change freely at the cost of what it changes: the lists are copies of the
 * lists (not of their records), the small parts are copied whole. A record the edit changes must be
 * replaced in its list, never changed in place (OfficeDraft hands out copies for that), since the
 * records are shared with the data every answer reads.
 */
export function draftOf(data: StoreData): StoreData {
  return {
    ...data,
    settings: structuredClone(data.settings),
    cities: [...data.cities],
    partnerships: [...data.partnerships],
    audit: [...data.audit],
    reminders: structuredClone(data.reminders),
    ...(data.hiddenWorldPairs !== undefined && { hiddenWorldPairs: [...data.hiddenWorldPairs] }),
  };
}

const recordSchemas = { cities: CitySchema, partnerships: PartnershipSchema } as const;
const partSchemas = {
  settings: SettingsSchema,
  reminders: RemindersSchema,
  hiddenWorldPairs: z.array(PartnershipSchema.shape.id).optional(),
} as const;

/** What an edit did, as a journal line's changes and as the data after it. */
export interface Applied {
  ops: Op[];
  data: StoreData;
  /** Each record changed, as it was and as it is. */
  records: ChangedRecord[];
}

/**
 * Compares a draft with the data it was made from, validates only what changed (each changed record,
 * and the references to and from it), and gives the changes applied to the data. An invalid result
 * is refused whole, with the message a validation of the whole store gives (validated then only).
 */
export function applyDraft(base: StoreData, draft: StoreData, positions: Positions): Applied | undefined {
  if (draft.version !== base.version || draft.$schema !== base.$schema)
    throw new Error('an edit changed the store format fields');
  const ops: Op[] = [];
  const refuse = (): never => refuseWhole(draft);
  for (const collection of ['cities', 'partnerships'] as const) {
    const { set, del } = changedRecords<{ id: string }>(
      base[collection],
      draft[collection],
      positions[collection],
      refuse,
    );
    for (const record of set) {
      const parsed = recordSchemas[collection].safeParse(record);
      if (!parsed.success) refuse();
      ops.push({ set: collection, value: parsed.data as { id: string } });
    }
    for (const id of del) ops.push({ del: collection, id });
  }
  for (const part of ['settings', 'reminders', 'hiddenWorldPairs'] as const) {
    if (isDeepStrictEqual(draft[part], base[part])) continue;
    const parsed = partSchemas[part].safeParse(draft[part]);
    if (!parsed.success) refuse();
    ops.push({ put: part, value: parsed.data });
  }
  if (draft.audit.length < base.audit.length || draft.audit[base.audit.length - 1] !== base.audit.at(-1))
    throw new Error('an edit changed the audit log instead of appending to it');
  if (draft.audit.length > base.audit.length) {
    const entries = draft.audit.slice(base.audit.length).map((entry) => {
      const parsed = AuditEntrySchema.safeParse(entry);
      return parsed.success ? parsed.data : refuse();
    });
    ops.push({ audit: base.audit.length, entries });
  }
  if (ops.length === 0) return undefined;

  const records: Applied['records'] = [];
  for (const op of ops) {
    if (!('set' in op) && !('del' in op)) continue;
    const collection = 'set' in op ? op.set : op.del;
    const at = positions[collection].get('set' in op ? op.value.id : op.id);
    const was = at === undefined ? undefined : base[collection][at];
    const now = 'set' in op ? op.value : undefined;
    if (was || now) records.push({ collection, ...(was && { before: was }), ...(now && { after: now }) });
  }
  shareRecordCopies(ops, records);
  const data = copyTouched(base, ops);
  applyOps(data, ops, positions);
  if (!referencesHold(data, ops, positions)) refuse();
  return { ops, data, records };
}

/**
 * Makes an audit entry's copy of a record the edit changed, before or after, that record itself when
 * equal: kept once in memory, and written once in the journal (see editLine).
 */
function shareRecordCopies(ops: readonly Op[], records: readonly ChangedRecord[]): void {
  const byId = new Map(records.map((r) => [changedRecordKey(r.collection, (r.after ?? r.before)?.id), r]));
  for (const op of ops) {
    if (!('audit' in op)) continue;
    for (const entry of op.entries as AuditEntry[]) {
      if (entry.changes === undefined) continue;
      entry.changes = entry.changes.map((change) => {
        const record = byId.get(changedRecordKey(collectionOf[change.record], change.id));
        if (record === undefined) return change;
        const same = (side: 'before' | 'after') =>
          change[side] !== undefined && isDeepStrictEqual(change[side], record[side]);
        return {
          ...change,
          ...(same('before') && { before: record.before }),
          ...(same('after') && { after: record.after }),
        };
      });
    }
  }
}

/**
 * Records of the draft's list that are new or replaced, and ids that are gone. A list only added to
 * or replaced in place is compared by position; otherwise by id.
 */
function changedRecords<R extends { id: string }>(
  base: readonly R[],
  draft: readonly R[],
  positions: IdPositions,
  refuse: () => never,
): { set: R[]; del: string[] } {
  const set: R[] = [];
  let aligned = draft.length >= base.length;
  for (let i = 0; aligned && i < base.length; i++) {
    const now = draft[i] as R;
    if (now === base[i]) continue;
    if (now.id !== (base[i] as R).id) aligned = false;
    else set.push(now);
  }
  if (aligned) {
    const added = new Set<string>();
    for (let i = base.length; i < draft.length; i++) {
      const now = draft[i] as R;
      if (positions.has(now.id) || added.has(now.id)) refuse();
      added.add(now.id);
      set.push(now);
    }
    return { set, del: [] };
  }
  set.length = 0;
  const seen = new Set<string>();
  for (const record of draft) {
    if (seen.has(record.id)) refuse();
    seen.add(record.id);
    const at = positions.get(record.id);
    if (at === undefined || base[at] !== record) set.push(record);
  }
  const del = base.filter((record) => !seen.has(record.id)).map((record) => record.id);
  return { set, del };
}

/** The references an edit can break: pairs to their cities, targets and the home city to theirs. */
function referencesHold(data: StoreData, ops: readonly Op[], positions: Positions): boolean {
  const city = (id: string | undefined) => id === undefined || positions.cities.has(id);
  const citiesRemoved = ops.some((op) => 'del' in op && op.del === 'cities');
  const pairs = citiesRemoved
    ? data.partnerships
    : ops.flatMap((op) =>
        'set' in op && op.set === 'partnerships' ? [op.value as StoreData['partnerships'][number]] : [],
      );
  if (!pairs.every((p) => p.cities.every(city))) return false;
  const targetIds = new Set(data.reminders.targets.map((t) => t.id));
  if (targetIds.size !== data.reminders.targets.length) return false;
  return data.reminders.targets.every((t) => city(t.filter?.city)) && city(data.settings.homeCity);
}

/** Validates the whole draft for the message naming the record and field at fault. */
function refuseWhole(draft: StoreData): never {
  const parsed = StoreSchema.safeParse(draft, { jitless: true });
  throw new InvalidChangeError(parsed.success ? 'invalid' : describeFirstIssue(parsed.error, draft));
}
