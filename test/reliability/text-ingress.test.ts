import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { City } from '../../src/domain/city.ts';
import { inputBlockId } from '../../src/render/slack-form.ts';
import { importCsv } from '../../src/store/import-csv.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { Store } from '../../src/store/store.ts';
import { startBot } from '../adapters/discord/harness.ts';
import { startHttpHarness } from '../adapters/slack/harness.ts';
import type { ApiCall } from '../fakes/slack-api.ts';
import { viewSubmission } from '../fakes/slack-requests.ts';
import { answerText, editingDispatcher, errorText } from '../fixtures/edit-dispatcher.ts';
import { smallStore } from '../fixtures/knowledge-base.ts';

/**
 * Issue 12, item 9: text from every way in (chat lines, CSV cells, Slack form boxes, Discord options)
 * is cleaned the same way before it is stored or looked up, and no text in a CSV city name is moved
 * or dropped without a word.
 */

const ESC = '\u001B';
const RED = `${ESC}[31m`;
const RESET = `${ESC}[0m`;
/** Characters that draw nothing: zero-width space, BOM, word joiner, zero-width joiner, soft hyphen. */
const INVISIBLE = ['\u200B', '\uFEFF', '\u2060', '\u200D', '\u00AD'];
const hex = (char: string) => `U+${char.codePointAt(0)?.toString(16).toUpperCase()}`;

const cityIds = (data: { cities: City[] }) => data.cities.map((c) => c.id).sort();

describe('chat, the shell and `twinbot ask`: lines through the dispatcher', () => {
  it.each(INVISIBLE.map((char) => [hex(char), char]))(
    'GIVEN "add Prague, CZ / Nablus" with %s inside "Prague" THEN the partnership is with the Prague already known, and no second Prague is created',
    async (_label, char) => {
      const { ask, store } = await editingDispatcher();
      const before = cityIds(store.catalog.data);

      const reply = answerText(await ask(`add Pra${char}gue, CZ / Nablus`));

      expect(reply).toContain('Added the partnership Nablus – Prague.');
      expect(store.catalog.partnershipBetween('prague-cz', 'nablus-ps')).toBeDefined();
      expect(cityIds(store.catalog.data)).toEqual(before);
    },
  );

  it('GIVEN "city Pra\\u200Bgue" THEN it answers about Prague', async () => {
    const { ask } = await editingDispatcher();

    const reply = answerText(await ask('city Pra\u200Bgue'));

    expect(reply.split('\n')[0]).toBe('Prague, Czechia');
  });

  it('GIVEN a Persian name stored with its zero-width non-joiner THEN it is found typed with or without it', async () => {
    const data = smallStore();
    data.cities.push({
      id: 'khorramabad-ir',
      name: 'Khorramabad',
      country: 'IR',
      names: [{ name: 'خرم\u200Cآباد' }],
    });
    const { ask } = await editingDispatcher(data);

    expect(answerText(await ask('city خرمآباد')).split('\n')[0]).toBe('Khorramabad, Iran');
    expect(answerText(await ask('city خرم\u200Cآباد')).split('\n')[0]).toBe('Khorramabad, Iran');
  });

  it('GIVEN a store written before cleaning, holding "Pra\\u200Bgue" THEN "add Prague, CZ / Nablus" joins that city instead of creating another', async () => {
    const data = smallStore();
    data.cities = data.cities.map((c) => (c.id === 'prague-cz' ? { ...c, name: 'Pra\u200Bgue' } : c));
    const { ask, store } = await editingDispatcher(data);

    answerText(await ask('add Prague, CZ / Nablus'));

    expect(store.catalog.partnershipBetween('prague-cz', 'nablus-ps')).toBeDefined();
    expect(store.catalog.data.cities.filter((c) => c.country === 'CZ')).toHaveLength(1);
  });

  it('GIVEN an alias wrapped in colour escapes THEN the name is stored without the escape sequences', async () => {
    const { ask, store } = await editingDispatcher();

    answerText(await ask(`alias Prague ${RED}Prag-Stadt${RESET} de`));

    expect(store.catalog.city('prague-cz')?.names).toContainEqual({
      name: 'Prag-Stadt',
      lang: 'de',
      kind: 'alias',
    });
  });

  it('GIVEN a reason with a right-to-left override, a zero-width space, a bell and escapes THEN the stored reason is the visible text', async () => {
    const { ask, store } = await editingDispatcher();

    answerText(
      await ask(
        `record Prague Taipei suspension 2022 reason council\u202E vote\u200B\u0007 ${RED}taken${RESET}`,
      ),
    );

    const taipei = store.catalog.partnershipBetween('prague-cz', 'taipei-tw');
    expect(taipei?.milestones.find((m) => m.kind === 'suspension')?.reason).toBe('council vote taken');
  });

  it('GIVEN "city set Prague region" with a no-break space and a zero-width space THEN the region is stored with plain spaces', async () => {
    const { ask, store } = await editingDispatcher();

    answerText(await ask('city set Prague region Hlavní\u00A0město\u200B Praha'));

    expect(store.catalog.city('prague-cz')?.region).toBe('Hlavní město Praha');
  });

  it('GIVEN a new city whose name has no letter or digit THEN it is refused and nothing is stored', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();

    const reply = errorText(await ask('add !!!, SE / Nablus'));

    expect(reply).toContain(`The new city's name "!!!" has no letters or digits`);
    expect(await fileText()).toBe(before);
  });

  it('GIVEN a name of 200 letters padded with invisible characters THEN it counts 200 and is accepted; 201 letters are refused', async () => {
    const { ask, store } = await editingDispatcher();
    const name = `${'n'.repeat(100)}${'\u200B'.repeat(20)}${'n'.repeat(100)}`;

    answerText(await ask(`alias Prague ${name}`));
    const refused = errorText(await ask(`alias Prague ${'m'.repeat(201)}`));

    expect(store.catalog.city('prague-cz')?.names.at(-1)?.name).toBe('n'.repeat(200));
    expect(refused).toContain('201 characters long; the limit is 200');
  });
});

