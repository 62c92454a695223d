import { describe, expect, it } from 'vitest';
import { answerText, EDIT_TIME, editingDispatcher, errorText } from '../fixtures/edit-dispatcher.ts';

describe('city set', () => {
  it('GIVEN a time zone THEN sets it, and the audit keeps the city before and after', async () => {
    const { store, ask } = await editingDispatcher();
    const before = structuredClone(store.catalog.city('kitakami-jp'));
    expect(answerText(await ask('city set Kitakami tz Asia/Tokyo'))).toBe(
      "Kitakami's time zone is now Asia/Tokyo.",
    );
    expect(store.catalog.city('kitakami-jp')?.timeZone).toBe('Asia/Tokyo');
    expect(store.catalog.data.audit).toEqual([
      {
        at: EDIT_TIME,
        actor: 'slack:UOFFICE',
        platform: 'slack',
        action: 'city set',
        summary: "Set Kitakami, Iwate, Japan's time zone to Asia/Tokyo",
        change: { key: 'citySet', values: { city: 'kitakami-jp', field: 'tz', value: 'Asia/Tokyo' } },
        target: 'kitakami-jp',
        changes: [{ record: 'city', id: 'kitakami-jp', before, after: store.catalog.city('kitakami-jp') }],
      },
    ]);
  });

  it('GIVEN a time zone that does not exist THEN refuses naming the field and why, and the file is unchanged', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const reply = await ask('city set Kitakami tz Mars/Olympus');
    expect(errorText(reply)).toBe(
      '"Mars/Olympus" is not an IANA time zone such as Europe/Prague or Asia/Tokyo.',
    );
    expect(reply.field).toBe('value');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN a region with no letter or digit THEN refuses naming the field and why, and the file is unchanged', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const reply = await ask('city set Kitakami region ---');
    expect(errorText(reply)).toBe(
      'The region "---" has no letters or digits: give its name, or `none` to clear it.',
    );
    expect(reply.field).toBe('value');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN `none` for the time zone or region THEN clears it, saying it was', async () => {
    const { store, ask } = await editingDispatcher();
    expect(answerText(await ask('city set Prague timezone none'))).toBe(
      "Prague's time zone is now not recorded.",
    );
    expect(store.catalog.city('prague-cz')).not.toHaveProperty('timeZone');
    answerText(await ask('city set Kitakami region none'));
    expect(store.catalog.city('kitakami-jp')).not.toHaveProperty('region');
    expect(store.catalog.data.audit.at(-1)?.summary).toBe(
      "Set Kitakami, Iwate, Japan's region to not recorded (was Iwate)",
    );
  });

  it('GIVEN a region of several words for a city of several words THEN sets it', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('city set San Francisco region San Francisco County'));
    expect(store.catalog.city('san-francisco-us')?.region).toBe('San Francisco County');
  });

  it('GIVEN a country by code or English name THEN stores the ISO code; an unknown one THEN refuses', async () => {
    const { store, ask, fileText } = await editingDispatcher();
    expect(answerText(await ask('city set Leap Town country canada'))).toBe(
      "Leap Town's country is now Canada.",
    );
    expect(store.catalog.city('leap-town-us')?.country).toBe('CA');
    answerText(await ask('city set Leap Town country us'));
    expect(store.catalog.city('leap-town-us')?.country).toBe('US');
    const before = await fileText();
    const reply = await ask('city set Preston country Narnia');
    expect(errorText(reply)).toContain('"Narnia" is not a country I know');
    expect(reply.field).toBe('value');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN `none` for the country THEN refuses, since every city has one', async () => {
    const { store, ask } = await editingDispatcher();
    expect((await ask('city set Preston country none')).kind).toBe('error');
    expect(store.catalog.city('preston-gb')?.country).toBe('GB');
  });

  it('GIVEN the value the city already has THEN says so and writes nothing', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    expect(errorText(await ask('city set Prague tz Europe/Prague'))).toBe(
      "Prague's time zone is already Europe/Prague.",
    );
    expect(await fileText()).toBe(before);
  });

  it('GIVEN an ambiguous city THEN asks which one, and writes nothing', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    expect(errorText(await ask('city set Concord tz America/Los_Angeles'))).toContain(
      '"Concord" could be 2 cities',
    );
    expect(await fileText()).toBe(before);
  });

  it('GIVEN a field that is not settable THEN lists the fields', async () => {
    const { ask } = await editingDispatcher();
    expect(errorText(await ask('city set Prague population 1300000'))).toContain('tz, region, country');
  });
});
