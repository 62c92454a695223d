import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { usage } from '../../src/core/command.ts';
import { askSmall } from './seed-answers.ts';

describe('help', () => {
  it('GIVEN help THEN lists every registered command with its usage', async () => {
    const text = await askSmall('help');
    for (const command of commands) expect(text).toContain(usage(command));
  });

  it('GIVEN help for one command THEN shows its arguments and examples', async () => {
    const text = await askSmall('help agreement');
    expect(text).toContain('agreement <city> <with>');
    expect(text).toContain('`agreement san francisco osaka`');
  });

  it('GIVEN help for an unknown command THEN says so', async () => {
    expect(await askSmall('help fly')).toContain('There is no command "fly"');
  });
});

describe('search', () => {
  it('GIVEN part of a name in another language THEN finds the city', async () => {
    expect(await askSmall('search prah')).toContain('Prague, Czechia');
  });

  it('GIVEN a typo THEN still finds the city', async () => {
    expect(await askSmall('search san fransisco')).toContain('San Francisco, California, United States');
  });

  it('GIVEN no match THEN says so', async () => {
    expect(await askSmall('search qqqqzz')).toContain('No city matches');
  });
});
