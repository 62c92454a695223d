/**
 * Benchmark (issue 16, "your measured choice of method"): the hand-written reader, nlp.js trained in
 * process, and a mix of the two (question-methods.ts), side by side in one run on the same corpus
 * split: trained (the library) on the tune part, scored on the test part; the tune part's figures
 * are printed too (for the library they are on its own training questions, so only an upper bound).
 * Prints figures only, never the test part's questions.
 *
 *   npx tsx test/bench/question-methods.bench.ts
 *   npx tsx test/bench/question-methods.bench.ts --misses   also each miss of the tune part, per method
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import {
  corpusDispatcher,
  LANGUAGES,
  type Part,
  readPart,
  shippedStore,
} from '../fixtures/questions/corpus.ts';
import { chooseThreshold, METHODS, type Method, runMethod, trainLibrary } from './question-methods.ts';
import { misses, type Scored, tally } from './question-score.ts';

const { values } = parseArgs({ options: { misses: { type: 'boolean', default: false } } });

const store = await shippedStore();
const dispatcher = corpusDispatcher(store);
const catalog = store.catalog;
const tune = await readPart('tune');
const trained = await trainLibrary(tune);
const chosen = await chooseThreshold(tune);
// The reader needs no training; its fuzzy name index is built on the first question, not timed here.
dispatcher.read('warm up Prague');

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${Math.round((100 * part) / whole)}%`);

function figures(name: string, method: Method, part: Part, scored: readonly Scored[], ms: number[]): string {
  const byLang = LANGUAGES.map((lang) => {
    const t = tally(scored.filter((s) => s.label.lang === lang));
    return percent(t.right, t.n).padStart(5);
  });
  const all = tally(scored);
  const sorted = [...ms].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  const training = method === 'reader' ? '-' : `${(trained.ms / 1000).toFixed(1)} s`;
  return `  ${name.padEnd(12)} ${part.padEnd(5)} ${byLang.join('')} ${percent(all.right, all.n).padStart(5)} ${String(all.wrong).padStart(6)} ${String(all.unsure).padStart(7)} ${training.padStart(9)} ${mean.toFixed(2).padStart(7)} ${p95.toFixed(2).padStart(7)}`;
}

console.log(
  `how to read questions, compared (trained on the ${tune.length} tune questions, scored on the test part; seed + shipped world layer; node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x${cpus().length}):`,
);
console.log(
  `  ${'method'.padEnd(12)} ${'part'.padEnd(5)} ${LANGUAGES.map((l) => l.padStart(5)).join('')} ${'all'.padStart(5)} ${'wrong'.padStart(6)} ${'unsure'.padStart(7)} ${'training'.padStart(9)} ${'ms avg'.padStart(7)} ${'ms p95'.padStart(7)}`,
);
const test = await readPart('test');
const missed: string[] = [];
let languageGuess = '';
// The library and the mix at nlp.js's own threshold (0.5) and at the one chosen on the tune part.
const runs = METHODS.flatMap((method): { method: Method; threshold: number }[] =>
  method === 'reader'
    ? [{ method, threshold: 0 }]
    : [0.5, chosen].map((threshold) => ({ method, threshold })),
);
for (const { method, threshold } of runs) {
  trained.threshold = threshold;
  const name = method === 'reader' ? method : `${method} ${threshold}`;
  for (const [part, labels] of [
    ['tune', tune],
    ['test', test],
  ] as const) {
    const { scored, ms, languageRight } = await runMethod(method, labels, { dispatcher, catalog, trained });
    if (method === 'library' && part === 'test') languageGuess = `${languageRight} of ${labels.length}`;
    console.log(figures(name, method, part, scored, ms));
    if (values.misses && part === 'tune') missed.push(`== ${name}`, ...misses(scored));
  }
}
console.log(
  `  library/mix N: nlp.js's classifier answers at a score of N or more, else offers; ${chosen} was chosen by cross-validation on the tune part`,
);
console.log(
  '  right % per language and in all; wrong: a wrong command run with confidence (target 0); unsure: said what it understood and offered commands instead',
);
console.log(
  `  nlp.js guessed the language of ${languageGuess} test questions right (its guess picks the model that reads it)`,
);
for (const line of missed) console.log(line);
