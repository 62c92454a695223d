import { readFile } from 'node:fs/promises';
import type { Lang } from '../../src/i18n/languages.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { dispatcherFor, operator } from '../fixtures/knowledge-base.ts';

/** Answers a command over a copy of the shipped seed, as plain text, on a fixed day. */
export async function askSeed(text: string, today = '2026-11-26', lang?: Lang): Promise<string> {
  const seed = JSON.parse(await readFile(SEED_PATH, 'utf8')) as StoreInput;
  const { dispatcher } = await dispatcherFor(seed, today);
  return renderPlain(await dispatcher.answerText(text, { ...operator, ...(lang && { lang }) }));
}

export async function askSmall(text: string, today = '2026-11-26', lang?: Lang): Promise<string> {
  const { dispatcher } = await dispatcherFor(undefined, today);
  return renderPlain(await dispatcher.answerText(text, { ...operator, ...(lang && { lang }) }));
}

/** The same, asked by a reader of `lang` (as `--lang` or a platform's locale would set it). */
export const askSeedIn = (lang: Lang, text: string, today?: string) => askSeed(text, today, lang);
export const askSmallIn = (lang: Lang, text: string, today?: string) => askSmall(text, today, lang);
