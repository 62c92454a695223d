import { describe, expect, it } from 'vitest';
import { answerText, EDIT_TIME, editingDispatcher, errorText, office } from '../fixtures/edit-dispatcher.ts';

describe('add', () => {
  it('GIVEN two new cities with countries THEN creates both and the partnership, signed as given', async () => {
    const { store, ask, say } = await editingDispatcher();
    const reply = await ask('add Skövde, SE / Zhangjiakou, CN friendship_city signed 2015');
    expect(answerText(reply)).toContain(
      'Added the partnership Skövde – Zhangjiakou. New in the bot: Skövde, Sweden and Zhangjiakou, China.',
    );
    expect(store.catalog.resolveCity('skovde')).toMatchObject({
      kind: 'found',
      city: { id: 'skovde-se', country: 'SE' },
    });
    expect(store.catalog.data.partnerships.at(-1)).toEqual({
      id: 'skovde-se--zhangjiakou-cn',
      cities: ['skovde-se', 'zhangjiakou-cn'],
      type: 'friendship_city',
      milestones: [{ kind: 'signing', date: '2015', sources: [] }],
      sources: [],
    });
    const agreement = await say('agreement skövde zhangjiakou');
    expect(agreement).toMatch(/Type: +friendship city/);
    expect(agreement).toContain('2015 — signed');
  });

  it('GIVEN a known city and a new one with a region THEN creates only the new one', async () => {
    const { store, ask } = await editingDispatcher();
    const cities = store.catalog.data.cities.length;
    answerText(await ask('add Praha / Springfield, Illinois, US'));
    expect(store.catalog.data.cities).toHaveLength(cities + 1);
    expect(store.catalog.data.cities.at(-1)).toMatchObject({
      id: 'springfield-illinois-us',
      region: 'Illinois',
      country: 'US',
    });
    expect(store.catalog.partnershipBetween('prague-cz', 'springfield-illinois-us')).toBeDefined();
  });

  it('GIVEN a source address THEN the signing cites it', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(
      await ask('add Kitakami / Preston sister signed 1990-05 source https://www.kitakami.example/twins'),
    );
    const p = store.catalog.partnershipBetween('kitakami-jp', 'preston-gb');
    expect(p?.sources).toEqual([
      { id: 'kitakami-example-twins', title: 'kitakami.example', url: 'https://www.kitakami.example/twins' },
    ]);
    expect(p?.milestones).toEqual([
      { kind: 'signing', date: '1990-05', sources: ['kitakami-example-twins'] },
    ]);
  });

  it('GIVEN the add THEN the audit entry names who, where, when, what, and each created record', async () => {
    const { store, ask } = await editingDispatcher();
    await ask('add Skövde, SE / Prague twin signed 2015');
    const entry = store.catalog.data.audit.at(-1);
    expect(entry).toEqual({
      at: EDIT_TIME,
      actor: 'slack:UOFFICE',
      platform: 'slack',
      action: 'add',
      summary: 'Added the partnership Skövde – Prague (twin town), signed 2015; new city: Skövde, Sweden',
      change: {
        key: 'added',
        values: {
          cities: ['skovde-se', 'prague-cz'],
          type: 'twin_town',
          signed: '2015',
          created: ['skovde-se'],
        },
      },
      target: 'prague-cz--skovde-se',
      changes: [
        {
          record: 'city',
          id: 'skovde-se',
          after: { id: 'skovde-se', name: 'Skövde', names: [], country: 'SE' },
        },
        {
          record: 'partnership',
          id: 'prague-cz--skovde-se',
          after: {
            id: 'prague-cz--skovde-se',
            cities: ['prague-cz', 'skovde-se'],
            type: 'twin_town',
            milestones: [{ kind: 'signing', date: '2015', sources: [] }],
            sources: [],
          },
        },
      ],
    });
  });

  it('GIVEN a partnership already recorded THEN refuses with its status, and writes nothing', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const text = errorText(await ask('add Prague / Shanghai sister_city'));
    expect(text).toContain(
      'Prague – Shanghai are already partners (terminated by Shanghai on 14 January 2020)',
    );
    expect(text).toContain('`record prague-cz shanghai-cn <milestone>`');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN the pair in the other order THEN it is still the same partnership, refused', async () => {
    const { ask } = await editingDispatcher();
    expect(errorText(await ask('add Shanghai / Prague'))).toContain('already partners');
  });

  it('GIVEN "Concord", which two cities share THEN asks which one, and writes nothing', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const reply = await ask('add Concord / Prague');
    expect(errorText(reply)).toContain('"Concord" could be 2 cities');
    expect(reply.sections?.[0]?.rows.map((r) => r.detail)).toEqual([
      'concord-california-us',
      'concord-massachusetts-us',
    ]);
    expect(await fileText()).toBe(before);
  });

  it('GIVEN Concord with its region THEN adds the partnership for that Concord', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('add Concord, Massachusetts / Prague'));
    expect(store.catalog.partnershipBetween('concord-massachusetts-us', 'prague-cz')).toBeDefined();
  });

  it('GIVEN a city with itself THEN refuses', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    expect(errorText(await ask('add Prague / Praha'))).toContain('cannot be partnered with itself');
    expect(errorText(await ask('add Skövde, SE / Skovde, Sweden'))).toContain(
      'cannot be partnered with itself',
    );
    expect(await fileText()).toBe(before);
  });

  it('GIVEN an unknown city without a country THEN refuses saying how to add it as new', async () => {
    const { ask } = await editingDispatcher();
    expect(errorText(await ask('add Atlantis / Prague'))).toContain(
      'To add it as a new city, give its country code after a comma, e.g. "Atlantis, SE"',
    );
  });

  it('GIVEN a word that is no partnership type THEN it is read as part of the city name, and nothing is added', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    expect(errorText(await ask('add Prague / Kitakami banana'))).toContain('Kitakami banana');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN a signing date that is no date THEN refuses with the date message, and writes nothing', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const reply = await ask('add Prague / Kitakami signed 2015-02-30');
    expect(errorText(reply)).toContain('"2015-02-30" is not a real calendar date.');
    expect(reply.field).toBe('signed');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN a new city name of 201 characters THEN refuses naming the limit of 200', async () => {
    const { ask } = await editingDispatcher();
    expect(errorText(await ask(`add ${'a'.repeat(197)}, SE / Prague`))).toContain('the limit is 200');
  });

  it('GIVEN the same new city in two adds THEN the second reuses the city the first created', async () => {
    const { store, ask } = await editingDispatcher();
    await ask('add Skövde, SE / Prague');
    answerText(await ask('add Skövde, SE / Kitakami', office));
    expect(store.catalog.data.cities.filter((c) => c.name === 'Skövde')).toHaveLength(1);
    expect(store.catalog.partnershipBetween('kitakami-jp', 'skovde-se')).toBeDefined();
  });

  it('GIVEN the type in two words THEN it is read as one type', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('add Kitakami / Preston sister city signed 1990'));
    expect(store.catalog.partnershipBetween('kitakami-jp', 'preston-gb')?.type).toBe('sister_city');
  });

  it('GIVEN a source that is not http(s) THEN refuses saying so, and nothing is written', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    expect(errorText(await ask('add Kitakami / Preston source ftp://files.example/twins'))).toContain(
      'is not a web address: give one starting with http:// or https://',
    );
    expect(await fileText()).toBe(before);
  });

  it('GIVEN the same new city on both sides THEN the store refuses the change naming the field, and the file is unchanged', async () => {
    const { store, ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const text = errorText(await ask('add Skövde, SE / Skövde, SE'));
    expect(text).toContain('change refused');
    expect(text).toContain('field cities: a city cannot be partnered with itself');
    expect(await fileText()).toBe(before);
    expect(store.catalog.city('skovde-se')).toBeUndefined();
  });
});
