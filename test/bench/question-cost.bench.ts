/**
 * Benchmark (issue 16): "the answer to a question costs under 5 ms in process at 50,000
 * partnerships". The whole answer to each corpus question (both parts): read the question, run the
 * command, render plain text, timed one by one; printed beside the same at the seed's size and with
 * the shipped world layer, measured in the same run. Loading and indexing the store is printed apart,
 * as it is paid once per process, not per question. Prints figures only, never the questions.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Caller } from '../../src/core/caller.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { SEED_PATH, WORLD_DIR } from '../../src/store/paths.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { Store } from '../../src/store/store.ts';
import { syntheticStore, tempDir } from '../fixtures/knowledge-base.ts';
import { corpusDispatcher, readPart } from '../fixtures/questions/corpus.ts';

const TARGET_PARTNERSHIPS = 50_000;
const TARGET_MS = 5;
/** Answered first, untimed, to build what is built once (the fuzzy name index) and warm the code paths. */
const WARM_UP = 40;

const seed = JSON.parse(await readFile(SEED_PATH, 'utf8')) as StoreInput & { settings: object };
const manifest = JSON.parse(await readFile(join(WORLD_DIR, 'manifest.json'), 'utf8')) as {
  partnerships: number;
};
const questions = [...(await readPart('tune')), ...(await readPart('test'))].map((label) => label.text);
const caller: Caller = { platform: 'shell', userId: 'bench' };

/** The seed's own records with generated office partnerships (and their cities) added, the world layer on or off. */
function storeData(extra: number, world: boolean): StoreInput {
  const generated =
    extra > 0 ? syntheticStore(extra, Math.ceil(extra / 2.5)) : { cities: [], partnerships: [] };
  return {
    ...seed,
    settings: { ...seed.settings, world },
    cities: [...seed.cities, ...generated.cities],
    partnerships: [...seed.partnerships, ...generated.partnerships],
  } as StoreInput;
}

interface Size {
  name: string;
  extra: number;
  world: boolean;
}

const generatedCount = TARGET_PARTNERSHIPS - manifest.partnerships - seed.partnerships.length;
const sizes: Size[] = [
  { name: `the seed alone (${seed.partnerships.length} partnerships)`, extra: 0, world: false },
  {
    name: `seed + world layer (${seed.partnerships.length + manifest.partnerships})`,
    extra: 0,
    world: true,
  },
  {
    name: `${TARGET_PARTNERSHIPS.toLocaleString('en')}: + ${generatedCount} generated office pairs`,
    extra: generatedCount,
    world: true,
  },
];

console.log(
  `the whole answer to a question (read + run + render plain text), ${questions.length} corpus questions, timed one by one after a warm-up:`,
);
const firstLines = new Map<string, string[]>();

function stats(costs: readonly number[]): string {
  const sorted = [...costs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return `avg ${mean.toFixed(2)} ms, median ${at(0.5).toFixed(2)}, p95 ${at(0.95).toFixed(2)}, max ${(sorted.at(-1) ?? 0).toFixed(2)}`;
}
for (const size of sizes) {
  const path = join(await tempDir(), 'store.json');
  const started = performance.now();
  const store = await Store.create(path, storeData(size.extra, size.world), { worldDir: WORLD_DIR });
  const dispatcher = corpusDispatcher(store);
  dispatcher.read('Prague?');
  const loadMs = performance.now() - started;
  // What each question runs (an offer or help when unsure), read apart from the timing.
  const kinds = questions.map((text) => {
    const reading = dispatcher.read(text);
    return reading.kind === 'run' ? reading.invocation.command : reading.kind;
  });
  for (const text of questions.slice(0, WARM_UP)) renderPlain(await dispatcher.answerText(text, caller));
  const costs: number[] = [];
  const lines: string[] = [];
  for (const text of questions) {
    const t0 = performance.now();
    const plain = renderPlain(await dispatcher.answerText(text, caller));
    costs.push(performance.now() - t0);
    lines.push(plain.split('\n')[0] ?? '');
  }
  firstLines.set(size.name, [...lines]);
  const partnerships = store.catalog.data.partnerships.length + (size.world ? manifest.partnerships : 0);
  console.log(
    `  ${size.name}: ${stats(costs)}  (store create + index ${loadMs.toFixed(0)} ms, ${partnerships} partnerships)`,
  );
  for (const kind of [...new Set(kinds)].sort()) {
    const own = costs.filter((_, i) => kinds[i] === kind);
    console.log(`    ${`${kind} (${own.length})`.padEnd(22)} ${stats(own)}`);
  }
  await store.close();
}
const [, shipped, big] = [...firstLines.values()];
const same = shipped && big ? shipped.filter((line, i) => line === big[i]).length : 0;
console.log(
  `  target: under ${TARGET_MS} ms at ${TARGET_PARTNERSHIPS.toLocaleString('en')} partnerships; the same first line of the answer as with seed + world layer: ${same} of ${questions.length}`,
);
