import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.ts';
import type { ArgSpec } from '../../src/core/command.ts';
import { type ArgScope, type Resolved, resolveArg } from '../../src/core/resolve-arg.ts';
import { translator } from '../../src/i18n/translator.ts';
import { Catalog } from '../../src/store/catalog.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { operator, smallStore } from '../fixtures/knowledge-base.ts';

const catalog = new Catalog(StoreSchema.parse(smallStore()));
const today = Temporal.PlainDate.from('2026-11-26');
const scope = (caller: Caller = operator): ArgScope => ({ catalog, caller, today, tr: translator('en') });

const spec = (kind: ArgSpec['kind'], extra: Partial<ArgSpec> = {}): ArgSpec => ({
  name: kind === 'text' ? 'reason' : kind,
  kind,
  // Its words are `record`'s: `reason` is "the reason given".
  command: 'record',
  required: true,
  ...extra,
});

function resolvedValue(resolved: Resolved): unknown {
  if ('reply' in resolved) throw new Error(`expected a value, got ${JSON.stringify(resolved.reply)}`);
  return resolved.value;
}

function refusalOf(resolved: Resolved): { text: string; field: string | undefined } {
  if (!('reply' in resolved)) throw new Error(`expected a refusal, got ${JSON.stringify(resolved.value)}`);
  expect(resolved.reply.kind).toBe('error');
  return { text: JSON.stringify(resolved.reply.text), field: resolved.reply.field };
}

describe('resolveArg: text', () => {
  it('GIVEN text with line breaks and hidden characters THEN keeps the visible text on one line', () => {
    expect(resolvedValue(resolveArg(spec('text'), ' Prague\nrefused\u202E it\u0007 ', scope()))).toBe(
      'Prague refused it',
    );
  });

  it('GIVEN text of exactly 2,000 characters THEN accepts it; one more THEN refuses naming the length and the limit', () => {
    expect(resolvedValue(resolveArg(spec('text'), 'x'.repeat(2000), scope()))).toHaveLength(2000);
    const refusal = refusalOf(resolveArg(spec('text'), 'x'.repeat(2001), scope()));
    expect(refusal.text).toContain('2001 characters long; the limit is 2,000');
    expect(refusal.field).toBe('reason');
  });

  it('GIVEN a declared limit THEN uses it instead of the default', () => {
    const name = spec('text', { name: 'name', command: 'alias', maxLength: 200 });
    expect(resolvedValue(resolveArg(name, 'n'.repeat(200), scope()))).toHaveLength(200);
    const refusal = refusalOf(resolveArg(name, 'n'.repeat(201), scope()));
    expect(refusal.text).toContain('The other name is 201 characters long; the limit is 200.');
    expect(refusal.field).toBe('name');
  });

  it('GIVEN hidden characters around text at the limit THEN they do not count toward it', () => {
    expect(resolvedValue(resolveArg(spec('text'), `\u202E${'x'.repeat(2000)}\u202C`, scope()))).toHaveLength(
      2000,
    );
  });

  it('GIVEN only hidden characters THEN refuses the text as empty', () => {
    expect(refusalOf(resolveArg(spec('text'), '\u200F\u202E', scope())).text).toContain('is empty');
  });
});

describe('resolveArg: url', () => {
  it('GIVEN an http or https address THEN accepts it as typed', () => {
    expect(resolvedValue(resolveArg(spec('url'), 'https://www.praha.eu/x?y=1', scope()))).toBe(
      'https://www.praha.eu/x?y=1',
    );
    expect(resolvedValue(resolveArg(spec('url'), 'http://a.example/b', scope()))).toBe('http://a.example/b');
  });

  it('GIVEN a Slack link with or without a label THEN unwraps the address', () => {
    expect(resolvedValue(resolveArg(spec('url'), '<https://www.praha.eu/|praha.eu>', scope()))).toBe(
      'https://www.praha.eu/',
    );
    expect(resolvedValue(resolveArg(spec('url'), '<https://a.example/b>', scope()))).toBe(
      'https://a.example/b',
    );
  });

  it('GIVEN an address of another scheme, or no address THEN refuses asking for http:// or https://', () => {
    for (const text of ['ftp://a.example/b', 'javascript:alert(1)', 'file:///etc/passwd', 'www.praha.eu']) {
      const refusal = refusalOf(resolveArg(spec('url'), text, scope()));
      expect(refusal.text).toContain('http:// or https://');
      expect(refusal.field).toBe('url');
    }
  });

  it('GIVEN an address with spaces in it (words that followed it) THEN refuses it as no web address', () => {
    expect(refusalOf(resolveArg(spec('url'), 'https://a.example/x reason late', scope())).text).toContain(
      'not a web address',
    );
  });
});

