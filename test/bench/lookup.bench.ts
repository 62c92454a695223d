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
import { Store } from '../../src/store/store.ts';
import { syntheticStore, tempDir } from '../fixtures/knowledge-base.ts';

const PARTNERSHIPS = 50_000;

/** Mean cost of one call after a warm-up; awaits each result so async answers are timed whole. */
async function measure(label: string, runs: number, fn: () => unknown): Promise<void> {
  for (let i = 0; i < Math.min(runs, 50); i++) await fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const micros = ((performance.now() - start) / runs) * 1000;
  console.log(`${label.padEnd(52)} ${micros.toFixed(1).padStart(9)} µs/answer (${runs} runs)`);
}

const path = join(await tempDir(), 'bench.json');
await writeFile(path, JSON.stringify(syntheticStore(PARTNERSHIPS)));

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
