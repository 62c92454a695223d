import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { matchChoice, parseCommandText } from '../../src/core/parse-command.ts';
import { translator } from '../../src/i18n/translator.ts';
import { Catalog } from '../../src/store/catalog.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { smallStore } from '../fixtures/knowledge-base.ts';

const english = translator('en');
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
      expect(result.message(english)).toContain('`agreement Prague Shanghai`');
  });

  it('GIVEN an unknown first word THEN reports it as an unknown command', () => {
    expect(parse('frobnicate prague')).toEqual({ ok: false, reason: 'unknown-command', word: 'frobnicate' });
  });
});

const invocationOf = (text: string) => {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got ${JSON.stringify(result)}`);
  return result.invocation;
};

const refusalOf = (text: string): string => {
  const result = parse(text);
  if (result.ok || result.reason !== 'bad-arguments')
    throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result)}`);
  return result.message(english);
};

describe('parseCommandText: write commands', () => {
  it('GIVEN record with two cities, a milestone and every keyword THEN a choice word ends the city names and each keyword takes its words', () => {
    expect(
      invocationOf(
        'record san francisco osaka termination 2008 by osaka reason x y source https://a.example/b',
      ),
    ).toEqual({
      command: 'record',
      args: {
        city: 'san francisco',
        with: 'osaka',
        milestone: 'termination',
        date: '2008',
        by: 'osaka',
        reason: 'x y',
        source: 'https://a.example/b',
      },
    });
  });

  it('GIVEN a milestone synonym THEN it still ends the city names, and is passed on as typed', () => {
    expect(invocationOf('record prague shanghai terminated 2020-01-14')).toEqual({
      command: 'record',
      args: { city: 'prague', with: 'shanghai', milestone: 'terminated', date: '2020-01-14' },
    });
  });

  it('GIVEN a reason that says "by" THEN the word stays in the reason, since `by` comes before `reason`', () => {
    expect(invocationOf('record prague shanghai termination reason agreed by both sides').args).toEqual({
      city: 'prague',
      with: 'shanghai',
      milestone: 'termination',
      reason: 'agreed by both sides',
    });
  });

  it('GIVEN a reason that says "source" not followed by a web address THEN the word stays in the reason', () => {
    const { args } = invocationOf(
      'record prague shanghai termination 2020 reason the source of funding ended',
    );
    expect(args.reason).toBe('the source of funding ended');
    expect(args.source).toBeUndefined();
  });

  it('GIVEN "source" followed by an http address after a reason THEN the reason ends there and the address is the source', () => {
    const { args } = invocationOf(
      'record prague shanghai termination 2020 reason see the site source http://a.example/x',
    );
    expect(args).toMatchObject({ reason: 'see the site', source: 'http://a.example/x' });
  });

  it('GIVEN "source" followed by something that is not an address THEN it is not a keyword and stays in the value before it', () => {
    expect(invocationOf('add prague / taipei signed 2001 source notaurl').args).toEqual({
      city: 'prague',
      with: 'taipei',
      signed: '2001 source notaurl',
    });
  });

  it('GIVEN a Slack-wrapped link after `source` THEN it is read as the source', () => {
    expect(invocationOf('add prague / taipei source <https://www.praha.eu/|praha.eu>').args.source).toBe(
      '<https://www.praha.eu/|praha.eu>',
    );
  });

  it('GIVEN --yes at the end, the start or in the middle THEN the invocation is confirmed and --yes is no argument', () => {
    for (const text of [
      'remove prague shanghai --yes',
      '--yes remove prague shanghai',
      'remove prague --YES shanghai',
    ]) {
      expect(invocationOf(text)).toEqual({
        command: 'remove',
        args: { city: 'prague', with: 'shanghai' },
        confirmed: true,
      });
    }
  });

  it('GIVEN no --yes THEN the invocation is not marked confirmed', () => {
    expect(invocationOf('remove prague shanghai')).not.toHaveProperty('confirmed');
  });

  it('GIVEN "city set" THEN the two-word command is found, with city, field and value', () => {
    expect(invocationOf('city set kitakami tz Asia/Tokyo')).toEqual({
      command: 'city set',
      args: { city: 'kitakami', field: 'tz', value: 'Asia/Tokyo' },
    });
  });

  it('GIVEN "city set" with a city name of several words and a value of several words THEN the field word splits them', () => {
    expect(invocationOf('city set concord, california region Contra Costa County').args).toEqual({
      city: 'concord, california',
      field: 'region',
      value: 'Contra Costa County',
    });
  });

  it('GIVEN "city" followed by a city THEN it is still the one-word city command', () => {
    expect(invocationOf('city kitakami')).toEqual({ command: 'city', args: { city: 'kitakami' } });
  });

  it('GIVEN "city set" without a field word THEN says which fields there are', () => {
    expect(refusalOf('city set kitakami Asia/Tokyo')).toContain('tz, region, country');
  });

  it('GIVEN alias with a trailing language code THEN the code is the language and the words before it the name', () => {
    expect(invocationOf('alias prague Nove Mesto cs').args).toEqual({
      city: 'prague',
      name: 'Nove Mesto',
      lang: 'cs',
    });
    expect(invocationOf('alias taipei Taibei zh-Hant').args).toEqual({
      city: 'taipei',
      name: 'Taibei',
      lang: 'zh-Hant',
    });
  });

  it('GIVEN alias without a language code THEN all the words are the name', () => {
    expect(invocationOf('alias prague Nove Mesto').args).toEqual({ city: 'prague', name: 'Nove Mesto' });
  });

  it('GIVEN alias whose only name word looks like a language code THEN it is the name, not a language', () => {
    expect(invocationOf('alias prague de').args).toEqual({ city: 'prague', name: 'de' });
  });

  it('GIVEN alias with a city of several words THEN the name index tells where the city ends', () => {
    expect(invocationOf('alias san francisco SF en').args).toEqual({
      city: 'san francisco',
      name: 'SF',
      lang: 'en',
    });
  });

  it('GIVEN history with no city, one city or a pair THEN parses to no argument, city, or city and with', () => {
    expect(invocationOf('history')).toEqual({ command: 'history', args: {} });
    expect(invocationOf('history san francisco')).toEqual({
      command: 'history',
      args: { city: 'san francisco' },
    });
    expect(invocationOf('history san francisco osaka')).toEqual({
      command: 'history',
      args: { city: 'san francisco', with: 'osaka' },
    });
  });

  it('GIVEN add with new cities separated by a slash THEN each keeps its country, with type and signing date', () => {
    expect(invocationOf('add Skövde, SE / Zhangjiakou, CN friendship_city signed 2015')).toEqual({
      command: 'add',
      args: { city: 'Skövde, SE', with: 'Zhangjiakou, CN', type: 'friendship_city', signed: '2015' },
    });
  });

  it('GIVEN words after the arguments that no argument takes THEN refuses, quoting them, with an example', () => {
    const message = refusalOf('add prague / taipei friendship_city 2015');
    expect(message).toContain('"2015"');
    expect(message).toContain('`add Skövde, SE / Zhangjiakou, CN friendship_city signed 2015`');
  });

  it('GIVEN a command that takes no arguments followed by words THEN refuses rather than ignoring them', () => {
    expect(refusalOf('undo the alias for Prague')).toContain('"the alias for Prague"');
  });

  it('GIVEN record without a milestone word THEN lists the milestones it knows', () => {
    const message = refusalOf('record prague shanghai 2020');
    expect(message).toContain('termination');
    expect(message).toContain('council_rejection');
  });
});