describe('resolveArg: lang, choice, date, staff-id', () => {
  it('GIVEN language tags THEN accepts known two-letter languages with subtags, refuses unknown ones', () => {
    expect(resolvedValue(resolveArg(spec('lang'), 'zh-Hant', scope()))).toBe('zh-Hant');
    expect(resolvedValue(resolveArg(spec('lang'), 'cs', scope()))).toBe('cs');
    expect(refusalOf(resolveArg(spec('lang'), 'xx', scope())).text).toContain('not a language code');
    expect(refusalOf(resolveArg(spec('lang'), 'and', scope())).text).toContain('not a language code');
  });

  it('GIVEN a choice synonym THEN resolves to the stored choice; an unknown word THEN lists the choices', () => {
    const milestone = spec('choice', {
      name: 'milestone',
      choices: ['signing', 'termination'],
      synonyms: { terminated: 'termination' },
    });
    expect(resolvedValue(resolveArg(milestone, 'Terminated', scope()))).toBe('termination');
    const refusal = refusalOf(resolveArg(milestone, 'exploded', scope()));
    expect(refusal.text).toContain('signing, termination');
    expect(refusal.field).toBe('milestone');
  });

  it('GIVEN a date in words THEN keeps its precision; an impossible date THEN refuses it', () => {
    expect(resolvedValue(resolveArg(spec('date'), 'June 2015', scope()))).toBe('2015-06');
    expect(refusalOf(resolveArg(spec('date'), '2015-02-30', scope())).text).toContain(
      'not a real calendar date',
    );
  });

  it('GIVEN a mention THEN reads it for the caller’s platform', () => {
    expect(
      resolvedValue(
        resolveArg(spec('staff-id'), '<@U0123ABCD|ana>', scope({ platform: 'slack', userId: 'UOFFICE' })),
      ),
    ).toBe('slack:U0123ABCD');
    expect(
      resolvedValue(resolveArg(spec('staff-id'), '<@&456>', scope({ platform: 'discord', userId: '1' }))),
    ).toBe('discord:role:456');
  });
});

