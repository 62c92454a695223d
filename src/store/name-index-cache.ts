import { resolve } from 'node:path';
import type { City } from '../domain/city.ts';
import { sha256 } from './journal.ts';
import { NamePrefixIndex } from './name-prefix-index.ts';
import { cacheFileName, readPrivateCache, writePrivateCache } from './private-cache.ts';
import { FOLD_VERSION } from './world/name-index.ts';

/** Where a one-shot process keeps the office name index between runs, and what build it runs. */
export interface NameIndexCache {
  /** A folder of this user's (see private-cache.ts). */
  dir: string;
  /** The running build: another one may fold or list a city's names otherwise. */
  build: string;
}

/** What the store's data was read from: the file's sha256, and a hash of the journal's edits replayed on it ('' for none). */
export interface ReadFrom {
  fileHash: string;
  replayed: string;
}

/** Raise when the layout of the file below changes. */
const LAYOUT = 1;

interface Head {
  key: string;
  names: number;
  textBytes: number;
  sum: string;
}

/**
 * The office name index (NamePrefixIndex) of one store file as read, kept between runs of the
 * one-shot CLI: folding and sorting every city's names cost 30 ms of a cold `ask` at 10,000 cities,
 * reading them back a few. The file is named by all that decides the index (the store file's bytes,
 * the journal's edits replayed on them, the fold's version, Node's, the build), so it never
 * describes other data. Its layout: a JSON line (the key, the counts, the body's sha256), then the
 * body: each name's city as its position in the store's cities (4 bytes, in the machine's order:
 * the file is this machine's only), then the names, one a line (a folded name holds no line break).
 */
export class KeptNameIndex {
  private readonly key: string;
  private readonly file: string;

  constructor(
    private readonly cache: NameIndexCache,
    storePath: string,
    from: ReadFrom,
  ) {
    // Node's version too: folding follows its Unicode tables (lower case, decomposition).
    const fold = [FOLD_VERSION, process.version];
    this.key = [LAYOUT, ...fold, cache.build, from.fileHash, from.replayed].join(' ');
    // Named first by the store's path, so a new version of the store's index replaces the old one.
    this.file = cacheFileName(resolve(storePath), this.key, 'names');
  }

  /**
   * The index as building it over these cities would give it, or undefined when none is kept or it
   * is not whole: then the caller builds it, as without a cache.
   */
  read(cities: readonly City[]): NamePrefixIndex | undefined {
    const bytes = readPrivateCache(this.cache.dir, this.file);
    if (bytes === undefined) return undefined;
    try {
      const end = bytes.indexOf('\n');
      if (end < 0) return undefined;
      const head = JSON.parse(bytes.toString('utf8', 0, end)) as Partial<Head> | null;
      const body = bytes.subarray(end + 1);
      const names = head?.names;
      if (
        head?.key !== this.key ||
        typeof names !== 'number' ||
        typeof head.textBytes !== 'number' ||
        body.length !== names * 4 + head.textBytes ||
        sha256(body) !== head.sum
      )
        return undefined;
      // Copied out, so the numbers are aligned for a typed array: a Buffer's readUInt32LE, called
      // for each name, cost ten times as much before the JIT had compiled it.
      const positions = new Uint32Array(names);
      new Uint8Array(positions.buffer).set(body.subarray(0, names * 4));
      const ids: string[] = [];
      for (let i = 0; i < names; i++) {
        const city = cities[positions[i] as number];
        if (city === undefined) return undefined;
        ids.push(city.id);
      }
      const keys = names === 0 ? [] : body.toString('utf8', names * 4).split('\n');
      return keys.length === names ? NamePrefixIndex.fromSorted(keys, ids) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps the index built over these cities for the next run (a folder that cannot be written keeps nothing). */
  write(cities: readonly City[], index: NamePrefixIndex): void {
    const at = new Map(cities.map((city, i) => [city.id, i]));
    const { keys, ids } = index.inOrder;
    const positions = new Uint32Array(ids.length);
    ids.forEach((id, i) => {
      const position = at.get(id);
      if (position === undefined) throw new Error(`the name index holds ${id}, which is not a city`);
      positions[i] = position;
    });
    const body = Buffer.concat([new Uint8Array(positions.buffer), Buffer.from(keys.join('\n'))]);
    const textBytes = body.length - positions.byteLength;
    const head: Head = { key: this.key, names: ids.length, textBytes, sum: sha256(body) };
    writePrivateCache(
      this.cache.dir,
      this.file,
      Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), body]),
    );
  }
}
