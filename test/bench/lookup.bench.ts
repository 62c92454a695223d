/**
 * Benchmark: load time and answer cost with 50,000 partnerships in the store. Prints figures; asserts
 * nothing (timings belong here, not in tests). Run with `npm run bench`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Temporal } from 'temporal-polyfill';
import { commands } from '../../commands/index.ts';
import { Dispatcher } from '../../src/core/dispatcher.ts';
import { partnershipId } from '../../src/domain/partnership.ts';
import { Store } from '../../src/store/store.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const PARTNERSHIPS = 50_000;
const CITIES = 20_000;
const SYLLABLES = [
  'ka',
  'ri',
  'mo',
  'ző',
  'lan',
  'ber',
  'ště',
  'an',
  'go',
  'vi',
  'chü',
  'ta',
  'ne',
  'ros',
  'ém',
  'pol',
];
const COUNTRIES = ['CZ', 'DE', 'FR', 'JP', 'US', 'PL', 'HU', 'CN', 'BR', 'IT', 'ES', 'SE'];

/** A deterministic generator, so every run measures the same store. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function syntheticStore() {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const cities = Array.from({ length: CITIES }, (_, i) => {
    const name = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`.replace(/^./, (c) =>
      c.toUpperCase(),
    );
    return {
      id: `c${i}-${pick(COUNTRIES).toLowerCase()}`,
      name: `${name} ${i}`,
      country: pick(COUNTRIES),
      names: [{ name: `${name}-${i}`, lang: 'en' }],
    };
  });
  const seen = new Set<string>();
  const partnerships = [];
  while (partnerships.length < PARTNERSHIPS) {
    const a = pick(cities).id;
    const b = pick(cities).id;
    const id = partnershipId(a, b);
    if (a === b || seen.has(id)) continue;
    seen.add(id);
    const year = 1950 + Math.floor(next() * 70);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const date = [`${year}`, `${year}-${month}`, `${year}-${month}-${day}`][Math.floor(next() * 3)] as string;
    const milestones: { kind: string; date: string; by?: string }[] = [{ kind: 'signing', date }];
    if (next() < 0.1) milestones.push({ kind: 'termination', date: '2021-05-04', by: a });
    partnerships.push({ id, cities: id.split('--'), type: 'sister_city', milestones });
  }
  return { version: 1, cities, partnerships };
}

/** Mean cost of one call after a warm-up; awaits each result so async answers are timed whole. */
async function measure(label: string, runs: number, fn: () => unknown): Promise<void> {
  for (let i = 0; i < Math.min(runs, 50); i++) await fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const micros = ((performance.now() - start) / runs) * 1000;
  console.log(`${label.padEnd(52)} ${micros.toFixed(1).padStart(9)} µs/answer (${runs} runs)`);
}

const path = join(await tempDir(), 'bench.json');
await writeFile(path, JSON.stringify(syntheticStore()));

let started = performance.now();
const store = await Store.open(path);
console.log(
  `store load (read, validate, index) at ${PARTNERSHIPS} partnerships: ${(performance.now() - started).toFixed(0)} ms`,
);

const catalog = store.catalog;
const city = catalog.data.cities[1234];
const partnership = catalog.data.partnerships[4321];
if (!city || !partnership) throw new Error('bench store too small');
const [a, b] = partnership.cities;
const operator = { platform: 'shell' as const, userId: 'bench' };
const dispatcher = new Dispatcher({ store, commands, today: () => Temporal.PlainDate.from('2026-11-26') });

await measure('resolveCity (folded name)', 100_000, () => catalog.resolveCity(city.name.toUpperCase()));
await measure('partnershipBetween', 100_000, () => catalog.partnershipBetween(a, b));
await measure('answer: city <name>', 20_000, () =>
  dispatcher.run({ command: 'city', args: { city: city.name } }, operator),
);
await measure('answer: partners <name>', 20_000, () =>
  dispatcher.run({ command: 'partners', args: { city: city.name } }, operator),
);
await measure('answer: agreement <a> <b>', 20_000, () =>
  dispatcher.run({ command: 'agreement', args: { city: a, with: b } }, operator),
);

started = performance.now();
catalog.search('warm up', 1);
console.log(`fuzzy index build on first search: ${(performance.now() - started).toFixed(0)} ms`);
await measure('answer: search <part of a name>', 2_000, () =>
  dispatcher.run({ command: 'search', args: { text: 'kari' } }, operator),
);
await measure('answer: anniversaries next 30 days (aggregate)', 100, () =>
  dispatcher.run({ command: 'anniversaries', args: {} }, operator),
);

started = performance.now();
await store.update((draft) => {
  draft.settings.staff.push('slack:UBENCH');
  return { result: undefined, audit: { actor: 'cli:bench', platform: 'cli', action: 'bench' } };
});
console.log(`one validated, atomic write of the whole store: ${(performance.now() - started).toFixed(0)} ms`);
