import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import { storeFrom } from '../../fixtures/knowledge-base.ts';
import { questionStore } from './question-store.ts';

/**
 * The romanisers (wanakana, pinyin-pro, opencc-js: some 250 ms to load and build) are loaded by the
 * first question holding a name in kana or hanzi the data does not know, never by a question in a
 * Latin script. Each test file runs in a process of its own, so this one starts with none loaded.
 */
const loaded = () =>
  Object.keys(createRequire(import.meta.url).cache).filter((path) =>
    /node_modules[\\/](wanakana|pinyin-pro|opencc-js)[\\/]/.test(path),
  );

describe('loading the romanisers', () => {
  it('GIVEN questions in Latin scripts THEN no romaniser is loaded; GIVEN an unknown katakana name THEN wanakana is', async () => {
    const catalog = (await storeFrom(questionStore())).catalog;
    for (const text of [
      'Is Prague still twinned with Shanghai?',
      'Seit wann sind Prag und Taipeh Partnerstädte?',
      'Ktera partnerska mesta ma Pargue?',
    ])
      parseQuestion(text, catalog, commands);
    expect(loaded()).toEqual([]);
    parseQuestion('ボーレンゲの姉妹都市', catalog, commands);
    expect(loaded().some((path) => path.includes('wanakana'))).toBe(true);
  });
});