describe('matchChoice', () => {
  const type = commands.find((c) => c.name === 'add')?.args.find((a) => a.name === 'type');
  const milestone = commands.find((c) => c.name === 'record')?.args.find((a) => a.name === 'milestone');

  it('GIVEN a choice with capitals, dashes or spaces THEN finds the stored name', () => {
    if (!type) throw new Error('add has no type argument');
    expect(matchChoice(type, 'Sister-City')).toBe('sister_city');
    expect(matchChoice(type, 'friendship city')).toBe('friendship_city');
    expect(matchChoice(type, 'twin_town')).toBe('twin_town');
  });

  it('GIVEN a synonym THEN finds the choice it stands for', () => {
    if (!type || !milestone) throw new Error('missing arguments');
    expect(matchChoice(type, 'twin')).toBe('twin_town');
    expect(matchChoice(milestone, 'rejection')).toBe('council_rejection');
    expect(matchChoice(milestone, 'Phase-Out')).toBe('phase_out');
  });

  it('GIVEN a word that is no choice THEN finds nothing', () => {
    if (!type) throw new Error('add has no type argument');
    expect(matchChoice(type, 'banana')).toBeUndefined();
  });
});

describe('parseCommandText: the new kinds of answer (issue 16)', () => {
  it('GIVEN partners with `in` and a country code or name THEN the country is its own argument', () => {
    expect(parse('partners Prague in PL')).toEqual({
      ok: true,
      invocation: { command: 'partners', args: { city: 'Prague', country: 'PL' } },
    });
    expect(parse('partners San Francisco in Polsko')).toEqual({
      ok: true,
      invocation: { command: 'partners', args: { city: 'San Francisco', country: 'Polsko' } },
    });
  });

  it('GIVEN a city whose own name has "in" THEN the word stays in the name, unless a country follows', () => {
    const withNeumarkt = smallStore();
    withNeumarkt.cities.push({
      id: 'neumarkt-de',
      name: 'Neumarkt in der Oberpfalz',
      country: 'DE',
    });
    const neumarkt = new Catalog(StoreSchema.parse(withNeumarkt));
    expect(parseCommandText('partners Neumarkt in der Oberpfalz', commands, neumarkt)).toEqual({
      ok: true,
      invocation: { command: 'partners', args: { city: 'Neumarkt in der Oberpfalz' } },
    });
    expect(parseCommandText('partners Neumarkt in der Oberpfalz in France', commands, neumarkt)).toEqual({
      ok: true,
      invocation: { command: 'partners', args: { city: 'Neumarkt in der Oberpfalz', country: 'France' } },
    });
  });

  it('GIVEN partners with `in` and words that name no country THEN they are the country, for its reader to refuse', () => {
    expect(parse('partners Prague in Narnia')).toEqual({
      ok: true,
      invocation: { command: 'partners', args: { city: 'Prague', country: 'Narnia' } },
    });
  });

  it('GIVEN anniversaries with a pair and `turning N` THEN the pair are the cities and `turning N` the period', () => {
    expect(parse('anniversaries Prague / Taipei turning 10')).toEqual({
      ok: true,
      invocation: {
        command: 'anniversaries',
        args: { city: 'Prague', with: 'Taipei', window: 'turning 10' },
      },
    });
  });

  it('GIVEN anniversaries with a pair alone, or a pair and a period THEN each goes to its argument', () => {
    expect(parse('anniversaries Prague Taipei')).toEqual({
      ok: true,
      invocation: { command: 'anniversaries', args: { city: 'Prague', with: 'Taipei' } },
    });
    expect(parse('anniversaries san francisco / osaka next year turning 70')).toEqual({
      ok: true,
      invocation: {
        command: 'anniversaries',
        args: { city: 'san francisco', with: 'osaka', window: 'next year turning 70' },
      },
    });
  });

  it('GIVEN anniversaries with a period alone, or with words that are neither period nor city THEN they stay the period', () => {
    for (const window of ['2027', 'next 60 days', 'next year turning 50', 'next week', 'turning 0']) {
      expect(parse(`anniversaries ${window}`)).toEqual({
        ok: true,
        invocation: { command: 'anniversaries', args: { window } },
      });
    }
  });

  it('GIVEN a pair with `turning 0` THEN `turning 0` is the period, refused there, and no city', () => {
    expect(parse('anniversaries Prague / Taipei turning 0')).toMatchObject({
      ok: true,
      invocation: { args: { city: 'Prague', with: 'Taipei', window: 'turning 0' } },
    });
  });
});
