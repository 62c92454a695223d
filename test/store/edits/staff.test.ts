import { describe, expect, it } from 'vitest';
import { changeStaff } from '../../../src/store/edits/staff.ts';
import type { Editor } from '../../../src/store/store.ts';
import { smallStore, storeFrom } from '../../fixtures/knowledge-base.ts';

const office: Editor = { actor: 'slack:UOFFICE', platform: 'slack' };

describe('changeStaff', () => {
  it('GIVEN a new entry THEN adds it and audits the staff list before and after', async () => {
    const store = await storeFrom();
    expect(await store.edit(office, changeStaff('add', 'discord:role:456', { keepOne: true }))).toBe('added');
    expect(store.catalog.data.settings.staff).toEqual(['slack:UOFFICE', 'discord:role:456']);
    expect(store.catalog.data.audit.at(-1)).toMatchObject({
      action: 'staff add',
      summary: 'Added discord:role:456 to the staff list',
      target: 'discord:role:456',
      changes: [
        {
          record: 'setting',
          id: 'staff',
          before: ['slack:UOFFICE'],
          after: ['slack:UOFFICE', 'discord:role:456'],
        },
      ],
    });
  });

  it('GIVEN an entry already there, or one to remove that is not THEN changes nothing and audits nothing', async () => {
    const store = await storeFrom();
    expect(await store.edit(office, changeStaff('add', 'slack:UOFFICE', { keepOne: true }))).toBe(
      'already-there',
    );
    expect(await store.edit(office, changeStaff('remove', 'slack:UNOBODY', { keepOne: true }))).toBe(
      'not-there',
    );
    expect(store.catalog.data.audit).toEqual([]);
  });

  it('GIVEN the last entry and keepOne (chat) THEN refuses; without keepOne (the CLI) THEN removes it', async () => {
    const chat = await storeFrom();
    expect(await chat.edit(office, changeStaff('remove', 'slack:UOFFICE', { keepOne: true }))).toBe(
      'last-one',
    );
    expect(chat.catalog.data.settings.staff).toEqual(['slack:UOFFICE']);
    const cli = await storeFrom(smallStore());
    const owner: Editor = { actor: 'cli:root', platform: 'cli' };
    expect(await cli.edit(owner, changeStaff('remove', 'slack:UOFFICE', { keepOne: false }))).toBe('removed');
    expect(cli.catalog.data.settings.staff).toEqual([]);
  });

  it('GIVEN two entries THEN one can be removed from chat', async () => {
    const store = await storeFrom({ ...smallStore(), settings: { staff: ['slack:UOFFICE', 'slack:UTWO'] } });
    expect(await store.edit(office, changeStaff('remove', 'slack:UTWO', { keepOne: true }))).toBe('removed');
    expect(store.catalog.data.settings.staff).toEqual(['slack:UOFFICE']);
  });
});
