import { isDeepStrictEqual } from 'node:util';
import type { RecordChange, RecordKind } from '../domain/audit.ts';
import type { StoreData } from './schema.ts';

/**
 * A record of the store by kind and id: a city, a partnership, a setting, a reminder target, or a
 * world pair the office removed (present as `true`).
 */
export interface RecordRef {
  record: RecordKind;
  id: string;
}

type SettingName = keyof StoreData['settings'];

/** The record as plain JSON (what the file holds), or undefined when there is none. */
export function readRecord(data: StoreData, ref: RecordRef): unknown {
  return plain(find(data, ref));
}

/** Puts a record back as it was (undefined removes it); the store's validation judges the result. */
export function writeRecord(data: StoreData, ref: RecordRef, value: unknown): void {
  switch (ref.record) {
    case 'setting': {
      const settings = data.settings as Record<string, unknown>;
      if (value === undefined) delete settings[ref.id];
      else settings[ref.id] = value;
      return;
    }
    case 'city':
      data.cities = replace(data.cities, ref.id, value as StoreData['cities'][number] | undefined);
      return;
    case 'partnership':
      data.partnerships = replace(
        data.partnerships,
        ref.id,
        value as StoreData['partnerships'][number] | undefined,
      );
      return;
    case 'reminder-target':
      data.reminders.targets = replace(
        data.reminders.targets,
        ref.id,
        value as StoreData['reminders']['targets'][number] | undefined,
      );
      return;
    case 'hidden-world-pair':
      data.hiddenWorldPairs = (data.hiddenWorldPairs ?? []).filter((id) => id !== ref.id);
      if (value !== undefined) data.hiddenWorldPairs.push(ref.id);
      return;
  }
}

/** What a change did to each record it touched, leaving out the ones it left as they were. */
export function recordChanges(
  before: StoreData,
  after: StoreData,
  touched: readonly RecordRef[],
): RecordChange[] {
  const seen = new Set<string>();
  const changes: RecordChange[] = [];
  for (const ref of touched) {
    const key = `${ref.record}:${ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const old = readRecord(before, ref);
    const now = readRecord(after, ref);
    if (isDeepStrictEqual(old, now)) continue;
    changes.push({
      record: ref.record,
      id: ref.id,
      ...(old !== undefined && { before: old }),
      ...(now !== undefined && { after: now }),
    });
  }
  return changes;
}

/** Whether the record is now exactly as a change left it. */
export function recordIs(data: StoreData, ref: RecordRef, expected: unknown): boolean {
  return isDeepStrictEqual(readRecord(data, ref), plain(expected));
}

function find(data: StoreData, ref: RecordRef): unknown {
  switch (ref.record) {
    case 'setting':
      return data.settings[ref.id as SettingName];
    case 'city':
      return data.cities.find((c) => c.id === ref.id);
    case 'partnership':
      return data.partnerships.find((p) => p.id === ref.id);
    case 'reminder-target':
      return data.reminders.targets.find((t) => t.id === ref.id);
    case 'hidden-world-pair':
      return data.hiddenWorldPairs?.includes(ref.id) ? true : undefined;
  }
}

/** Records keep their place in their list; a new one goes at the end. */
function replace<R extends { id: string }>(list: R[], id: string, value: R | undefined): R[] {
  const index = list.findIndex((r) => r.id === id);
  if (value === undefined) return index === -1 ? list : list.filter((r) => r.id !== id);
  if (index === -1) return [...list, value];
  const copy = [...list];
  copy[index] = value;
  return copy;
}

/** JSON as the file holds it: keys with undefined values dropped, so comparisons match after a reload. */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
