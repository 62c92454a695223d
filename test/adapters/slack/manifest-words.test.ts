import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { translator } from '../../../src/i18n/translator.ts';

const manifest = JSON.parse(
  await readFile(new URL('../../../src/adapters/slack/manifest.json', import.meta.url), 'utf8'),
);
const [twin] = manifest.features.slash_commands as { description: string; usage_hint: string }[];

/**
 * Slack's manifest has one description per slash command and no field for other languages, so it
 * keeps the English catalog's words; this test keeps the two from drifting apart.
 */
describe('Slack app manifest words', () => {
  it('GIVEN the /twin description THEN it is the English catalog’s, the same words Discord shows for /twin', () => {
    expect(twin?.description).toBe(translator('en').t('slash.public'));
    expect(twin?.description).toBe('Partner cities, anniversaries and the status of twinning agreements');
  });

  it('GIVEN the usage hint THEN each of its parts is an example of a registered command, typed as help shows it', () => {
    const examples = new Set(commands.flatMap((c) => c.examples));
    const parts = twin?.usage_hint.split(' | ') ?? [];
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.filter((part) => !examples.has(part))).toEqual([]);
  });

  it('GIVEN Slack’s limits THEN the description and hint fit (2,000 and 1,000 characters) and the app description 140', () => {
    expect(twin?.description.length).toBeLessThanOrEqual(2000);
    expect(twin?.usage_hint.length).toBeLessThanOrEqual(1000);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });
});