describe('CSV import', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const PRAGUE: City = { id: 'prague-cz', name: 'Prague', names: [], country: 'CZ' };
  const PADERBORN: City = { id: 'paderborn-de', name: 'Paderborn', names: [], country: 'DE' };
  const OPTIONS = { sourceTitle: 'partners.csv', actor: 'tester', platform: 'cli' } as const;

  async function storeWith(cities: City[] = []): Promise<Store> {
    const dir = await mkdtemp(join(tmpdir(), 'twinbot-text-'));
    dirs.push(dir);
    return Store.create(join(dir, 'store.json'), { version: 1, cities, partnerships: [] });
  }

  it('GIVEN controls, escapes, bidi overrides and zero-width characters in every kind of cell THEN only the visible text is stored', async () => {
    const store = await storeWith();
    const csv = [
      'city_a,country_a,city_b,country_b,signed,status,status_date,status_by,reason,note,source',
      `${RED}Lyon${RESET},F\u200BR,Mi\u202Elan,IT,19\u200B66,terminated,2020,b,"one-China\u0007 clause${RESET}","first line\nsecond\u00AD line",\uFEFFCity archive\u2060`,
    ].join('\n');

    const report = await importCsv(store, csv, OPTIONS);

    expect(report.rejected).toEqual([]);
    expect(store.catalog.city('lyon-fr')?.name).toBe('Lyon');
    expect(store.catalog.city('milan-it')?.name).toBe('Milan');
    const p = store.catalog.partnershipBetween('lyon-fr', 'milan-it');
    expect(p?.milestones.map((m) => [m.kind, m.date, m.reason])).toEqual([
      ['signing', '1966', undefined],
      ['termination', '2020', 'one-China clause'],
    ]);
    expect(p?.notes).toBe('first line second line');
    expect(p?.sources.map((s) => s.title)).toEqual(['City archive']);
  });

  it('GIVEN "Pra\\u200Bgue" in a row THEN the row joins the Prague already in the store', async () => {
    const store = await storeWith([PRAGUE]);

    await importCsv(store, 'city_a,country_a,city_b,country_b\nPra\u200Bgue,CZ,Berlin,DE\n', OPTIONS);

    expect(cityIds(store.catalog.data)).toEqual(['berlin-de', 'prague-cz']);
    expect(store.catalog.partnershipBetween('prague-cz', 'berlin-de')).toBeDefined();
  });

  it('GIVEN commas and brackets in city names THEN every word is kept, in the name or as the region', async () => {
    const store = await storeWith([PADERBORN]);
    const csv = [
      'city_a,country_a,region_a,city_b,country_b',
      'Paderborn (district),DE,,Le Mans,FR',
      '"Kochersberg (communauté, Bas-Rhin)",FR,,Lyon,FR',
      '"Cardiff, Wales",United Kingdom,,Nantes,FR',
      '"Springfield, Illinois, US",US,,Tours,FR',
      'Prague 6 (Prague),CZ,prague,Bamberg,DE',
      '"Varna, Bulgaria",,,Kherson,UA',
    ].join('\n');

    const report = await importCsv(store, csv, OPTIONS);

    expect(report.rejected).toEqual([]);
    const city = (id: string) => store.catalog.city(id);
    expect(city('paderborn-district-de')?.name).toBe('Paderborn (district)');
    expect(store.catalog.partnershipsOf('paderborn-de')).toEqual([]);
    expect(city('kochersberg-communaute-bas-rhin-fr')).toMatchObject({
      name: 'Kochersberg (communauté, Bas-Rhin)',
    });
    expect(city('cardiff-wales-gb')).toMatchObject({ name: 'Cardiff', region: 'Wales' });
    expect(city('springfield-illinois-us')).toMatchObject({ name: 'Springfield', region: 'Illinois' });
    expect(city('prague-6-prague-cz')).toMatchObject({ name: 'Prague 6', region: 'prague' });
    expect(city('varna-bg')).toMatchObject({ name: 'Varna', country: 'BG' });
  });

  it('GIVEN a name and a region cell that disagree, or names without letters THEN each row is refused with its line, the fault and the fix, and nothing is written', async () => {
    const store = await storeWith();
    const before = await readFile(store.path, 'utf8');
    const csv = [
      'city_a,country_a,region_a,city_b,country_b',
      'Prague 6 (Prague),CZ,Bohemia,Bamberg,DE',
      '"Córdoba, Bolívar",CO,Santa Fe,Lyon,FR',
      '"Prague 6 (Prague), Bohemia",CZ,,Bamberg,DE',
      '???,SE,,Lyon,FR',
      '\u200B\u202E,SE,,Lyon,FR',
    ].join('\n');

    const report = await importCsv(store, csv, OPTIONS);

    const fix = "write the city's name alone in city_a and its one region in region_a";
    expect(report.rejected).toEqual([
      {
        line: 2,
        reason: `city_a: "Prague 6 (Prague)" places the city in Prague, but region_a says Bohemia: ${fix}`,
      },
      {
        line: 3,
        reason: `city_a: "Córdoba, Bolívar" places the city in Bolívar, but region_a says Santa Fe: ${fix}`,
      },
      {
        line: 4,
        reason: `city_a: "Prague 6 (Prague), Bohemia" names two regions, Bohemia and Prague: ${fix}`,
      },
      { line: 5, reason: 'city_a: the city name "???" has no letters or digits' },
      { line: 6, reason: 'city_a: no city name' },
    ]);
    expect(report.written).toBe(false);
    expect(await readFile(store.path, 'utf8')).toBe(before);
  });
});

