import { beforeAll, expect } from 'vitest';
import { commands } from '../../../commands/index.ts';
import type { Invocation } from '../../../src/core/parse-command.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import type { Catalog } from '../../../src/store/catalog.ts';
import { storeFrom } from '../../fixtures/knowledge-base.ts';
import { shippedStore } from '../../fixtures/questions/corpus.ts';
import { questionStore } from './question-store.ts';

/**
 * The question reader on a catalog opened once per test file: `read` gives a question's reading,
 * `expectRun` checks that it runs the command expected.
 */
function readerOn(open: () => Promise<Catalog>) {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await open();
  });
  const read = (text: string) => parseQuestion(text, catalog, commands);
  const expectRun = (text: string, expected: Invocation) => {
    const reading = read(text);
    expect(reading.sure ? reading.invocation : reading).toEqual(expected);
  };
  return { read, expectRun };
}

/** On the shipped seed and world layer, whose 100,000 towns and their aliases are what a word can be mistaken for. */
export const onShippedData = () => readerOn(async () => (await shippedStore()).catalog);

/** On the small question store (see question-store.ts), with Prague as the home city. */
export const onQuestionStore = () => readerOn(async () => (await storeFrom(questionStore())).catalog);
