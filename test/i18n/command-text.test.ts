import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { argDescription, choiceName, commandSummary, commandTextKeys } from '../../src/i18n/command-text.ts';
import { catalogOf, translator } from '../../src/i18n/translator.ts';

/** Every key of a catalog, dotted: `command.city-set.arg.field`. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

const english = new Set(keysOf(catalogOf('en')));
const needed = commands.flatMap(commandTextKeys);

// The catalogs test then holds every other language to English's keys.
describe('the words of every command, in the English catalog', () => {
  it('GIVEN every registry command THEN English has its summary, each argument and each choice', () => {
    expect(needed.filter((key) => !english.has(key))).toEqual([]);
    expect(needed).toContain('command.city-set.choice.field.tz');
    expect(needed).toContain('command.record.arg.source');
  });

  it('GIVEN the command section THEN it holds nothing for a command, argument or choice the registry lacks', () => {
    const declared = new Set(needed);
    expect([...english].filter((key) => key.startsWith('command.') && !declared.has(key))).toEqual([]);
  });

  it('GIVEN a German reader THEN a summary, an argument and a choice read in German', () => {
    const de = translator('de');
    const record = commands.find((c) => c.name === 'record');
    const milestone = record?.args.find((a) => a.name === 'milestone');
    if (!record || !milestone) throw new Error('record and its milestone argument are in the registry');
    expect(commandSummary(de, record)).toBe(
      'Meilenstein einer Partnerschaft erfassen (Unterzeichnung, Erneuerung, Aussetzung, Beendigung …)',
    );
    expect(argDescription(de, milestone)).toBe('was geschehen ist');
    expect(choiceName(de, milestone, 'council_rejection')).toBe('Ablehnung durch den Stadtrat');
  });
});