describe('Slack staff forms (real Bolt against a fake Slack)', () => {
  const STAFF = 'UOFFICE';

  async function formSubmitted(command: string, values: Record<string, string>) {
    const slack = await startHttpHarness();
    try {
      const acked = await slack.ask(command, { userId: STAFF, channelId: 'C0OFFICE' });
      expect(acked.answer).toBeUndefined();
      const [call] = (await slack.fake.waitFor(
        (c) => c.kind === 'api' && c.method === 'views.open',
      )) as ApiCall[];
      const view = call?.args.view as Record<string, unknown>;
      const res = await slack.send(viewSubmission({ view, values, userId: STAFF }));
      const body = await res.text();
      return { data: slack.store.catalog.data, ack: body === '' ? undefined : JSON.parse(body) };
    } finally {
      await slack.close();
    }
  }

  it('GIVEN the add form with "Pra\\u200Bgue, CZ" in the city box THEN the partnership is with the Prague already known', async () => {
    const { data, ack } = await formSubmitted('add', {
      'arg:city': 'Pra\u200Bgue, CZ',
      'arg:with': 'Nablus',
    });

    expect(ack).toBeUndefined();
    expect(data.partnerships.map((p) => p.id)).toContain('nablus-ps--prague-cz');
    expect(cityIds(data)).toEqual(cityIds(smallStore() as { cities: City[] }));
  });

  it('GIVEN the record form with a reason in colour escapes and a right-to-left override THEN the stored reason is the visible text', async () => {
    const { data, ack } = await formSubmitted('record', {
      'arg:city': 'Prague',
      'arg:with': 'Taipei',
      'arg:milestone': 'suspension',
      'arg:reason': `${RED}council\u202E vote${RESET}`,
    });

    expect(ack).toBeUndefined();
    const taipei = data.partnerships.find((p) => p.id === 'prague-cz--taipei-tw');
    expect(taipei?.milestones.find((m) => m.kind === 'suspension')?.reason).toBe('council vote');
  });

  it('GIVEN a date picked and the typed date box holding only a zero-width space THEN the picked date is used', async () => {
    const { data, ack } = await formSubmitted('record', {
      'arg:city': 'Prague',
      'arg:with': 'Taipei',
      'arg:milestone': 'suspension',
      [inputBlockId('date')]: '2022-03-01',
      [inputBlockId('date', 'typed')]: '\u200B',
    });

    expect(ack).toBeUndefined();
    const taipei = data.partnerships.find((p) => p.id === 'prague-cz--taipei-tw');
    expect(taipei?.milestones.find((m) => m.kind === 'suspension')?.date).toBe('2022-03-01');
  });
});

describe('Discord slash command options (real discord.js against a fake Discord)', () => {
  const STAFF = { userId: '1100000000000000003' };
  const staffStore = (): StoreInput => ({
    ...smallStore(),
    settings: { staff: [`discord:user:${STAFF.userId}`] },
  });

  it('GIVEN /twin-staff add with "Pra\\uFEFFgue, CZ" typed in the city option THEN the partnership is with the Prague already known', async () => {
    const bot = await startBot({ data: staffStore() });
    try {
      const { id } = bot.fake.slashCommand({
        command: 'twin-staff',
        subcommand: 'add',
        options: { city: 'Pra\uFEFFgue, CZ', with: 'nablus-ps' },
        member: STAFF,
      });
      const call = await bot.fake.callbackOf(id);

      expect(JSON.stringify(call.body.data)).toContain('Added the partnership Nablus – Prague');
      expect(bot.store.catalog.partnershipBetween('prague-cz', 'nablus-ps')).toBeDefined();
      expect(cityIds(bot.store.catalog.data)).toEqual(cityIds(smallStore() as { cities: City[] }));
    } finally {
      await bot.close();
    }
  });
});
