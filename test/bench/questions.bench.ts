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
import { corpusDispatcher, type Part, readPart, shippedStore } from '../fixtures/questions/corpus.ts';
import { misses, report, scoreQuestion } from './question-score.ts';

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
const started = performance.now();
const scored = labels.map((label) => scoreQuestion(label, dispatcher, store.catalog));
const micros = ((performance.now() - started) / labels.length) * 1000;

console.log(
  `questions in plain words, ${part} part (${labels.length} questions, seed + shipped world layer):`,
);
for (const line of report(scored)) console.log(line);
console.log(
  `reading and scoring one question: ${micros.toFixed(0)} µs on average (${store.catalog.data.partnerships.length} office partnerships + the world layer)`,
);
if (values.misses) for (const line of misses(scored)) console.log(line);
