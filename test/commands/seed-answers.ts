import { readFile } from 'node:fs/promises';
import { renderPlain } from '../../src/render/plain.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { dispatcherFor, operator } from '../fixtures/knowledge-base.ts';

/** Answers a command over a copy of the shipped seed, as plain text, on a fixed day. */
export async function askSeed(text: string, today = '2026-11-26'): Promise<string> {
  const seed = JSON.parse(await readFile(SEED_PATH, 'utf8')) as StoreInput;
  const { dispatcher } = await dispatcherFor(seed, today);
  return renderPlain(await dispatcher.answerText(text, operator));
}

export async function askSmall(text: string, today = '2026-11-26'): Promise<string> {
  const { dispatcher } = await dispatcherFor(undefined, today);
  return renderPlain(await dispatcher.answerText(text, operator));
}
