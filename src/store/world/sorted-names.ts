import { lowerBound } from '../lower-bound.ts';

/**
 * Folded names in sorted order (JavaScript string order), each with the position of its city: an
 * exact name or a prefix is found by binary search, so no map of every name is built at start.
 */
export class SortedNames {
  constructor(
    private readonly names: readonly string[],
    private readonly cities: readonly number[],
  ) {}

  /** Built from every (folded name, city position), when the world file carries no prebuilt index. */
  static build(entries: { name: string; city: number }[]): SortedNames {
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.city - b.city));
    return new SortedNames(
      entries.map((e) => e.name),
      entries.map((e) => e.city),
    );
  }

  /** Positions of the cities with exactly this folded name. */
  exact(name: string): number[] {
    const found: number[] = [];
    for (let i = lowerBound(this.names, name); i < this.names.length && this.names[i] === name; i++)
      found.push(this.cities[i] as number);
    return found;
  }

  /** Up to `scan` names starting with the prefix, with their cities' positions. */
  startingWith(prefix: string, scan: number): { name: string; city: number }[] {
    const found: { name: string; city: number }[] = [];
    for (
      let i = lowerBound(this.names, prefix);
      i < this.names.length && found.length < scan && (this.names[i] as string).startsWith(prefix);
      i++
    ) {
      found.push({ name: this.names[i] as string, city: this.cities[i] as number });
    }
    return found;
  }
}
