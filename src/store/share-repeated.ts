import type { City } from '../domain/city.ts';
import type { Partnership } from '../domain/partnership.ts';

/** The one empty list every record without sources, milestones or names shares. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Makes freshly read records share what repeats among them, for a process that keeps them in
 * memory (the bot): each partnership's city ids become the city's own id string, equal small
 * strings (countries, languages, kinds, dates) one string, equal milestones, lists of milestones and
 * sources one frozen object, and every empty list one frozen list. Records are never changed in
 * place (an edit replaces them, see draftOf), so sharing is safe; freezing what is shared makes a
 * change in place fail loudly instead of changing every record that shares it.
 */
export function shareRepeated(data: { cities: City[]; partnerships: Partnership[] }): void {
  const share = repeatSharer();
  for (const city of data.cities) share.city(city);
  for (const p of data.partnerships) share.partnership(p);
}

/**
 * Shares repeats as shareRepeated does, one record at a time, among every record given to the same
 * sharer: for records read a piece at a time (see parseInPieces).
 */
export function repeatSharer(): { city: (city: City) => void; partnership: (p: Partnership) => void } {
  const strings = new Map<string, string>();
  const string = <S extends string | undefined>(value: S): S => {
    if (value === undefined) return value;
    const shared = strings.get(value);
    if (shared !== undefined) return shared as S;
    strings.set(value, value);
    return value;
  };
  // Found by a hash of their text, compared by text: keyed by the texts themselves, the 56,000
  // distinct milestones and lists at 100,000 partnerships kept as many strings alive through the
  // load, which died after it as holes among the records kept (some 3 MB the process held on to).
  const first = new Map<number, object>();
  /** Objects whose hash an object before them already had. */
  const more = new Map<number, object[]>();
  const object = <T extends object>(value: T): T => {
    const text = JSON.stringify(value);
    const hash = hashOf(text);
    const found = first.get(hash);
    if (found === undefined) {
      first.set(hash, Object.freeze(value));
      return value;
    }
    if (JSON.stringify(found) === text) return found as T;
    const others = more.get(hash);
    for (const other of others ?? []) if (JSON.stringify(other) === text) return other as T;
    if (others) others.push(Object.freeze(value));
    else more.set(hash, [Object.freeze(value)]);
    return value;
  };
  const list = <T>(items: T[], each: (item: T) => T): T[] => {
    if (items.length === 0) return NONE as unknown as T[];
    for (let i = 0; i < items.length; i++) items[i] = each(items[i] as T);
    return items;
  };
  return {
    city: (city) => {
      city.id = string(city.id);
      city.country = string(city.country);
      city.names = list(city.names, (name) => {
        name.kind = string(name.kind);
        if (name.lang !== undefined) name.lang = string(name.lang);
        return name;
      });
    },
    partnership: (p) => {
      p.cities[0] = string(p.cities[0]);
      p.cities[1] = string(p.cities[1]);
      if (p.type !== undefined) p.type = string(p.type);
      p.sources = list(p.sources, (source) => object(source));
      const milestones = list(p.milestones, (m) => {
        m.sources = list(m.sources, string);
        if (m.by !== undefined) m.by = string(m.by);
        if (m.date !== undefined) m.date = string(m.date);
        return object(m);
      });
      p.milestones = milestones.length === 0 ? milestones : object(milestones);
    },
  };
}

/** FNV-1a of the text's code units, as a 32-bit integer (a key V8 stores inline). */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}