describe('resolveArg: city and place', () => {
  it('GIVEN a known city in another language THEN resolves it', () => {
    expect(resolvedValue(resolveArg(spec('city'), 'Praha', scope()))).toMatchObject({ id: 'prague-cz' });
  });

  it('GIVEN a name two cities share THEN refuses listing both with their ids', () => {
    const resolved = resolveArg(spec('city'), 'Concord', scope());
    const refusal = refusalOf(resolved);
    expect(refusal.text).toContain('could be 2 cities');
    const rows = 'reply' in resolved ? resolved.reply.sections?.[0]?.rows.map((r) => r.detail) : [];
    expect(rows).toEqual(['concord-california-us', 'concord-massachusetts-us']);
  });

  it('GIVEN a name longer than 200 characters THEN refuses naming the limit of 200', () => {
    expect(
      refusalOf(
        resolveArg(spec('place', { name: 'city', command: 'add' }), `${'a'.repeat(198)}, SE`, scope()),
      ).text,
    ).toContain('the limit is 200');
  });

  it('GIVEN a known city for a place THEN it is the known city', () => {
    expect(resolvedValue(resolveArg(spec('place'), 'Kitakami', scope()))).toMatchObject({
      kind: 'known',
      city: { id: 'kitakami-jp' },
    });
  });

  it('GIVEN a new city with its country code or name THEN it is a new place with that country', () => {
    expect(resolvedValue(resolveArg(spec('place'), 'Skövde, SE', scope()))).toEqual({
      kind: 'new',
      name: 'Skövde',
      country: 'SE',
    });
    expect(resolvedValue(resolveArg(spec('place'), 'Zhangjiakou, China', scope()))).toEqual({
      kind: 'new',
      name: 'Zhangjiakou',
      country: 'CN',
    });
  });

  it('GIVEN a new city with region and country THEN keeps the region', () => {
    expect(resolvedValue(resolveArg(spec('place'), 'Springfield, Illinois, US', scope()))).toEqual({
      kind: 'new',
      name: 'Springfield',
      region: 'Illinois',
      country: 'US',
    });
  });

  it('GIVEN a new city whose name or region has no letter or digit THEN refuses saying which and what to give', () => {
    expect(refusalOf(resolveArg(spec('place'), '???, SE', scope())).text).toContain(
      'The new city\'s name \\"???\\" has no letters or digits',
    );
    expect(refusalOf(resolveArg(spec('place'), 'Springfield, --, US', scope())).text).toContain(
      'The region \\"--\\" has no letters or digits: give the region\'s name, or leave it out (\\"Springfield, US\\")',
    );
  });

  it('GIVEN an unknown city without a country THEN refuses and says how to add it as new', () => {
    expect(refusalOf(resolveArg(spec('place'), 'Atlantis', scope())).text).toContain(
      'give its country code after a comma, e.g. \\"Atlantis, SE\\"',
    );
  });

  it('GIVEN an unknown city with a word that is no country THEN refuses rather than inventing one', () => {
    expect(refusalOf(resolveArg(spec('place'), 'Atlantis, Nowhere', scope())).text).toContain(
      'No city named \\"Atlantis, Nowhere\\"',
    );
  });
});

describe("resolveArg in the reader's language", () => {
  const inLanguage = (lang: 'de' | 'cs' | 'ja'): ArgScope => ({ ...scope(), tr: translator(lang) });
  const textOf = (resolved: Resolved) => ('reply' in resolved ? resolved.reply.text : undefined);

  it.each([
    ['de', '„2015-02-30“ ist kein gültiges Kalenderdatum.'],
    ['cs', '„2015-02-30“ není platné kalendářní datum.'],
    ['ja', '「2015-02-30」は実在する日付ではありません。'],
  ] as const)(
    'GIVEN a %s reader and a day that does not exist THEN says so in that language',
    (lang, expected) => {
      expect(textOf(resolveArg(spec('date'), '2015-02-30', inLanguage(lang)))).toBe(expected);
    },
  );

  it('GIVEN a German reader and text over the limit THEN names the argument by its kind and the limit in German digits', () => {
    expect(textOf(resolveArg(spec('text'), 'x'.repeat(2001), inLanguage('de')))).toBe(
      'Die Angabe für einen Text ist 2001 Zeichen lang; erlaubt sind höchstens 2.000.',
    );
  });

  it('GIVEN a Czech reader and a period it cannot read THEN says what periods look like, in Czech', () => {
    expect(textOf(resolveArg(spec('window'), 'someday', inLanguage('cs')))).toBe(
      '„someday“ není období, které znám. Zkuste `next 60 days`, `2027`, `2027-06`, `2027 h1`, `today`, `this month` nebo `next year`.',
    );
  });
});

describe('resolveArg: country', () => {
  const country = {
    ...spec('country'),
    command: 'partners',
    name: 'country',
    keyword: 'in',
    required: false,
  };

  it('GIVEN an ISO code, an alpha-3 code or a name in any of our languages THEN the alpha-2 code', () => {
    for (const text of [
      'PL',
      'pl',
      'POL',
      'Poland',
      'Polen',
      'Pologne',
      'Polonia',
      'Polsko',
      'ポーランド',
      '波兰',
    ])
      expect(resolvedValue(resolveArg(country, text, scope())), text).toBe('PL');
  });

  it('GIVEN words that name no country THEN refuses on the country field, saying how to write one', () => {
    expect(refusalOf(resolveArg(country, 'Narnia', scope()))).toEqual({
      text: JSON.stringify(
        'I know no country "Narnia": write its two-letter ISO code (PL, FR, JP) or its name, such as Poland.',
      ),
      field: 'country',
    });
  });
});
