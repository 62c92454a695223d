import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseCommandText } from '../../src/core/parse-command.ts';
import { Catalog } from '../../src/store/catalog.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { smallStore } from '../fixtures/knowledge-base.ts';

const catalog = new Catalog(StoreSchema.parse(smallStore()));
const parse = (text: string) => parseCommandText(text, commands, catalog);

describe('parseCommandText', () => {
  it('GIVEN a command and a city THEN the whole rest is the city argument', () => {
    expect(parse('partners  San Francisco')).toEqual({
      ok: true,
      invocation: { command: 'partners', args: { city: 'San Francisco' } },
    });
  });

  it('GIVEN a command name in capitals THEN still finds the command', () => {
    expect(parse('CITY prague')).toMatchObject({ ok: true, invocation: { command: 'city' } });
  });

  it('GIVEN agreement with two cities and no separator THEN splits them with the name index', () => {
    expect(parse('agreement san francisco osaka')).toEqual({
      ok: true,
      invocation: { command: 'agreement', args: { city: 'san francisco', with: 'osaka' } },
    });
  });

  it('GIVEN an optional argument left out THEN parses with no argument', () => {
    expect(parse('anniversaries')).toEqual({ ok: true, invocation: { command: 'anniversaries', args: {} } });
  });

  it('GIVEN a required argument left out THEN says what is needed with an example', () => {
    const result = parse('agreement');
    expect(result).toMatchObject({ ok: false, reason: 'bad-arguments' });
    if (!result.ok && result.reason === 'bad-arguments')
      expect(result.message).toContain('`agreement Prague Shanghai`');
  });

  it('GIVEN an unknown first word THEN reports it as an unknown command', () => {
    expect(parse('frobnicate prague')).toEqual({ ok: false, reason: 'unknown-command', word: 'frobnicate' });
  });
});
