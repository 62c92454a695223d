import { lowerBound } from './lower-bound.ts';

/**
 * Every folded name in sorted order, so the names that start with what someone has typed so far are
 * found by binary search: the answer for each keystroke of an autocomplete, however short. The
 * names ending with a text are found the same way, in the order of the names read backwards.
 */
export class NamePrefixIndex {
  private readonly keys: string[];
  private readonly ids: string[];
  /**
   * The positions of the names, sorted as the names read backwards: built on first use of
   * `keysEndingWith`, kept by every edit; 4 bytes a name rather than a second copy of each.
   */
  private backwards: Int32Array | undefined;

  constructor(entries: Iterable<{ key: string; id: string }>) {
    const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.keys = sorted.map((e) => e.key);
    this.ids = sorted.map((e) => e.id);
  }

  /** Adds names, each at its place in the order (an edit's new or changed city). */
  add(entries: readonly { key: string; id: string }[]): void {
    for (const { key, id } of entries) {
      const at = lowerBound(this.keys, key);
      this.keys.splice(at, 0, key);
      this.ids.splice(at, 0, id);
      const backwards = this.backwards;
      if (!backwards) continue;
      const next = new Int32Array(backwards.length + 1);
      const place = this.backwardsBound(key);
      for (let i = 0; i < backwards.length; i++) {
        const position = backwards[i] as number;
        next[i < place ? i : i + 1] = position >= at ? position + 1 : position;
      }
      next[place] = at;
      this.backwards = next;
    }
  }

  /** Removes every name of the id (a city an edit changed or removed). */
  remove(id: string): void {
    for (let i = this.ids.indexOf(id); i !== -1; i = this.ids.indexOf(id, i)) {
      this.keys.splice(i, 1);
      this.ids.splice(i, 1);
      const backwards = this.backwards;
      if (!backwards) continue;
      const next = new Int32Array(backwards.length - 1);
      let j = 0;
      for (const position of backwards)
        if (position !== i) next[j++] = position > i ? position - 1 : position;
      this.backwards = next;
    }
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
    const backwards = this.readBackwards();
    const found: string[] = [];
    for (let i = this.backwardsBound(suffix); i < backwards.length; i++) {
      const key = this.keys[backwards[i] as number] as string;
      if (!key.endsWith(suffix)) break;
      if (test(key)) found.push(key);
    }
    return found;
  }

  /** The names in the order of the names read backwards, sorted now if not yet (see `backwards`). */
  readBackwards(): Int32Array {
    if (!this.backwards) {
      const keys = this.keys;
      this.backwards = Int32Array.from(keys.keys()).sort((a, b) =>
        compareBackwards(keys[a] as string, keys[b] as string),
      );
    }
    return this.backwards;
  }

  /** Where the text is, or would go, among the names read backwards. */
  private backwardsBound(text: string): number {
    const backwards = this.backwards as Int32Array;
    let low = 0;
    let high = backwards.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareBackwards(this.keys[backwards[mid] as number] as string, text) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Compares two strings read from their last code unit to their first: a name before the longer names ending with it. */
function compareBackwards(a: string, b: string): number {
  let i = a.length - 1;
  let j = b.length - 1;
  for (; i >= 0 && j >= 0; i--, j--) {
    const difference = a.charCodeAt(i) - b.charCodeAt(j);
    if (difference !== 0) return difference;
  }
  return i - j;
}
