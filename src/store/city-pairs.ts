import type { Partnership } from '../domain/partnership.ts';
import { lowerBound } from './lower-bound.ts';

const NONE: readonly Partnership[] = Object.freeze([]);
/** Lists longer than this are kept once asked (see CityPairs.long); a few hubs at most. */
const LONG = 256;

/**
 * Each city's partnerships, in the order of the list given, as one flat list grouped by city with
 * each city's start in a typed list, its city found by a binary search of the ids, sorted: a map
 * of a list per city took 5.4 MB at 100,000 pairs, each list an object of its own that outlived the
 * young collections at start. The lists an edit changes are kept beside, the flat ones never change.
 */
export class CityPairs {
  /** The ids of the cities with partnerships, sorted. */
  private readonly ids: string[];
  /** Where each city's partnerships start in `pairs` (one more than `ids`: the end of the last). */
  private readonly starts: Int32Array;
  private readonly pairs: Partnership[];
  /** The lists of the cities whose partnerships an edit changed, in place of their flat ones. */
  private readonly changed = new Map<string, readonly Partnership[]>();
  /** The lists of hubs, copied once: each answer about a hub asks for its list, a copy of thousands. */
  private readonly long = new Map<string, readonly Partnership[]>();

  constructor(partnerships: readonly Partnership[]) {
    const slotOf = new Map<string, number>();
    for (const p of partnerships) for (const cityId of p.cities) slotOf.set(cityId, 0);
    this.ids = [...slotOf.keys()].sort();
    for (const [i, id] of this.ids.entries()) slotOf.set(id, i);
    const starts = new Int32Array(this.ids.length + 1);
    for (const p of partnerships)
      for (const cityId of p.cities) (starts[(slotOf.get(cityId) as number) + 1] as number)++;
    for (let i = 1; i < starts.length; i++) starts[i] = (starts[i] as number) + (starts[i - 1] as number);
    const next = starts.slice(0, -1);
    const pairs = new Array<Partnership>(starts[this.ids.length] as number);
    for (const p of partnerships)
      for (const cityId of p.cities) {
        const slot = slotOf.get(cityId) as number;
        pairs[next[slot] as number] = p;
        next[slot] = (next[slot] as number) + 1;
      }
    this.starts = starts;
    this.pairs = pairs;
  }

  /** The city's partnerships (a new list each time for a city with few that no edit changed). */
  of(cityId: string): readonly Partnership[] {
    const kept = this.changed.get(cityId) ?? this.long.get(cityId);
    if (kept !== undefined) return kept;
    const slot = lowerBound(this.ids, cityId);
    if (this.ids[slot] !== cityId) return NONE;
    const list = this.pairs.slice(this.starts[slot], this.starts[slot + 1]);
    if (list.length > LONG) this.long.set(cityId, list);
    return list;
  }

  /** Adds the partnership to its cities' lists, after their others (an edit's new or changed pair). */
  add(p: Partnership): void {
    for (const cityId of p.cities) {
      const list = this.of(cityId);
      if (!list.includes(p)) this.changed.set(cityId, [...list, p]);
    }
  }

  /** Removes the partnership from its cities' lists (an edit's changed or removed pair). */
  remove(p: Partnership): void {
    for (const cityId of p.cities) {
      const list = this.of(cityId);
      if (list.includes(p))
        this.changed.set(
          cityId,
          list.filter((x) => x !== p),
        );
    }
  }
}
