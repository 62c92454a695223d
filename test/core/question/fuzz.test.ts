import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import type { Catalog } from '../../../src/store/catalog.ts';
import { storeFrom } from '../../fixtures/knowledge-base.ts';
import { questionStore } from './question-store.ts';

/**
 * Not the speed target (the bench measures that, beside its references): a bound a parse that grows
 * out of hand with the text's length would break, with room for a test machine busy with other work.
 */
const BUDGET_MS = 50;
/** Words the parser reacts to, so generated text reaches city look-ups, typos and cue tables, not only noise. */
const WORDS = [
  'is',
  'Prague',
  'pargue',
  'still',
  'twinned',
  'with',
  'Shanghai',
  'Concord',
  'our',
  'anniversaries',
  'next',
  '60',
  'days',
  'turn',
  '50th',
  'Le',
  'Mans',
  'Gyöngyös',
  '北上市',
  'Atlantis',
  'where',
  'partners',
  '?',
  '-',
  "'s",
];

const TEXT = fc.oneof(
  fc.string({ maxLength: 2000, unit: 'grapheme' }),
  fc.string({ maxLength: 2000, unit: 'binary' }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 400 }).map((w) => w.join(' ').slice(0, 2000)),
);

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await storeFrom(questionStore())).catalog;
  // Steady state is what is timed: indexes are built on first use and the JIT compiles hot paths.
  for (const text of fc.sample(TEXT, { numRuns: 200, seed: 1 })) parseQuestion(text, catalog, commands);
});

describe('the question parser on any text', () => {
  it(`GIVEN any string up to 2,000 characters THEN it returns a reading, never throws, within ${BUDGET_MS} ms`, () => {
    let slowest = 0;
    fc.assert(
      fc.property(TEXT, (input) => {
        const reading = parseQuestion(input, catalog, commands);
        expect(typeof reading.sure).toBe('boolean');
        const took = parseTime(input);
        slowest = Math.max(slowest, took);
        expect(took).toBeLessThan(BUDGET_MS);
      }),
      { numRuns: 300 },
    );
    console.log(`slowest parse: ${slowest.toFixed(2)} ms`);
  });
});

/**
 * The parse time of one text: the parse is deterministic, so a slow call is timed again (best of five)
 * before it counts, and a garbage-collection pause in the test process is not charged to it.
 */
function parseTime(text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 5 && best >= BUDGET_MS; attempt++) {
    const started = performance.now();
    parseQuestion(text, catalog, commands);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
