/**
 * Benchmark (issue 16): how well questions in plain words are understood, on the labelled corpus in
 * test/fixtures/questions/, read by the current question reader over the shipped seed and world
 * layer. Prints accuracy per language, class and name form for the test part, beside the issue's
 * targets; never its questions (see that folder's README: nobody tunes on the test part).
 *
 *   npx tsx test/bench/questions.bench.ts                      the test part (what `npm run bench` runs)
 *   npx tsx test/bench/questions.bench.ts --part tune --misses the tune part, with each miss listed
 */
import { parseArgs } from 'node:util';
import {
  corpusDispatcher,
  labelMeaning,
  type Part,
  readPart,
  shippedStore,
} from '../fixtures/questions/corpus.ts';
import { misses, report, scoreQuestion, type Tally, tally } from './question-score.ts';

const { values } = parseArgs({
  options: { part: { type: 'string', default: 'test' }, misses: { type: 'boolean', default: false } },
});
const part = values.part as Part;
if (part !== 'test' && part !== 'tune') throw new Error('--part is test or tune');
if (values.misses && part === 'test')
  throw new Error('the test part is scored, never read: list misses with --part tune');

const store = await shippedStore();
const dispatcher = corpusDispatcher(store);
const labels = await readPart(part);
const scored = labels.map((label) => scoreQuestion(label, dispatcher, store.catalog));

console.log(
  `questions in plain words, ${part} part (${labels.length} questions, seed + shipped world layer):`,
);
for (const line of report(scored)) console.log(line);

// Reference in the same run: the questions whose cities are all in the seed, read on the seed alone
// and on the seed with the world layer, so what the world's many names cost the reader shows.
const seedOnly = await shippedStore(false);
const seedScored = labels
  .filter((label) => labelMeaning(label, seedOnly.catalog).ok)
  .map((label) => scoreQuestion(label, corpusDispatcher(seedOnly), seedOnly.catalog));
const seedIds = new Set(seedScored.map((s) => s.label.id));
const line = (name: string, t: Tally) =>
  `  ${name.padEnd(26)} right ${((100 * t.right) / t.n).toFixed(1)}%, wrong ${t.wrong}, unsure ${t.unsure}`;
console.log(`reference: the ${seedIds.size} questions whose cities are all in the seed:`);
console.log(line('on the seed alone', tally(seedScored)));
console.log(line('on seed + world layer', tally(scored.filter((s) => seedIds.has(s.label.id)))));

// Cost of reading one question (the fuzzy name index is built by the scoring pass above).
const costs = labels.map((label) => {
  const started = performance.now();
  dispatcher.read(label.text);
  return performance.now() - started;
});
costs.sort((a, b) => a - b);
const mean = costs.reduce((sum, ms) => sum + ms, 0) / costs.length;
const p95 = costs[Math.floor(costs.length * 0.95)] ?? 0;
console.log(
  `reading one question: ${mean.toFixed(2)} ms on average, ${p95.toFixed(2)} ms at p95, ${(costs.at(-1) ?? 0).toFixed(2)} ms at most (target: under 5 ms; ${store.catalog.data.partnerships.length} office partnerships + the world layer)`,
);
if (values.misses) for (const miss of misses(scored)) console.log(miss);
