import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { slashCommands, subcommandName } from '../../../src/adapters/discord/command-json.ts';
import { slashUsage } from '../../../src/adapters/discord/slash-usage.ts';
import { type ArgDecl, type Command, defineCommand } from '../../../src/core/command.ts';
import { answer } from '../../../src/core/reply.ts';

type Option = {
  name: string;
  type: number;
  required?: boolean;
  autocomplete?: boolean;
  description: string;
  options?: Option[];
};

const optionsOf = (command: { options?: unknown } | undefined): Option[] =>
  (command?.options ?? []) as Option[];

/** A registry command made up for a test; its name must be a real one, whose words the catalogs have. */
function fake(overrides: Partial<Command<readonly ArgDecl[]>>): Command {
  return defineCommand({
    name: 'help',
    args: [],
    examples: ['help'],
    permission: 'everyone',
    handler: () => answer({ text: 'ok' }),
    ...overrides,
  } as Command<readonly ArgDecl[]>);
}

describe('slash command JSON generated from the registry', () => {
  const [twin, staff] = slashCommands(commands);
  const sub = (name: string) => optionsOf(twin).find((o) => o.name === name) as Option;

  it('GIVEN the registry THEN /twin holds every everyone-command as a subcommand, in registry order', () => {
    expect(twin?.name).toBe('twin');
    expect(optionsOf(twin).map((o) => [o.name, o.type])).toEqual(
      commands.filter((c) => c.permission === 'everyone').map((c) => [subcommandName(c), 1]),
    );
    expect(twin?.default_member_permissions).toBeUndefined();
  });

  it('GIVEN agreement THEN city and with are required strings with autocomplete, then an optional share boolean', () => {
    expect(sub('agreement').options?.map((o) => [o.name, o.type, o.required, o.autocomplete])).toEqual([
      ['city', 3, true, true],
      ['with', 3, true, true],
      ['share', 5, false, undefined],
    ]);
  });

  it('GIVEN partners THEN an optional city with autocomplete, an optional country and page without, named in each language', () => {
    const options = sub('partners').options ?? [];
    expect(options.map((o) => [o.name, o.type, o.required, o.autocomplete])).toEqual([
      ['city', 3, false, true],
      ['country', 3, false, undefined],
      ['page', 3, false, undefined],
      ['share', 5, false, undefined],
    ]);
    const country = options[1] as Option & { name_localizations?: Record<string, string> };
    expect(country.name_localizations).toMatchObject({ de: 'land', fr: 'pays', ja: '国' });
    const page = options[2] as Option & { name_localizations?: Record<string, string> };
    expect(page.name_localizations).toMatchObject({ de: 'seite', cs: 'strana', ja: 'ページ' });
  });

  it('GIVEN anniversaries THEN an optional window string without autocomplete, after the optional pair of cities', () => {
    const options = sub('anniversaries').options ?? [];
    expect(options.map((o) => o.name)).toEqual(['city', 'with', 'window', 'share']);
    expect(options[2]).toMatchObject({ name: 'window', type: 3, required: false });
    expect(options[2]?.autocomplete).toBeUndefined();
    expect(options[0]).toMatchObject({ name: 'city', type: 3, required: false, autocomplete: true });
  });

  it('GIVEN the staff-only home command THEN it is under /twin-staff, shown by default to Manage Server (32), guilds only', () => {
    expect(staff?.name).toBe('twin-staff');
    expect(staff?.default_member_permissions).toBe('32');
    expect(staff?.contexts).toEqual([0]);
    expect(optionsOf(staff).map((o) => o.name)).toEqual(
      commands.filter((c) => c.permission === 'staff').map((c) => c.name.replace(' ', '-')),
    );
    expect(optionsOf(staff).map((o) => o.name)).toContain('home');
    expect(optionsOf(staff).map((o) => o.name)).toContain('city-set');
  });

  it('GIVEN every name and description THEN within Discord rules (lowercase ≤ 32, description 1-100)', () => {
    const all = slashCommands(commands).flatMap((c) => [
      c as unknown as Option,
      ...optionsOf(c),
      ...optionsOf(c).flatMap((o) => o.options ?? []),
    ]);
    for (const o of all) {
      expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('GIVEN an optional argument declared before a required one THEN the required one is sent first', () => {
    const [cmd] = slashCommands([
      fake({
        name: 'record',
        args: [
          { name: 'date', kind: 'date', required: false },
          { name: 'city', kind: 'city', required: true },
        ],
      }),
    ]);
    expect(optionsOf(cmd)[0]?.options?.map((o) => o.name)).toEqual(['city', 'date', 'share']);
  });

  it('GIVEN a name Discord refuses (uppercase) or the reserved "share" THEN generation fails before any request', () => {
    expect(() => slashCommands([fake({ name: 'Partners' })])).toThrow(
      /cannot be a Discord command or option name/,
    );
    expect(() => slashCommands([fake({ args: [{ name: 'share', kind: 'text', required: false }] })])).toThrow(
      /reserved/,
    );
  });
});

describe('slashUsage', () => {
  it.each([
    ['partners prague-cz', '/twin partners city:prague-cz'],
    ['anniversaries 2027', '/twin anniversaries window:2027'],
    ['agreement <city> <with>', '/twin agreement city:<city> with:<with>'],
    ['anniversaries [window]', '/twin anniversaries window:[window]'],
    ['help', '/twin help'],
    ['home <city>', '/twin-staff home city:<city>'],
    ['city set <city> <field> <value>', '/twin-staff city-set city:<city> field:<field> value:<value>'],
    ['search new york', '/twin search text:new york'],
    ['agreement san francisco osaka', 'agreement san francisco osaka'],
    ['staff add', 'staff add'],
    ['partners Buffalo in PL', '/twin partners city:Buffalo country:PL'],
    ['anniversaries next year turning 50', '/twin anniversaries window:next year turning 50'],
    ['anniversaries Prague / Taipei turning 10', 'anniversaries Prague / Taipei turning 10'],
  ])('GIVEN "%s" THEN "%s"', (text, expected) => {
    expect(slashUsage(text, commands)).toBe(expected);
  });
});

describe('slashUsage in the reader’s language', () => {
  it.each([
    ['de', 'partners prague-cz', '/twin partnerstädte stadt:prague-cz'],
    ['de', 'agreement <city> <with>', '/twin vereinbarung stadt:<city> partner:<with>'],
    [
      'cs',
      'city set <city> <field> <value>',
      '/twin-staff upravit-město město:<city> pole:<field> hodnota:<value>',
    ],
    ['ja', 'anniversaries 2027', '/twin 記念日 期間:2027'],
    ['de', 'partners Buffalo in PL', '/twin partnerstädte stadt:Buffalo land:PL'],
    ['zh-Hans', 'search new york', '/twin 搜索 关键词:new york'],
    ['fr', 'help', '/twin aide'],
    ['de', 'agreement san francisco osaka', 'agreement san francisco osaka'],
  ] as const)(
    'GIVEN %s and "%s" THEN the names that reader’s command picker shows: "%s"',
    (lang, text, expected) => {
      expect(slashUsage(text, commands, lang)).toBe(expected);
    },
  );
});
