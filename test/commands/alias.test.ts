import { describe, expect, it } from 'vitest';
import { answerText, EDIT_TIME, editingDispatcher, errorText } from '../fixtures/edit-dispatcher.ts';
import { operator } from '../fixtures/knowledge-base.ts';

describe('alias', () => {
  it('GIVEN a name with a language THEN the city is found by it, and the audit keeps the city before and after', async () => {
    const { store, ask, say } = await editingDispatcher();
    const before = structuredClone(store.catalog.city('prague-cz'));
    expect(answerText(await ask('alias prague Praga pl'))).toBe('"Praga" now finds Prague, Czechia.');
    expect(await say('city praga')).toContain('Prague');
    expect(store.catalog.city('prague-cz')?.names.at(-1)).toEqual({
      name: 'Praga',
      lang: 'pl',
      kind: 'alias',
    });
    expect(store.catalog.data.audit).toEqual([
      {
        at: EDIT_TIME,
        actor: 'slack:UOFFICE',
        platform: 'slack',
        action: 'alias',
        summary: 'Added the name "Praga" (pl) to Prague, Czechia',
        change: { key: 'alias', values: { city: 'prague-cz', name: 'Praga', lang: 'pl' } },
        target: 'prague-cz',
        changes: [{ record: 'city', id: 'prague-cz', before, after: store.catalog.city('prague-cz') }],
      },
    ]);
  });

  it('GIVEN a name of several words without a language THEN stores it without one', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('alias san francisco City by the Bay'));
    expect(store.catalog.city('san-francisco-us')?.names).toEqual([
      { name: 'City by the Bay', kind: 'alias' },
    ]);
    expect(store.catalog.resolveCity('city by the bay')).toMatchObject({
      kind: 'found',
      city: { id: 'san-francisco-us' },
    });
  });

  it('GIVEN a name the city already has, in any case or accents THEN refuses, and writes nothing', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const reply = await ask('alias prague PRAHA');
    expect(errorText(reply)).toBe('"PRAHA" is already a name of Prague, Czechia.');
    expect(reply.field).toBe('name');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN a name another city has THEN adds it and warns that questions will ask which city is meant', async () => {
    const { ask } = await editingDispatcher();
    expect(answerText(await ask('alias kitakami Osaka'))).toContain(
      'Osaka, Japan also goes by that name, so questions using it will ask which city is meant.',
    );
  });

  it('GIVEN a name of 201 characters THEN refuses naming the limit of 200; 200 THEN adds it', async () => {
    const { store, ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const reply = await ask(`alias preston ${'p'.repeat(201)}`);
    expect(errorText(reply)).toBe('The other name is 201 characters long; the limit is 200.');
    expect(reply.field).toBe('name');
    expect(await fileText()).toBe(before);
    answerText(await ask(`alias preston ${'p'.repeat(200)}`));
    expect(store.catalog.city('preston-gb')?.names[0]?.name).toHaveLength(200);
  });

  it('GIVEN a name with no letters or digits THEN refuses it', async () => {
    const { ask } = await editingDispatcher();
    expect(errorText(await ask('alias preston ---'))).toContain('has no letters or digits');
  });

  it('GIVEN a name with a right-to-left override THEN stores it without the hidden character', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('alias preston Proud\u202E Preston'));
    expect(store.catalog.city('preston-gb')?.names).toEqual([{ name: 'Proud Preston', kind: 'alias' }]);
  });

  it('GIVEN the same new name sent twice at once THEN the city has it once', async () => {
    const { store, ask } = await editingDispatcher();
    await Promise.all([ask('alias prague Praga pl'), ask('alias prague Praga pl', operator)]);
    expect(store.catalog.city('prague-cz')?.names.filter((n) => n.name === 'Praga')).toHaveLength(1);
  });
});
