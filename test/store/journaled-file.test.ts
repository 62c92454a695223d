import { readFileSync } from 'node:fs';
import { appendFile, copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldName } from '../../src/domain/names.ts';
import { Catalog, type CityKeys } from '../../src/store/catalog.ts';
import { changeStaff } from '../../src/store/edits/staff.ts';
import { InvalidChangeError } from '../../src/store/errors.ts';
import { headerLine, JOURNAL_VERSION, markerLine, sha256 } from '../../src/store/journal.ts';
import { compactionDue } from '../../src/store/journaled-file.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { type EditBuilder, type Editor, Store } from '../../src/store/store.ts';
import { smallStore, storeFrom, syntheticStore, tempDir } from '../fixtures/knowledge-base.ts';

const ana: Editor = { actor: 'slack:UANA', platform: 'slack' };

/** Adds a name to a city through the office draft, as `alias` does. */
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

const journalOf = (store: Store) => `${store.path}.journal`;
const linesOf = async (path: string) => (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');

describe('the store journal', () => {
  it('GIVEN an edit THEN one journal line holds the changed record and its audit entry, the store file is untouched, and another process reads the edit back', async () => {
    const store = await storeFrom();
    const file = await readFile(store.path, 'utf8');
    await store.edit(ana, addName('prague-cz', 'Praga'));
    expect(await readFile(store.path, 'utf8')).toBe(file);
    const lines = await linesOf(journalOf(store));
    expect(lines).toHaveLength(2);
    const edit = JSON.parse(lines[1] as string);
    expect(edit.seq).toBe(1);
    expect(edit.ops.map((op: object) => Object.keys(op)[0])).toEqual(['set', 'audit']);
    expect(edit.ops[0].value.id).toBe('prague-cz');
    // Only what changed: not the other cities.
    expect(lines[1]).not.toContain('shanghai-cn');
    const reader = await Store.open(store.path);
    expect(reader.catalog.resolveCity('Praga')).toMatchObject({ kind: 'found', city: { id: 'prague-cz' } });
    expect(reader.catalog.data).toEqual(store.catalog.data);
  });

  it('GIVEN a clean stop THEN the journal is folded into the store file, compact JSON, and the journal keeps only its header', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('prague-cz', 'Praga'));
    const data = store.catalog.data;
    await store.close();
    const text = await readFile(store.path, 'utf8');
    expect(text).toBe(JSON.stringify(data));
    expect(await linesOf(journalOf(store))).toEqual([headerLine(sha256(text), 1).trim()]);
    expect((await Store.open(store.path)).catalog.data).toEqual(data);
  });

  it('GIVEN a last journal line cut short by a crash THEN the writer leaves it out, says so, and later edits are read back', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('prague-cz', 'Praga'));
    const data = store.catalog.data;
    await appendFile(journalOf(store), '{"seq":2,"ops":[{"set":"cities","value":{"id":"pra');
    const writer = await Store.open(store.path, { lock: true });
    expect(writer.recovered).toContain('cut short by a crash');
    expect(writer.catalog.data).toEqual(data);
    await writer.edit(ana, addName('shanghai-cn', 'Shanghai City'));
    expect((await Store.open(store.path)).catalog.resolveCity('Shanghai City')).toMatchObject({
      kind: 'found',
    });
    await writer.close();
  });

  it('GIVEN a journal of another version of the store file THEN it is refused, naming the journal, and nothing is applied', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('prague-cz', 'Praga'));
    // The file replaced by hand (say, an old copy put back) while the edit waited in the journal.
    await writeFile(store.path, JSON.stringify(smallStore()));
    await expect(Store.open(store.path)).rejects.toThrow(
      /twinbot-test-.*\.journal: holds 1 change\(s\) made to another version of .*store\.json/,
    );
  });

  it('GIVEN a compacted file renamed into place but the old journal not yet replaced (a crash) THEN only the edits after the mark are applied, none twice', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('prague-cz', 'Praga'));
    await store.edit(ana, addName('prague-cz', 'Praag'));
    const oldJournal = join(await tempDir(), 'old.journal');
    await copyFile(journalOf(store), oldJournal);
    await store.journal.compactNow();
    const compacted = await readFile(store.path, 'utf8');
    await store.edit(ana, addName('shanghai-cn', 'Hu'));
    const data = store.catalog.data;
    // The old journal, with its mark and the edit made after it, as a crash would leave it.
    const after = (await linesOf(journalOf(store)))[1];
    await copyFile(oldJournal, journalOf(store));
    await appendFile(journalOf(store), `${markerLine(sha256(compacted), 2)}${after}\n`);
    const reader = await Store.open(store.path);
    expect(reader.catalog.data).toEqual(data);
    expect(reader.catalog.data.audit).toHaveLength(3);
  });

  it('GIVEN the same journal line twice THEN the journal is refused rather than applied twice', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('prague-cz', 'Praga'));
    const [, line] = await linesOf(journalOf(store));
    await appendFile(journalOf(store), `${line}\n`);
    await expect(Store.open(store.path)).rejects.toThrow(/change #1 comes where change #2 should/);
  });

  it('GIVEN a file twinbot wrote THEN it is read without validation, and check still validates it whole', async () => {
    const dir = await tempDir();
    const path = join(dir, 'store.json');
    // A record no validation lets through, in a file the journal says twinbot wrote.
    const valid = StoreSchema.parse(smallStore());
    const data = { ...valid, cities: [...valid.cities, { ...valid.cities[0], id: 'Bad Id' }] };
    const text = JSON.stringify(data);
    await writeFile(path, text);
    await writeFile(`${path}.journal`, headerLine(sha256(text), 0));
    await expect(Store.open(path)).resolves.toBeDefined();
    await expect(Store.open(path, { validate: 'full' })).rejects.toThrow(/cities\[\d+\] \(Bad Id\)/);
    // Written by someone else (the hash differs): validated whole.
    await writeFile(path, `${text} `);
    await expect(Store.open(path)).rejects.toThrow(/cities\[\d+\] \(Bad Id\)/);
  });

  it('GIVEN an invalid edit THEN it is refused whole: nothing in memory, nothing in the journal', async () => {
    const store = await storeFrom();
    const journal = await readFile(journalOf(store), 'utf8');
    const attempt = store.update((draft) => {
      draft.settings.staff.push('slack:UNEW');
      draft.partnerships.push({ id: 'a--b', cities: ['a', 'b'], milestones: [], sources: [] });
      return { result: undefined };
    });
    await expect(attempt).rejects.toBeInstanceOf(InvalidChangeError);
    await expect(attempt).rejects.toThrow(/no city with id "a"/);
    expect(store.catalog.data.settings.staff).toEqual(['slack:UOFFICE']);
    expect(await readFile(journalOf(store), 'utf8')).toBe(journal);
    await store.edit(ana, changeStaff('add', 'slack:ULATER', { keepOne: false }));
    expect((await Store.open(store.path)).catalog.data.settings.staff).toEqual([
      'slack:UOFFICE',
      'slack:ULATER',
    ]);
  });

  it('GIVEN the disk refuses the compacted file THEN nothing is lost: memory and the journal keep every edit', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('prague-cz', 'Praga'));
    const data = store.catalog.data;
    const file = await readFile(store.path, 'utf8');
    // The compacted file goes to a temp file beside the store; a folder in its place makes it fail.
    await mkdir(join(store.path, '..', '.store.json.tmp'));
    await expect(store.journal.compactNow()).rejects.toThrow(/could not be written/);
    expect(store.catalog.data).toBe(data);
    expect(await readFile(store.path, 'utf8')).toBe(file);
    expect((await Store.open(store.path)).catalog.data).toEqual(data);
    await store.edit(ana, addName('prague-cz', 'Praag'));
    expect((await Store.open(store.path)).catalog.resolveCity('Praag')).toMatchObject({ kind: 'found' });
  });
});

