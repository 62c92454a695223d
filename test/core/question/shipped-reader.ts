import { beforeAll, expect } from 'vitest';
import { commands } from '../../../commands/index.ts';
import type { Invocation } from '../../../src/core/parse-command.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import type { Catalog } from '../../../src/store/catalog.ts';
import { shippedStore } from '../../fixtures/questions/corpus.ts';

/**
 * The question reader on the shipped seed and world layer, whose 100,000 towns and their aliases are
 * what a word can be mistaken for, opened once per test file: `read` gives a question's reading,
 * `expectRun` checks that it runs the command expected.
 */
export function onShippedData() {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = (await shippedStore()).catalog;
  });
  const read = (text: string) => parseQuestion(text, catalog, commands);
  const expectRun = (text: string, expected: Invocation) => {
    const reading = read(text);
    expect(reading.sure ? reading.invocation : reading).toEqual(expected);
  };
  return { read, expectRun };
}
