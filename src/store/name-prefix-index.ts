import { BackwardsOrder } from './backwards-order.ts';
import { lowerBound } from './lower-bound.ts';

/**
 * Every folded name in sorted order, so the names that start with what someone has typed so far are
 * found by binary search: the answer for each keystroke of an autocomplete, however short. The
 * names ending with a text are found the same way, in the order of the names read backwards.
 */
export class NamePrefixIndex {
  private keys: string[];
  private ids: string[];
  /** The names read backwards, for `keysEndingWith`: built on first use, kept by every edit. */
  private backwards: BackwardsOrder | undefined;

  /**
   * Sorts the names in two flat lists (by their positions, so names held by several ids keep the
   * order given) rather than as an object each, which outlived a young collection while sorting.
   */
  constructor(entries: Iterable<{ key: string; id: string }>) {
    const keys: string[] = [];
    const ids: string[] = [];
    for (const { key, id } of entries) {
      keys.push(key);
      ids.push(id);
    }
    const order = Array.from(keys, (_, i) => i);
    order.sort((a, b) => {
      const x = keys[a] as string;
      const y = keys[b] as string;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    this.keys = order.map((i) => keys[i] as string);
    this.ids = order.map((i) => ids[i] as string);
  }

  /** The index of names already in its order (as `inOrder` gave them), kept from an earlier run: no sort. */
  static fromSorted(keys: string[], ids: string[]): NamePrefixIndex {
    const index = new NamePrefixIndex([]);
    index.keys = keys;
    index.ids = ids;
    return index;
  }

  /** Every name in order with the id holding it, to keep for `fromSorted`. */
  get inOrder(): { readonly keys: readonly string[]; readonly ids: readonly string[] } {
    return { keys: this.keys, ids: this.ids };
  }

  /** Adds names, each at its place in the order, after the ids already holding it (an edit's new or changed city). */
  add(entries: readonly { key: string; id: string }[]): void {
    for (const { key, id } of entries) {
      let at = lowerBound(this.keys, key);
      while (this.keys[at] === key) at++;
      this.keys.splice(at, 0, key);
      this.ids.splice(at, 0, id);
      this.backwards?.inserted(at);
    }
  }

  /** Removes every name of the id (a city an edit changed or removed). */
  remove(id: string): void {
    for (let i = this.ids.indexOf(id); i !== -1; i = this.ids.indexOf(id, i)) {
      this.keys.splice(i, 1);
      this.ids.splice(i, 1);
      this.backwards?.removed(i);
    }
  }

  /** Ids holding exactly this name, in the order they were indexed: a binary search, as a hash map would answer. */
  named(key: string): string[] {
    const ids: string[] = [];
    for (let i = lowerBound(this.keys, key); this.keys[i] === key; i++) ids.push(this.ids[i] as string);
    return ids;
  }

  /**
   * Ids whose names start with the prefix, best first: an exact name, then shorter names. Looks at
   * no more than `scan` names, so a one-letter prefix costs no more than a longer one.
   */
  startingWith(prefix: string, limit: number, scan = 500): string[] {
    const found = this.matches(prefix, scan);
    found.sort((a, b) => a.key.length - b.key.length || (a.key < b.key ? -1 : 1));
    const ids: string[] = [];
    for (const { id } of found) {
      if (!ids.includes(id)) ids.push(id);
      if (ids.length === limit) break;
    }
    return ids;
  }

  /** Up to `scan` names starting with the prefix, in sorted order, with their ids. */
  matches(prefix: string, scan: number): { key: string; id: string }[] {
    const low = lowerBound(this.keys, prefix);
    const found: { key: string; id: string }[] = [];
    for (
      let i = low;
      i < this.keys.length && found.length < scan && (this.keys[i] as string).startsWith(prefix);
      i++
    ) {
      found.push({ key: this.keys[i] as string, id: this.ids[i] as string });
    }
    return found;
  }

  /** Every name starting with the prefix that passes the test, in sorted order (no limit: the test narrows). */
  keysStartingWith(prefix: string, test: (key: string) => boolean): string[] {
    const found: string[] = [];
    for (let i = lowerBound(this.keys, prefix); i < this.keys.length; i++) {
      const key = this.keys[i] as string;
      if (!key.startsWith(prefix)) break;
      if (test(key)) found.push(key);
    }
    return found;
  }

  /** Every name ending with the suffix that passes the test (no limit: the test narrows). */
  keysEndingWith(suffix: string, test: (key: string) => boolean): string[] {
    const found: string[] = [];
    this.readBackwards().endingWith(suffix, (position) => {
      const key = this.keys[position] as string;
      if (test(key)) found.push(key);
    });
    return found;
  }

  /** The names read backwards, sorted now if not yet. */
  readBackwards(): BackwardsOrder {
    this.backwards ??= new BackwardsOrder(this.keys);
    return this.backwards;
  }
}
