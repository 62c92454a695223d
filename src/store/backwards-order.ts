/**
 * The positions of a sorted list of strings, ordered as the strings read backwards (from the last
 * code unit), so the strings ending with a text are found by binary search as those starting with it
 * are in the list itself: 4 bytes a string rather than a second copy of each. Holds the list itself,
 * which its owner changes in place and reports each change of (inserted, removed).
 */
export class BackwardsOrder {
  private order: Int32Array;

  constructor(private readonly list: readonly string[]) {
    this.order = Int32Array.from(list.keys()).sort((a, b) =>
      compareBackwards(list[a] as string, list[b] as string),
    );
  }

  /** Follows a string put in the list at this position (those after it moved one on). */
  inserted(at: number): void {
    const place = this.bound(this.list[at] as string, at);
    const next = new Int32Array(this.order.length + 1);
    for (let i = 0; i < this.order.length; i++) {
      const position = this.order[i] as number;
      next[i < place ? i : i + 1] = position >= at ? position + 1 : position;
    }
    next[place] = at;
    this.order = next;
  }

  /** Follows the string at this position taken out of the list (those after it moved one back). */
  removed(at: number): void {
    const next = new Int32Array(this.order.length - 1);
    let j = 0;
    for (const position of this.order)
      if (position !== at) next[j++] = position > at ? position - 1 : position;
    this.order = next;
  }

  /** Calls `visit` with the position of each string in the list that ends with the suffix. */
  endingWith(suffix: string, visit: (position: number) => void): void {
    for (let i = this.bound(suffix); i < this.order.length; i++) {
      const position = this.order[i] as number;
      if (!(this.list[position] as string).endsWith(suffix)) return;
      visit(position);
    }
  }

  /** Where the text goes in the order; `skip`, a position not yet in the order, is not compared. */
  private bound(text: string, skip = -1): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const position = this.order[mid] as number;
      const at = skip !== -1 && position >= skip ? position + 1 : position;
      if (compareBackwards(this.list[at] as string, text) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Compares two strings read from their last code unit to their first: a string before the longer ones ending with it. */
function compareBackwards(a: string, b: string): number {
  let i = a.length - 1;
  let j = b.length - 1;
  for (; i >= 0 && j >= 0; i--, j--) {
    const difference = a.charCodeAt(i) - b.charCodeAt(j);
    if (difference !== 0) return difference;
  }
  return i - j;
}
