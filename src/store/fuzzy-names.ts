import { BackwardsOrder } from './backwards-order.ts';
import { lowerBound } from './lower-bound.ts';

/** How a search treats each of its words: as a prefix, and within how many typos (as MiniSearch reads them). */
export interface FuzzyOptions {
  prefix: (term: string, index: number, terms: string[]) => boolean;
  /** A share of the word's length (below 1) or a number of typos; false for none. */
  fuzzy: (term: string) => number | false;
}

/** BM25+ as MiniSearch scores, so results rank as they did when the index was MiniSearch's. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const MAX_FUZZY = 6;

/**
 * A fuzzy index of folded names, each belonging to an owner (a city id, a city's position): words
 * within a few typos or starting with the text, ranked and combined (every word must match) as
 * MiniSearch does. Kept compact because it holds every name of every city: one sorted array of
 * distinct words, each with the numbers of the names it is in (a number, or an array when several),
 * instead of a tree of maps per word and maps per name. Typo search walks the sorted words as a
 * trie (a Levenshtein row per shared letter), skipping every word under a prefix already too far.
 */
export class FuzzyNames<Owner> {
  /** Name number -> its owner; undefined once removed. */
  private readonly owners: (Owner | undefined)[] = [];
  /** Name number -> how many distinct words it has (BM25's field length). */
  private readonly lengths: number[] = [];
  private readonly terms: string[] = [];
  private readonly postings: (number | number[])[] = [];
  private liveNames = 0;
  private liveWords = 0;
  private longest = 0;
  /** The words read backwards, for one-typo searches (see withinOneTypo): built on first use, kept by `add`. */
  private backwards: BackwardsOrder | undefined;

  /**
   * Indexes every owner's folded names at once (sorted in one go, not inserted one by one). The
   * words and their names are kept in two flat lists while sorting, not a pair each: at 100,000
   * partnerships the pairs were 10 MB of small objects that outlived a young collection and left
   * holes among the records kept.
   */
  constructor(entries: Iterable<readonly [Owner, readonly string[]]> = []) {
    const words: string[] = [];
    const names: number[] = [];
    for (const [owner, ownerNames] of entries)
      for (const name of ownerNames) this.addName(owner, name, words, names);
    const order = Array.from(words, (_, i) => i);
    order.sort((a, b) => {
      const x = words[a] as string;
      const y = words[b] as string;
      return x < y ? -1 : x > y ? 1 : (names[a] as number) - (names[b] as number);
    });
    for (const i of order) {
      const term = words[i] as string;
      const name = names[i] as number;
      const last = this.terms.length - 1;
      if (this.terms[last] === term)
        this.postings[last] = withName(this.postings[last] as number | number[], name);
      else {
        this.terms.push(term);
        this.postings.push(name);
        this.longest = Math.max(this.longest, term.length);
      }
    }
  }

  /** Adds an owner's folded names (an edit's new or changed city). */
  add(owner: Owner, names: readonly string[]): void {
    const words: string[] = [];
    const numbers: number[] = [];
    for (const name of names) this.addName(owner, name, words, numbers);
    words.forEach((term, i) => {
      const name = numbers[i] as number;
      const at = lowerBound(this.terms, term);
      if (this.terms[at] === term) this.postings[at] = withName(this.postings[at] as number | number[], name);
      else {
        this.terms.splice(at, 0, term);
        this.postings.splice(at, 0, name);
        this.backwards?.inserted(at);
        this.longest = Math.max(this.longest, term.length);
      }
    });
  }

  /** Removes every name of the owner (a city an edit changed or removed); its words stay, unowned. */
  remove(owner: Owner): void {
    for (let i = this.owners.indexOf(owner); i !== -1; i = this.owners.indexOf(owner, i + 1)) {
      this.owners[i] = undefined;
      this.liveNames -= 1;
      this.liveWords -= this.lengths[i] as number;
    }
  }

  /** Owners of the names that match every word of the folded text, best first, each once. */
  search(text: string, options: FuzzyOptions): Owner[] {
    const words = text.split(' ').filter((word) => word !== '');
    let combined: Map<number, number> | undefined;
    words.forEach((word, i) => {
      const scores = this.wordScores(word, options.prefix(word, i, words), options.fuzzy(word));
      if (combined === undefined) combined = scores;
      else {
        const both = new Map<number, number>();
        for (const [name, score] of scores) {
          const before = combined.get(name);
          if (before !== undefined) both.set(name, before + score);
        }
        combined = both;
      }
    });
    const ranked = [...(combined ?? [])].sort((a, b) => b[1] - a[1]);
    const found = new Set<Owner>();
    for (const [name] of ranked) found.add(this.owners[name] as Owner);
    return [...found];
  }

  /** Numbers the name and lists each of its words beside the name's number. */
  private addName(owner: Owner, name: string, words: string[], names: number[]): void {
    const number = this.owners.length;
    const split = name.split(' ');
    this.owners.push(owner);
    this.lengths.push(new Set(split).size);
    this.liveNames += 1;
    this.liveWords += this.lengths[number] as number;
    for (const word of split) {
      if (word === '') continue;
      words.push(word);
      names.push(number);
    }
  }