/** Adds a city (`add`) or removes it, touching that one record. */
function addOrRemoveCity(id: string, add: boolean): EditBuilder<void> {
  return (draft) => {
    if (add) draft.cities.push({ id, name: 'Prahaa', country: 'CZ', names: [] });
    else draft.cities = draft.cities.filter((c) => c.id !== id);
    return {
      action: 'test',
      summary: 'test',
      change: { key: 'alias', values: { city: id, name: 'Prahaa' } },
      touched: [{ record: 'city', id }],
      result: undefined,
    };
  };
}

const recordChangesOf = (line: string) =>
  JSON.parse(line).ops.flatMap((op: { entries?: { changes: unknown[] }[] }) =>
    (op.entries ?? []).flatMap((entry) => entry.changes),
  );

describe('the journal line format', () => {
  it('GIVEN edits that change, add and remove a city THEN each line writes the city once, and a reader gets every audit entry back as the writer holds it, to the byte', async () => {
    const store = await storeFrom();
    const before = JSON.stringify(store.catalog.city('prague-cz'));
    await store.edit(ana, addName('prague-cz', 'Praga'));
    await store.edit(ana, addOrRemoveCity('prahaa-cz', true));
    await store.edit(ana, addOrRemoveCity('prahaa-cz', false));
    const lines = (await linesOf(journalOf(store))).slice(1);
    expect(lines.map(recordChangesOf)).toEqual([
      [{ record: 'city', id: 'prague-cz', stored: ['before', 'after'] }],
      [{ record: 'city', id: 'prahaa-cz', stored: ['after'] }],
      [{ record: 'city', id: 'prahaa-cz', stored: ['before'] }],
    ]);
    const after = JSON.stringify(store.catalog.city('prague-cz'));
    expect((lines[0] as string).split(after)).toHaveLength(2);
    expect(lines[0]).not.toContain(before);
    const reader = await Store.open(store.path);
    expect(JSON.stringify(reader.catalog.data)).toBe(JSON.stringify(store.catalog.data));
  });

  it('GIVEN an audit entry whose record copies are not the records its edit sets THEN the line writes them whole, and a reader gets them as written', async () => {
    const store = await storeFrom();
    await store.update((draft) => {
      draft.cities = draft.cities.map((c) =>
        c.id === 'prague-cz' ? { ...c, names: [...c.names, { name: 'Praga', kind: 'alias' as const }] } : c,
      );
      const changes = [
        { record: 'city' as const, id: 'prague-cz', before: { note: 'a' }, after: { note: 'b' } },
      ];
      return {
        audit: { actor: 'slack:UANA', platform: 'slack', action: 'test', changes },
        result: undefined,
      };
    });
    const [, line] = await linesOf(journalOf(store));
    expect(recordChangesOf(line as string)).toEqual([
      { record: 'city', id: 'prague-cz', before: { note: 'a' }, after: { note: 'b' } },
    ]);
    const reader = await Store.open(store.path);
    expect(JSON.stringify(reader.catalog.data)).toBe(JSON.stringify(store.catalog.data));
  });

  it("GIVEN a journal the previous release wrote (version 1, every copy written, the last line torn) THEN its edits are replayed, and the writer that continues it gives it this version's header before appending", async () => {
    const store = await storeFrom();
    const file = await readFile(store.path, 'utf8');
    await store.edit(ana, addName('prague-cz', 'Praga'));
    const data = store.catalog.data;
    const oldLine = JSON.stringify({
      seq: 1,
      ops: [
        { set: 'cities', value: store.catalog.city('prague-cz') },
        { audit: data.audit.length - 1, entries: [data.audit.at(-1)] },
      ],
    });
    await store.close();
    await writeFile(store.path, file);
    const oldHeader = JSON.stringify({ journal: 'twinbot-journal', version: 1, base: sha256(file), seq: 0 });
    // Its last line cut short by a crash, too.
    await writeFile(journalOf(store), `${oldHeader}\n${oldLine}\n{"seq":2,"ops":[{"set":"cit`);
    const reader = await Store.open(store.path);
    expect(JSON.stringify(reader.catalog.data)).toBe(JSON.stringify(data));

    // The compacted file goes to a temp file beside the store; a folder in its place keeps the journal.
    await mkdir(join(store.path, '..', '.store.json.tmp'));
    const writer = await Store.open(store.path, { lock: true });
    expect(writer.recovered).toContain('cut short by a crash');
    const [header, line, after] = readFileSync(journalOf(store), 'utf8').split('\n');
    expect(after).toBe('');
    expect(JOURNAL_VERSION).toBeGreaterThan(1);
    expect(JSON.parse(header as string)).toEqual({ ...JSON.parse(oldHeader), version: JOURNAL_VERSION });
    expect(JSON.parse(line as string)).toEqual(JSON.parse(oldLine));
    await writer.edit(ana, addName('shanghai-cn', 'Hu'));
    expect(JSON.stringify((await Store.open(store.path)).catalog.data)).toBe(
      JSON.stringify(writer.catalog.data),
    );
  });

  it('GIVEN a line whose audit entry names as stored a record the store does not hold THEN the journal is refused as damaged, and nothing is applied', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('prague-cz', 'Praga'));
    const [header, line] = await linesOf(journalOf(store));
    await writeFile(
      journalOf(store),
      `${header}\n${(line as string).replaceAll('prague-cz', 'nowhere-cz')}\n`,
    );
    await expect(Store.open(store.path)).rejects.toThrow(
      /change #1 names nowhere-cz in cities, which the store does not hold/,
    );
  });

  it('GIVEN an edit made while a compaction writes the file THEN the journal that follows it holds that edit', async () => {
    const store = await storeFrom();
    await store.edit(ana, addName('prague-cz', 'Praga'));
    const compacting = store.journal.compactNow();
    await store.edit(ana, addName('shanghai-cn', 'Hu'));
    await compacting;
    const lines = await linesOf(journalOf(store));
    expect(lines.map((line) => JSON.parse(line).seq)).toEqual([1, 2]);
    expect((await Store.open(store.path)).catalog.data).toEqual(store.catalog.data);
  });

  it('GIVEN a journal half the size of the store file THEN it is not yet folded in (each fold rewrites the whole file), as big as the file it is, and below 1 MB never', () => {
    const file = 20_000_000;
    expect(compactionDue(file / 2, file)).toBe(false);
    expect(compactionDue(file, file)).toBe(true);
    expect(compactionDue(1_000_000, 1000)).toBe(false);
    expect(compactionDue(1024 * 1024, 1000)).toBe(true);
  });
});

