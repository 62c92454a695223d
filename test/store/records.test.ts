import { describe, expect, it } from 'vitest';
import { readRecord, recordChanges, recordIs, writeRecord } from '../../src/store/records.ts';
import { type StoreData, StoreSchema } from '../../src/store/schema.ts';
import { smallStore } from '../fixtures/knowledge-base.ts';

const data = (): StoreData => StoreSchema.parse(smallStore());

describe('readRecord', () => {
  it('GIVEN a city, a partnership and a setting THEN reads each as the file holds it', () => {
    const store = data();
    expect(readRecord(store, { record: 'city', id: 'rzeszow-pl' })).toEqual({
      id: 'rzeszow-pl',
      name: 'Rzeszów',
      names: [],
      country: 'PL',
    });
    expect(readRecord(store, { record: 'partnership', id: 'prague-cz--taipei-tw' })).toMatchObject({
      cities: ['prague-cz', 'taipei-tw'],
    });
    expect(readRecord(store, { record: 'setting', id: 'staff' })).toEqual(['slack:UOFFICE']);
  });

  it('GIVEN a record that does not exist THEN reads undefined', () => {
    expect(readRecord(data(), { record: 'city', id: 'atlantis-gr' })).toBeUndefined();
    expect(readRecord(data(), { record: 'setting', id: 'homeCity' })).toBeUndefined();
    expect(readRecord(data(), { record: 'reminder-target', id: 'console' })).toBeUndefined();
  });

  it('GIVEN a record read THEN changing the copy leaves the store alone', () => {
    const store = data();
    const copy = readRecord(store, { record: 'city', id: 'prague-cz' }) as { name: string };
    copy.name = 'Changed';
    expect(store.cities[0]?.name).toBe('Prague');
  });
});

describe('writeRecord', () => {
  it('GIVEN a changed record THEN it replaces the old one in its place in the list', () => {
    const store = data();
    const ids = store.cities.map((c) => c.id);
    writeRecord(
      store,
      { record: 'city', id: 'taipei-tw' },
      { id: 'taipei-tw', name: 'Taibei', names: [], country: 'TW' },
    );
    expect(store.cities.map((c) => c.id)).toEqual(ids);
    expect(store.cities[2]?.name).toBe('Taibei');
  });

  it('GIVEN a new record THEN it goes at the end; undefined THEN the record is removed', () => {
    const store = data();
    writeRecord(
      store,
      { record: 'city', id: 'brno-cz' },
      { id: 'brno-cz', name: 'Brno', names: [], country: 'CZ' },
    );
    expect(store.cities.at(-1)?.id).toBe('brno-cz');
    writeRecord(store, { record: 'partnership', id: 'prague-cz--taipei-tw' }, undefined);
    expect(store.partnerships.some((p) => p.id === 'prague-cz--taipei-tw')).toBe(false);
    expect(store.partnerships).toHaveLength(6);
  });

  it('GIVEN a setting THEN sets it, and undefined removes the key', () => {
    const store = data();
    writeRecord(store, { record: 'setting', id: 'homeCity' }, 'prague-cz');
    expect(store.settings.homeCity).toBe('prague-cz');
    writeRecord(store, { record: 'setting', id: 'homeCity' }, undefined);
    expect('homeCity' in store.settings).toBe(false);
  });
});

describe('recordChanges', () => {
  it('GIVEN a created, a changed, a removed and an untouched record THEN lists the first three with the sides they have', () => {
    const before = data();
    const after = data();
    after.cities.push({ id: 'brno-cz', name: 'Brno', names: [], country: 'CZ' });
    after.settings.homeCity = 'prague-cz';
    after.partnerships = after.partnerships.filter((p) => p.id !== 'prague-cz--taipei-tw');
    const changes = recordChanges(before, after, [
      { record: 'city', id: 'brno-cz' },
      { record: 'setting', id: 'homeCity' },
      { record: 'partnership', id: 'prague-cz--taipei-tw' },
      { record: 'city', id: 'kitakami-jp' },
    ]);
    expect(changes).toEqual([
      { record: 'city', id: 'brno-cz', after: { id: 'brno-cz', name: 'Brno', names: [], country: 'CZ' } },
      { record: 'setting', id: 'homeCity', after: 'prague-cz' },
      {
        record: 'partnership',
        id: 'prague-cz--taipei-tw',
        before: readRecord(before, { record: 'partnership', id: 'prague-cz--taipei-tw' }),
      },
    ]);
    expect(changes[2]).not.toHaveProperty('after');
    expect(changes[0]).not.toHaveProperty('before');
  });

  it('GIVEN a record named twice THEN it is listed once', () => {
    const before = data();
    const after = data();
    after.settings.staff.push('slack:UNEW');
    const ref = { record: 'setting', id: 'staff' } as const;
    expect(recordChanges(before, after, [ref, ref])).toEqual([
      { record: 'setting', id: 'staff', before: ['slack:UOFFICE'], after: ['slack:UOFFICE', 'slack:UNEW'] },
    ]);
  });
});

describe('recordIs', () => {
  it('GIVEN the record as a change left it THEN true; changed since THEN false', () => {
    const store = data();
    const city = readRecord(store, { record: 'city', id: 'preston-gb' });
    expect(recordIs(store, { record: 'city', id: 'preston-gb' }, city)).toBe(true);
    store.cities.find((c) => c.id === 'preston-gb')?.names.push({ name: 'Proud Preston', kind: 'alias' });
    expect(recordIs(store, { record: 'city', id: 'preston-gb' }, city)).toBe(false);
  });

  it('GIVEN an expected value with keys set to undefined THEN compares it as the file would hold it', () => {
    const store = data();
    expect(
      recordIs(
        store,
        { record: 'city', id: 'preston-gb' },
        {
          id: 'preston-gb',
          name: 'Preston',
          names: [],
          country: 'GB',
          region: undefined,
        },
      ),
    ).toBe(true);
  });

  it('GIVEN a record that is gone and an expected undefined THEN true', () => {
    expect(recordIs(data(), { record: 'city', id: 'atlantis-gr' }, undefined)).toBe(true);
  });
});
