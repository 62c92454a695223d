import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidChangeError, StoreFileError } from '../../src/store/errors.ts';
import type { StoreData } from '../../src/store/schema.ts';
import { Store } from '../../src/store/store.ts';
import { smallStore, storeFrom, tempDir } from '../fixtures/knowledge-base.ts';

async function fileWith(text: string): Promise<string> {
  const path = join(await tempDir(), 'store.json');
  await writeFile(path, text);
  return path;
}

async function refusal(path: string): Promise<StoreFileError> {
  const error = await Store.open(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreFileError);
  return error as StoreFileError;
}

/** The store file and its journal, as they are on disk: what a write would change. */
const filesOf = async (path: string) =>
  `${await readFile(path, 'utf8')}\n${await readFile(`${path}.journal`, 'utf8').catch(() => '')}`;

/** The store as another process reads it from disk now (the file and the edits of its journal). */
const onDiskData = async (path: string) => (await Store.open(path)).catalog.data;

describe('Store.open', () => {
  it('GIVEN a file that is not JSON THEN refuses it with the path and leaves it byte for byte', async () => {
    const path = await fileWith('{ "version": 1, "cities": [');
    const error = await refusal(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain('not valid JSON');
    expect(await readFile(path, 'utf8')).toBe('{ "version": 1, "cities": [');
  });

  it('GIVEN a record with a bad field THEN names the record and the field', async () => {
    const data = smallStore();
    const broken = {
      ...data,
      partnerships: data.partnerships.map((p, i) =>
        i === 1 ? { ...p, milestones: [{ kind: 'signing', date: '2020-13-01' }] } : p,
      ),
    };
    const text = JSON.stringify(broken, null, 2);
    const path = await fileWith(text);
    const error = await refusal(path);
    expect(error.detail).toMatch(
      /^partnerships\[1\] \(prague-cz--taipei-tw\), field milestones\[0\]\.date: /,
    );
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('GIVEN a partnership naming a city that does not exist THEN refuses the file', async () => {
    const data = smallStore();
    data.cities = data.cities.filter((c) => c.id !== 'taipei-tw');
    const error = await refusal(await fileWith(JSON.stringify(data)));
    expect(error.detail).toContain('no city with id "taipei-tw"');
  });

  it('GIVEN a missing file THEN says so and names twinbot init', async () => {
    const error = await refusal(join(await tempDir(), 'absent.json'));
    expect(error.detail).toContain('twinbot init');
  });

  it('GIVEN a file from a newer store version THEN refuses it rather than misreading it', async () => {
    const error = await refusal(await fileWith(JSON.stringify({ ...smallStore(), version: 7 })));
    expect(error.detail).toContain('newer twinbot');
  });
});

describe('Store lock', () => {
  it('GIVEN a process holding the store as writer THEN a second writer is refused with a clear error', async () => {
    const { path } = await storeFrom();
    const first = await Store.open(path, { lock: true });
    const second = await Store.open(path, { lock: true }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(StoreFileError);
    expect((second as StoreFileError).detail).toContain('in use by another twinbot process');
    await first.close();
    const third = await Store.open(path, { lock: true });
    await third.close();
  });

  it('GIVEN a writer holding the lock THEN readers can still open the store', async () => {
    const { path } = await storeFrom();
    const writer = await Store.open(path, { lock: true });
    const reader = await Store.open(path);
    expect(reader.catalog.data.cities.length).toBe(writer.catalog.data.cities.length);
    await writer.close();
  });
});

describe('Store.update', () => {
  it('GIVEN a change that would make the store invalid THEN refuses it whole and the file is unchanged', async () => {
    const store = await storeFrom();
    const before = await filesOf(store.path);
    const attempt = store.update((draft) => {
      draft.settings.staff.push('slack:UNEW');
      draft.cities.push({ id: 'Bad Id', name: 'X', country: 'CZ', names: [] });
      return { result: undefined, audit: { actor: 'cli:t', platform: 'cli', action: 'test' } };
    });
    await expect(attempt).rejects.toBeInstanceOf(InvalidChangeError);
    expect(await filesOf(store.path)).toBe(before);
    expect(store.catalog.data.settings.staff).toEqual(['slack:UOFFICE']);
  });

  it('GIVEN 20 concurrent changes THEN every one is kept, with its audit entry, in the file', async () => {
    const store = await storeFrom();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((draft) => {
          draft.settings.staff.push(`slack:U${i}`);
          return { result: i, audit: { actor: `slack:U${i}`, platform: 'slack', action: 'staff add' } };
        }),
      ),
    );
    const reopened = await Store.open(store.path);
    expect(reopened.catalog.data.settings.staff).toHaveLength(21);
    expect(reopened.catalog.data.audit).toHaveLength(20);
  });

  it('GIVEN a failed change THEN later changes in the queue still apply', async () => {
    const store = await storeFrom();
    const bad = store.update(() => {
      throw new InvalidChangeError('nope');
    });
    const good = store.update((draft) => {
      draft.settings.homeCity = 'prague-cz';
      return { result: 'ok' };
    });
    await expect(bad).rejects.toThrow('nope');
    await expect(good).resolves.toBe('ok');
    expect(store.catalog.data.settings.homeCity).toBe('prague-cz');
  });

  it('GIVEN a mutation that reports no change THEN nothing is written', async () => {
    const store = await storeFrom();
    const before = await filesOf(store.path);
    await store.update(() => ({ unchanged: true, result: undefined }));
    expect(await filesOf(store.path)).toBe(before);
  });

  it('GIVEN a write THEN the catalog answers from the new data at once', async () => {
    const store = await storeFrom();
    await store.update((draft) => {
      draft.cities.push({ id: 'brno-cz', name: 'Brno', country: 'CZ', names: [] });
      return { result: undefined };
    });
    expect(store.catalog.resolveCity('brno')).toMatchObject({ kind: 'found', city: { id: 'brno-cz' } });
  });
});

describe('Store.edit', () => {
  const AT = new Date('2026-11-26T09:30:00.000Z');
  const editor = { actor: 'slack:UOFFICE', platform: 'slack' } as const;
  const clockedStore = async () =>
    Store.create(join(await tempDir(), 'store.json'), smallStore(), { now: () => AT });
  const setHome = (id: string) => (draft: StoreData) => {
    draft.settings.homeCity = id;
    return {
      action: 'home',
      summary: `Set the home city to ${id}`,
      change: { key: 'home' as const, values: { city: id } },
      target: id,
      touched: [{ record: 'setting', id: 'homeCity' }] as const,
      result: 'set',
    };
  };

  it('GIVEN an edit THEN the file on disk holds the change and its audit entry with each record before and after', async () => {
    const store = await clockedStore();
    await store.edit(editor, setHome('prague-cz'));
    await store.edit(editor, setHome('kitakami-jp'));
    const onDisk = await onDiskData(store.path);
    expect(onDisk.settings.homeCity).toBe('kitakami-jp');
    expect(onDisk.audit).toEqual([
      {
        at: '2026-11-26T09:30:00.000Z',
        actor: 'slack:UOFFICE',
        platform: 'slack',
        action: 'home',
        summary: 'Set the home city to prague-cz',
        change: { key: 'home', values: { city: 'prague-cz' } },
        target: 'prague-cz',
        changes: [{ record: 'setting', id: 'homeCity', after: 'prague-cz' }],
      },
      {
        at: '2026-11-26T09:30:00.000Z',
        actor: 'slack:UOFFICE',
        platform: 'slack',
        action: 'home',
        summary: 'Set the home city to kitakami-jp',
        change: { key: 'home', values: { city: 'kitakami-jp' } },
        target: 'kitakami-jp',
        changes: [{ record: 'setting', id: 'homeCity', before: 'prague-cz', after: 'kitakami-jp' }],
      },
    ]);
  });

  it('GIVEN a builder that reports no change THEN nothing is written and its result is returned', async () => {
    const store = await storeFrom();
    const before = await filesOf(store.path);
    const { ino } = await stat(store.path);
    const result = await store.edit(editor, () => ({ unchanged: true, result: 'nothing' }));
    expect(result).toBe('nothing');
    expect(await filesOf(store.path)).toBe(before);
    expect((await stat(store.path)).ino).toBe(ino);
  });

  it('GIVEN an edit that leaves every touched record as it was THEN no audit entry and no write', async () => {
    const store = await storeFrom();
    await store.edit(editor, setHome('prague-cz'));
    const before = await filesOf(store.path);
    const { ino } = await stat(store.path);
    expect(await store.edit(editor, setHome('prague-cz'))).toBe('set');
    expect(store.catalog.data.audit).toHaveLength(1);
    expect(await filesOf(store.path)).toBe(before);
    expect((await stat(store.path)).ino).toBe(ino);
  });

  it('GIVEN an edit that would make the store invalid THEN it is refused whole: no change, no audit entry on disk', async () => {
    const store = await storeFrom();
    const before = await filesOf(store.path);
    const attempt = store.edit(editor, setHome('atlantis-gr'));
    await expect(attempt).rejects.toThrow(/settings\.homeCity: no city with id "atlantis-gr"/);
    await expect(attempt).rejects.toBeInstanceOf(InvalidChangeError);
    expect(await filesOf(store.path)).toBe(before);
    expect(store.catalog.data.audit).toEqual([]);
  });

  it('GIVEN the builder THEN it is told who makes the edit', async () => {
    const store = await storeFrom();
    const seen = await store.edit(editor, (draft, by) => {
      draft.settings.homeCity = 'prague-cz';
      return {
        action: 'home',
        summary: 'Set home',
        change: { key: 'home', values: { city: 'prague-cz' } },
        touched: [{ record: 'setting', id: 'homeCity' }],
        result: by,
      };
    });
    expect(seen).toEqual(editor);
    expect(store.catalog.data.settings.homeCity).toBe('prague-cz');
  });

  it('GIVEN an edit that reverts another THEN its audit entry names the entry it reverts', async () => {
    const store = await storeFrom();
    await store.edit(editor, setHome('prague-cz'));
    await store.edit(editor, (draft) => {
      delete draft.settings.homeCity;
      return {
        action: 'undo',
        summary: 'Undid',
        change: { key: 'undid', values: {} },
        touched: [{ record: 'setting', id: 'homeCity' }],
        undoes: 0,
        result: 0,
      };
    });
    const onDisk = await onDiskData(store.path);
    expect(onDisk.audit[1]).toMatchObject({ action: 'undo', undoes: 0, changes: [{ before: 'prague-cz' }] });
    expect(onDisk.audit[1]?.changes?.[0]).not.toHaveProperty('after');
  });

  it('GIVEN 20 concurrent edits from two editors THEN every change and every audit entry is in the file', async () => {
    const store = await storeFrom();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.edit(i % 2 === 0 ? editor : { actor: 'discord:user:42', platform: 'discord' }, (draft) => {
          draft.settings.staff.push(`slack:U${i}`);
          return {
            action: 'staff add',
            summary: `Added ${i}`,
            change: { key: 'staff', values: { who: `slack:U${i}`, added: true } },
            touched: [{ record: 'setting', id: 'staff' }],
            result: i,
          };
        }),
      ),
    );
    const reopened = await Store.open(store.path);
    expect(reopened.catalog.data.settings.staff).toHaveLength(21);
    expect(reopened.catalog.data.audit).toHaveLength(20);
    expect(reopened.catalog.data.audit.filter((e) => e.platform === 'discord')).toHaveLength(10);
  });
});
