import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.ts';
import { answerText, EDIT_TIME, editingDispatcher, errorText, office } from '../fixtures/edit-dispatcher.ts';
import { operator, smallStore } from '../fixtures/knowledge-base.ts';

describe('staff', () => {
  it('GIVEN staff listing THEN shows every entry and marks the asker', async () => {
    const { ask } = await editingDispatcher();
    const reply = await ask('staff list');
    expect(answerText(reply)).toContain('1 entry.');
    expect(reply.sections?.[0]?.rows).toEqual([{ text: 'slack:UOFFICE', detail: 'you' }]);
  });

  it('GIVEN a Slack mention THEN adds that user, who may then run staff commands; the change is audited', async () => {
    const { store, ask } = await editingDispatcher();
    const ana: Caller = { platform: 'slack', userId: 'U0ANA' };
    expect(errorText(await ask('history', ana))).toContain('for office staff only');
    expect(answerText(await ask('staff add <@U0ANA|ana>'))).toBe('slack:U0ANA is now on the staff list.');
    expect(store.catalog.data.settings.staff).toEqual(['slack:UOFFICE', 'slack:U0ANA']);
    answerText(await ask('history', ana));
    expect(store.catalog.data.audit).toEqual([
      {
        at: EDIT_TIME,
        actor: 'slack:UOFFICE',
        platform: 'slack',
        action: 'staff add',
        summary: 'Added slack:U0ANA to the staff list',
        change: { key: 'staff', values: { who: 'slack:U0ANA', added: true } },
        target: 'slack:U0ANA',
        changes: [
          {
            record: 'setting',
            id: 'staff',
            before: ['slack:UOFFICE'],
            after: ['slack:UOFFICE', 'slack:U0ANA'],
          },
        ],
      },
    ]);
  });

  it('GIVEN a Discord role mention from Discord THEN adds the role', async () => {
    const { store, ask } = await editingDispatcher({
      ...smallStore(),
      settings: { staff: ['discord:user:7'] },
    });
    const discordStaff: Caller = { platform: 'discord', userId: '7' };
    answerText(await ask('staff add <@&456>', discordStaff));
    expect(store.catalog.data.settings.staff).toEqual(['discord:user:7', 'discord:role:456']);
  });

  it('GIVEN the last staff entry THEN it cannot be removed from chat, and nothing changes', async () => {
    const { store, ask, fileText } = await editingDispatcher();
    const before = await fileText();
    expect(errorText(await ask('staff remove slack:UOFFICE'))).toBe(
      'slack:UOFFICE is the last staff entry, and an office needs at least one. Add someone else first.',
    );
    expect(errorText(await ask('staff remove slack:UOFFICE', operator))).toContain('the last staff entry');
    expect(store.catalog.data.settings.staff).toEqual(['slack:UOFFICE']);
    expect(await fileText()).toBe(before);
  });

  it('GIVEN two entries THEN one can be removed, and then can no longer run staff commands', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('staff add slack:U0ANA'));
    expect(answerText(await ask('staff remove slack:U0ANA'))).toBe(
      'slack:U0ANA is no longer on the staff list.',
    );
    expect(store.catalog.data.settings.staff).toEqual(['slack:UOFFICE']);
    expect(errorText(await ask('staff list', { platform: 'slack', userId: 'U0ANA' }))).toContain(
      'for office staff only',
    );
  });

  it('GIVEN an entry already there or not there THEN says so, and writes nothing', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    expect(errorText(await ask('staff add slack:UOFFICE'))).toBe(
      'slack:UOFFICE is already on the staff list.',
    );
    expect(errorText(await ask('staff remove slack:U0GONE'))).toContain('is not on the staff list');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN add without who, or a display name THEN says how to name someone', async () => {
    const { ask } = await editingDispatcher();
    const reply = await ask('staff add');
    expect(errorText(reply)).toContain('Say who');
    expect(reply.field).toBe('who');
    expect(errorText(await ask('staff add @ana'))).toContain('is not a person or role I can add');
  });

  it('GIVEN a Discord mention typed in Slack THEN refuses rather than adding a wrong id', async () => {
    const { store, ask } = await editingDispatcher();
    expect((await ask('staff add <@123456>', office)).kind).toBe('error');
    expect(store.catalog.data.settings.staff).toEqual(['slack:UOFFICE']);
  });

  it('GIVEN words after staff list THEN refuses instead of ignoring them', async () => {
    const { ask } = await editingDispatcher();
    expect(errorText(await ask('staff list slack:U0ANA'))).toContain('`staff list` takes nothing after it.');
  });
});