  /** Each matching name's score for one word: exact, then as a prefix, then within typos. */
  private wordScores(word: string, prefix: boolean, fuzzy: number | false): Map<number, number> {
    const scores = new Map<number, number>();
    const exact = lowerBound(this.terms, word);
    if (this.terms[exact] === word) this.score(exact, 1, scores);
    const prefixed = new Set<number>();
    if (prefix) {
      for (let i = exact; i < this.terms.length && (this.terms[i] as string).startsWith(word); i++) {
        const term = this.terms[i] as string;
        if (term === word) continue;
        prefixed.add(i);
        this.score(
          i,
          (WEIGHTS.prefix * term.length) / (term.length + 0.3 * (term.length - word.length)),
          scores,
        );
      }
    }
    const distance =
      fuzzy === false ? 0 : fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(word.length * fuzzy)) : fuzzy;
    if (distance > 0) {
      for (const [i, typos] of this.withinTypos(word, distance)) {
        if (typos === 0 || prefixed.has(i)) continue;
        const term = this.terms[i] as string;
        this.score(i, (WEIGHTS.fuzzy * term.length) / (term.length + typos), scores);
      }
    }
    return scores;
  }

  private score(term: number, weight: number, scores: Map<number, number>): void {
    const posting = this.postings[term] as number | number[];
    const names = typeof posting === 'number' ? [posting] : posting;
    const frequency = new Map<number, number>();
    for (const name of names) {
      if (this.owners[name] !== undefined) frequency.set(name, (frequency.get(name) ?? 0) + 1);
    }
    const average = this.liveWords / Math.max(1, this.liveNames);
    const { k, b, d } = BM25;
    const idf = Math.log(1 + (this.liveNames - frequency.size + 0.5) / (frequency.size + 0.5));
    for (const [name, tf] of frequency) {
      const length = this.lengths[name] as number;
      const bm25 = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average)));
      scores.set(name, (scores.get(name) ?? 0) + weight * bm25);
    }
  }

  /**
   * Words within one typo of the word, with their distance, as the walk below finds them (in the
   * words' order) but from far fewer words: a typo is in one half of the word, so such a word starts
   * with its first half or ends with its second.
   */
  private withinOneTypo(word: string): [number, number][] {
    const half = Math.floor(word.length / 2);
    const typos = new Map<number, number>();
    const check = (i: number) => {
      const distance = typosUpToOne(this.terms[i] as string, word);
      if (distance <= 1) typos.set(i, distance);
    };
    const first = word.slice(0, half);
    for (let i = lowerBound(this.terms, first); i < this.terms.length; i++) {
      if (!(this.terms[i] as string).startsWith(first)) break;
      check(i);
    }
    this.backwards ??= new BackwardsOrder(this.terms);
    this.backwards.endingWith(word.slice(half), check);
    return [...typos].sort((a, b) => a[0] - b[0]);
  }

  /**
   * Words within `max` typos (Levenshtein distance) of the word, with their distance. The sorted
   * words are walked as a trie: the row for a letter is computed once for all words sharing the
   * letters before it, and a prefix whose row is already past `max` skips every word under it.
   */
  private withinTypos(word: string, max: number): [number, number][] {
    if (max === 1) return this.withinOneTypo(word);
    const found: [number, number][] = [];
    const width = word.length + 1;
    const rows = new Int32Array((this.longest + 1) * width);
    for (let j = 0; j < width; j++) rows[j] = j;
    let previous = '';
    /** Rows 0..valid hold the letters of `previous`. */
    let valid = 0;
    let i = 0;
    walk: while (i < this.terms.length) {
      const term = this.terms[i] as string;
      let depth = 0;
      const shared = Math.min(valid, term.length, previous.length);
      while (depth < shared && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
      for (let row = depth + 1; row <= term.length; row++) {
        const at = row * width;
        const letter = term.charCodeAt(row - 1);
        rows[at] = row;
        let best = row;
        for (let j = 1; j < width; j++) {
          const cost = word.charCodeAt(j - 1) === letter ? 0 : 1;
          const value = Math.min(
            (rows[at - width + j] as number) + 1,
            (rows[at + j - 1] as number) + 1,
            (rows[at - width + j - 1] as number) + cost,
          );
          rows[at + j] = value;
          if (value < best) best = value;
        }
        if (best > max) {
          previous = term;
          valid = row - 1;
          i = lowerBound(this.terms, afterPrefix(term.slice(0, row)));
          continue walk;
        }
      }
      previous = term;
      valid = term.length;
      const typos = rows[term.length * width + word.length] as number;
      if (typos <= max) found.push([i, typos]);
      i++;
    }
    return found;
  }
}

/**
 * How many typos (Levenshtein) apart two words are when it is at most one: 0, 1, else 2.
 */
function typosUpToOne(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 1) return 2;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) ? 1 : 2;
  return (a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)) ? 1 : 2;
}

function withName(posting: number | number[], name: number): number | number[] {
  if (typeof posting === 'number') return [posting, name];
  posting.push(name);
  return posting;
}

/** The first string after every string that starts with the prefix. */
function afterPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