describe('the indexes after an edit', () => {
  const queries = ['Praga', 'prag', 'Prahaa', 'Shanghai', 'Praha', 'Taipei', '臺北'];
  // Keys a reader derives from a city, here its names: an edit that adds, renames or removes changes them.
  const namesOf: CityKeys = (city) => [city.name, ...city.names.map((n) => n.name)].map(foldName);
  const answers = (catalog: Catalog) =>
    queries.map((q) => [
      catalog.resolveCity(q).kind,
      catalog.search(q, 5).map((c) => c.id),
      catalog.officeCitiesKeyed(namesOf, foldName(q)).map((c) => c.id),
      catalog.officeOneEditAway(foldName(q)).map((c) => c.id),
    ]);

  it('GIVEN indexes built at start and edits that add, rename and remove THEN they answer as indexes built anew from the same data', async () => {
    const store = await Store.create(join(await tempDir(), 'store.json'), smallStore(), {});
    store.catalog.warm();
    store.catalog.officeCitiesKeyed(namesOf, 'praha');
    await store.edit(ana, addName('prague-cz', 'Praga'));
    await store.edit(ana, (draft, _editor, office) => {
      const city = office.city('taipei-tw');
      if (city) city.names = [];
      draft.cities.push({ id: 'prahaa-cz', name: 'Prahaa', country: 'CZ', names: [] });
      return {
        action: 'test',
        summary: 'test',
        change: { key: 'alias', values: { city: 'taipei-tw', name: 'x' } },
        touched: [
          { record: 'city', id: 'taipei-tw' },
          { record: 'city', id: 'prahaa-cz' },
        ],
        result: undefined,
      };
    });
    const fresh = new Catalog(store.catalog.data);
    expect(answers(store.catalog)).toEqual(answers(fresh));
    expect(store.catalog.resolveCity('Praga')).toMatchObject({ kind: 'found' });
    expect(store.catalog.search('Prahaa', 5).map((c) => c.id)).toContain('prahaa-cz');
    expect(store.catalog.officeCitiesKeyed(namesOf, 'prahaa').map((c) => c.id)).toEqual(['prahaa-cz']);
    expect(store.catalog.officeCitiesKeyed(namesOf, '臺北')).toEqual([]);
    expect(store.catalog.officeOneEditAway('rahaa').map((c) => c.id)).toEqual(['prahaa-cz']);
  });

  it('GIVEN 2,000 partnerships THEN an edit writes a journal line of the size of what it changed, not of the store', async () => {
    const store = await Store.create(join(await tempDir(), 'store.json'), syntheticStore(2_000, 1_000), {});
    const file = (await stat(store.path)).size;
    const before = store.journal.sizes.journal;
    await store.edit(ana, addName(store.catalog.data.cities[1]?.id ?? '', 'Elsewhere'));
    const written = store.journal.sizes.journal - before;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(file / 100);
  });
});
