import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type EditBuilder, type Editor, Store } from '../../src/store/store.ts';
import { undoLastChange } from '../../src/store/undo.ts';
import { legacyImport, smallStoreWithAudit, storeFrom } from '../fixtures/knowledge-base.ts';

const ana: Editor = { actor: 'slack:UANA', platform: 'slack' };
const bob: Editor = { actor: 'discord:user:42', platform: 'discord' };

/** Adds another name to a city, as `alias` does. */
function addName(cityId: string, name: string): EditBuilder<void> {
  return (_draft, _editor, office) => {
    office.city(cityId)?.names.push({ name, kind: 'alias' });
    return {
      action: 'alias',
      summary: `Added the name "${name}" to ${cityId}`,
      change: { key: 'alias', values: { city: cityId, name } },
      target: cityId,
      touched: [{ record: 'city', id: cityId }],
      result: undefined,
    };
  };
}

const namesOf = (store: Awaited<ReturnType<typeof storeFrom>>, cityId: string) =>
  store.catalog.data.cities.find((c) => c.id === cityId)?.names.map((n) => n.name);

describe('undoLastChange', () => {
  it('GIVEN my last change THEN puts the record back exactly, and the undo is audited with the entry it reverts', async () => {
    const store = await storeFrom();
    const original = structuredClone(store.catalog.data.cities);
    await store.edit(ana, addName('preston-gb', 'Proud Preston'));
    const outcome = await store.edit(ana, undoLastChange);
    expect(outcome).toMatchObject({ undone: { summary: 'Added the name "Proud Preston" to preston-gb' } });
    expect(store.catalog.data.cities).toEqual(original);
    const onDisk = (await Store.open(store.path)).catalog.data;
    expect(onDisk.cities).toEqual(JSON.parse(JSON.stringify(original)));
    expect(onDisk.audit[1]).toMatchObject({
      actor: 'slack:UANA',
      action: 'undo',
      summary: 'Undid: Added the name "Proud Preston" to preston-gb',
      undoes: 0,
      changes: [{ record: 'city', id: 'preston-gb', before: onDisk.audit[0]?.changes?.[0]?.after }],
    });
  });

  it('GIVEN no change of mine THEN refuses, and nothing is written', async () => {
    const store = await storeFrom();
    await store.edit(bob, addName('preston-gb', 'Proud Preston'));
    const before = await readFile(store.path, 'utf8');
    expect(await store.edit(ana, undoLastChange)).toEqual({ refused: 'nothing' });
    expect(await readFile(store.path, 'utf8')).toBe(before);
    expect(namesOf(store, 'preston-gb')).toEqual(['Proud Preston']);
  });

  it('GIVEN someone else changed the same record since THEN refuses naming them and their change, and keeps both', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('taipei-tw', 'Taibei'));
    await store.edit(bob, addName('taipei-tw', 'Daibak'));
    const before = await readFile(store.path, 'utf8');
    const outcome = await store.edit(ana, undoLastChange);
    expect(outcome).toMatchObject({
      refused: 'changed-since',
      entry: { summary: 'Added the name "Taibei" to taipei-tw' },
      change: { record: 'city', id: 'taipei-tw' },
      later: { actor: 'discord:user:42', summary: 'Added the name "Daibak" to taipei-tw' },
    });
    expect(await readFile(store.path, 'utf8')).toBe(before);
    expect(namesOf(store, 'taipei-tw')).toEqual(['臺北', 'Taibei', 'Daibak']);
  });

  it('GIVEN someone else changed a different record since THEN my change is still undone, and theirs kept', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('taipei-tw', 'Taibei'));
    await store.edit(bob, addName('preston-gb', 'Proud Preston'));
    expect(await store.edit(ana, undoLastChange)).toHaveProperty('undone');
    expect(namesOf(store, 'taipei-tw')).toEqual(['臺北']);
    expect(namesOf(store, 'preston-gb')).toEqual(['Proud Preston']);
  });

  it('GIVEN undo again and again THEN walks back through my changes, newest first, until there is none', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('preston-gb', 'One'));
    await store.edit(bob, addName('nablus-ps', 'Shechem'));
    await store.edit(ana, addName('preston-gb', 'Two'));
    await store.edit(ana, undoLastChange);
    expect(namesOf(store, 'preston-gb')).toEqual(['One']);
    await store.edit(ana, undoLastChange);
    expect(namesOf(store, 'preston-gb')).toEqual([]);
    expect(await store.edit(ana, undoLastChange)).toEqual({ refused: 'nothing' });
    expect(namesOf(store, 'nablus-ps')).toEqual(['Shechem']);
    expect(store.catalog.data.audit.map((e) => e.undoes)).toEqual([undefined, undefined, undefined, 2, 0]);
  });

  it('GIVEN import-style entries without before and after earlier in the log THEN my later change is undone', async () => {
    const store = await storeFrom(
      smallStoreWithAudit(legacyImport(), {
        at: '2025-01-02T00:00:00Z',
        actor: 'slack:UANA',
        platform: 'slack',
        action: 'home',
        target: 'prague-cz',
      }),
    );
    await store.edit(ana, addName('preston-gb', 'Proud Preston'));
    expect(await store.edit(ana, undoLastChange)).toMatchObject({ undone: { action: 'alias' } });
    expect(namesOf(store, 'preston-gb')).toEqual([]);
    expect(store.catalog.data.audit.at(-1)?.undoes).toBe(2);
  });

  it('GIVEN my last change was recorded without before and after THEN refuses saying so, and writes nothing', async () => {
    const store = await storeFrom(smallStoreWithAudit(legacyImport()));
    const before = await readFile(store.path, 'utf8');
    const outcome = await store.edit({ actor: 'cli:root', platform: 'cli' }, undoLastChange);
    expect(outcome).toMatchObject({ refused: 'not-reversible', entry: { action: 'import' } });
    expect(await readFile(store.path, 'utf8')).toBe(before);
  });

  it('GIVEN a change that created and removed records THEN undo removes the created ones and restores the removed one', async () => {
    const store = await storeFrom();
    const original = structuredClone(store.catalog.data);
    await store.edit(ana, (draft) => {
      draft.cities.push({ id: 'brno-cz', name: 'Brno', names: [], country: 'CZ' });
      draft.partnerships = draft.partnerships.filter((p) => p.id !== 'nablus-ps--preston-gb');
      return {
        action: 'test',
        summary: 'Added Brno, removed Nablus – Preston',
        change: { key: 'removed', values: { cities: ['nablus-ps', 'preston-gb'] } },
        touched: [
          { record: 'city', id: 'brno-cz' },
          { record: 'partnership', id: 'nablus-ps--preston-gb' },
        ],
        result: undefined,
      };
    });
    await store.edit(ana, undoLastChange);
    const now = store.catalog.data;
    expect(now.cities).toEqual(original.cities);
    expect(new Set(now.partnerships.map((p) => JSON.stringify(p)))).toEqual(
      new Set(original.partnerships.map((p) => JSON.stringify(p))),
    );
  });
});
