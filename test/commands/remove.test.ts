import { describe, expect, it } from 'vitest';
import { plainSpans } from '../../src/render/plain.ts';
import { answerText, editingDispatcher, errorText, office } from '../fixtures/edit-dispatcher.ts';

describe('remove', () => {
  it('GIVEN a partnership THEN asks to confirm with what would be lost, and deletes nothing yet', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const reply = await ask('remove prague shanghai');
    expect(plainSpans(reply.text ?? '')).toContain(
      'Delete the partnership Prague – Shanghai with 2 milestones and 1 source?',
    );
    expect(plainSpans(reply.text ?? '')).toContain('`record prague-cz shanghai-cn termination <date>');
    expect(reply.confirm?.command).toBe('remove prague / shanghai --yes');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN --yes THEN deletes it, audits it, and agreement no longer finds it', async () => {
    const { store, ask, say } = await editingDispatcher();
    const removed = structuredClone(store.catalog.partnershipBetween('prague-cz', 'shanghai-cn'));
    expect(answerText(await ask('remove prague shanghai --yes'))).toContain(
      'Removed the partnership Prague – Shanghai.',
    );
    expect(store.catalog.partnershipBetween('prague-cz', 'shanghai-cn')).toBeUndefined();
    expect(await say('agreement prague shanghai')).not.toContain('Timeline');
    expect(store.catalog.data.audit.at(-1)).toMatchObject({
      action: 'remove',
      summary: 'Removed the partnership Prague – Shanghai',
      changes: [{ record: 'partnership', id: 'prague-cz--shanghai-cn', before: removed }],
    });
    expect(store.catalog.data.audit.at(-1)?.changes?.[0]).not.toHaveProperty('after');
  });

  it('GIVEN the Confirm token THEN deletes it; then undo brings it back whole', async () => {
    const { store, dispatcher, ask } = await editingDispatcher();
    const original = structuredClone(store.catalog.partnershipBetween('prague-cz', 'shanghai-cn'));
    const token = (await ask('remove prague shanghai')).confirm?.token;
    if (!token) throw new Error('no confirmation asked');
    answerText(await dispatcher.confirm(token, office));
    expect(store.catalog.partnershipBetween('prague-cz', 'shanghai-cn')).toBeUndefined();
    answerText(await ask('undo'));
    expect(store.catalog.partnershipBetween('prague-cz', 'shanghai-cn')).toEqual(original);
  });

  it('GIVEN no partnership between the cities THEN says so, and asks nothing', async () => {
    const { ask } = await editingDispatcher();
    const reply = await ask('remove prague kitakami --yes');
    expect(errorText(reply)).toBe('No partnership between Prague – Kitakami is recorded.');
    expect(reply.confirm).toBeUndefined();
  });

  it('GIVEN a removal confirmed after someone else already removed it THEN says none is recorded and changes nothing', async () => {
    const { store, dispatcher, ask } = await editingDispatcher();
    const token = (await ask('remove prague shanghai')).confirm?.token;
    if (!token) throw new Error('no confirmation asked');
    answerText(await ask('remove prague shanghai --yes'));
    expect(errorText(await dispatcher.confirm(token, office))).toBe(
      'No partnership between Prague – Shanghai is recorded.',
    );
    expect(store.catalog.data.audit).toHaveLength(1);
  });
});
