import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.ts';
import { answerText, editingDispatcher, errorText } from '../fixtures/edit-dispatcher.ts';
import { legacyImport, operator, smallStore, smallStoreWithAudit } from '../fixtures/knowledge-base.ts';

describe('undo', () => {
  it('GIVEN an add that created cities THEN undo removes the partnership and the new cities', async () => {
    const { store, ask, say } = await editingDispatcher();
    const before = structuredClone({
      cities: store.catalog.data.cities,
      partnerships: store.catalog.data.partnerships,
    });
    answerText(await ask('add Skövde, SE / Zhangjiakou, CN friendship_city signed 2015'));
    expect(answerText(await ask('undo'))).toBe(
      'Undone: Added the partnership Skövde – Zhangjiakou (friendship city), signed 2015; new cities: Skövde, Sweden; Zhangjiakou, China.',
    );
    expect({ cities: store.catalog.data.cities, partnerships: store.catalog.data.partnerships }).toEqual(
      before,
    );
    expect(await say('city skövde')).toContain('No city named');
    expect(store.catalog.data.audit.at(-1)).toMatchObject({
      action: 'undo',
      undoes: 0,
      actor: 'slack:UOFFICE',
    });
  });

  it('GIVEN undo again THEN walks further back through my own changes only', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('alias preston Proud Preston'));
    answerText(await ask('alias nablus Shechem', operator));
    answerText(await ask('city set preston tz Europe/London'));
    answerText(await ask('undo'));
    expect(store.catalog.city('preston-gb')).not.toHaveProperty('timeZone');
    answerText(await ask('undo'));
    expect(store.catalog.city('preston-gb')?.names).toEqual([]);
    expect(errorText(await ask('undo'))).toBe('You have no change to undo.');
    expect(store.catalog.city('nablus-ps')?.names).toEqual([{ name: 'Shechem', kind: 'alias' }]);
  });

  it('GIVEN someone else changed the record since THEN refuses naming them, and changes nothing', async () => {
    const { store, ask, fileText } = await editingDispatcher();
    answerText(await ask('alias taipei Taibei'));
    answerText(await ask('alias taipei Daibak', operator));
    const before = await fileText();
    expect(errorText(await ask('undo'))).toBe(
      'Your last change (Added the name "Taibei" to Taipei, Taiwan) cannot be undone: city taipei-tw was changed since by shell:tester (Added the name "Daibak" to Taipei, Taiwan). Make the opposite change instead.',
    );
    expect(await fileText()).toBe(before);
    expect(store.catalog.city('taipei-tw')?.names.map((n) => n.name)).toEqual(['臺北', 'Taibei', 'Daibak']);
  });

  it('GIVEN a termination confirmed THEN undo takes it back and the status is as before', async () => {
    const { ask, say } = await editingDispatcher();
    const status = (await say('agreement prague taipei')).match(/Status: +(.*)/)?.[1];
    answerText(await ask('record prague taipei termination 2024 by taipei --yes'));
    expect(await say('agreement prague taipei')).toMatch(/Status: +terminated/);
    answerText(await ask('undo'));
    expect((await say('agreement prague taipei')).match(/Status: +(.*)/)?.[1]).toBe(status);
  });

  it('GIVEN a new city someone else has used since THEN undo of my add is refused, and nothing changes', async () => {
    const { store, ask, fileText } = await editingDispatcher();
    answerText(await ask('add Skövde, SE / Prague'));
    answerText(await ask('add Skövde / Taipei', operator));
    const before = await fileText();
    const text = errorText(await ask('undo'));
    expect(text).toContain('Your last change cannot be undone: later changes depend on it');
    expect(text).toContain('skovde-se');
    expect(await fileText()).toBe(before);
    expect(store.catalog.partnershipBetween('prague-cz', 'skovde-se')).toBeDefined();
  });

  it('GIVEN an import earlier in the log THEN undo takes back my later change, then refuses at the import', async () => {
    const { store, ask, fileText } = await editingDispatcher(
      smallStoreWithAudit(legacyImport({ actor: 'shell:tester', platform: 'shell' })),
    );
    answerText(await ask('alias preston Proud Preston', operator));
    answerText(await ask('undo', operator));
    expect(store.catalog.city('preston-gb')?.names).toEqual([]);
    const before = await fileText();
    expect(errorText(await ask('undo', operator))).toBe(
      'Your last change (import) was recorded without its before and after, so it cannot be undone. Make the opposite change instead.',
    );
    expect(await fileText()).toBe(before);
  });

  it('GIVEN a Discord user THEN undo finds their change by their Discord id', async () => {
    const discordStaff: Caller = { platform: 'discord', userId: '7' };
    const { store, ask } = await editingDispatcher({
      ...smallStore(),
      settings: { staff: ['discord:user:7'] },
    });
    answerText(await ask('alias preston Proud Preston', discordStaff));
    expect(errorText(await ask('undo', operator))).toBe('You have no change to undo.');
    answerText(await ask('undo', discordStaff));
    expect(store.catalog.city('preston-gb')?.names).toEqual([]);
  });

  it('GIVEN words after undo THEN refuses instead of undoing the last change', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('alias preston Proud Preston'));
    expect((await ask('undo the alias for Nablus')).kind).toBe('error');
    expect(store.catalog.city('preston-gb')?.names).toHaveLength(1);
  });
});
