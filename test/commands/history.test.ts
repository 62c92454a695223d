import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { plainSpans } from '../../src/render/plain.ts';
import { answerText, editingDispatcher, office } from '../fixtures/edit-dispatcher.ts';
import { legacyImport, operator, smallStoreWithAudit } from '../fixtures/knowledge-base.ts';

async function withChanges() {
  const edits = await editingDispatcher();
  for (const line of [
    'alias prague Praga pl',
    'record prague taipei renewal 2024',
    'city set kitakami tz Asia/Tokyo',
    'add Skövde, SE / Prague',
    'record le mans paderborn renewal 2017',
  ]) {
    answerText(await edits.ask(line));
  }
  return edits;
}

const rowsOf = (reply: Reply) =>
  reply.sections?.[0]?.rows.map((r) => plainSpans(r.text, reply.lang ?? 'en')) ?? [];

describe('history', () => {
  it('GIVEN no changes THEN says none are recorded', async () => {
    const { ask } = await editingDispatcher();
    expect(answerText(await ask('history'))).toContain('No changes recorded yet.');
  });

  it('GIVEN changes THEN lists all, newest first, with when, who and where', async () => {
    const { ask } = await withChanges();
    const reply = await ask('history');
    expect(reply.text).toBe('5 changes, newest first.');
    expect(reply.ephemeral).toBe(true);
    expect(rowsOf(reply)).toEqual([
      'Recorded for Le Mans – Paderborn: renewed in 2017',
      'Added the partnership Skövde – Prague; new city: Skövde, Sweden',
      "Set Kitakami, Iwate, Japan's time zone to Asia/Tokyo",
      'Recorded for Prague – Taipei: renewed in 2024',
      'Added the name "Praga" (pl) to Prague, Czechia',
    ]);
    expect(reply.sections?.[0]?.rows[0]?.detail).toBe('2026-11-26 09:30 UTC · slack:UOFFICE · slack');
  });

  it('GIVEN one city THEN lists the changes to it and to its partnerships, and no others', async () => {
    const { ask } = await withChanges();
    const reply = await ask('history praha');
    expect(reply.title).toBe('History of Prague');
    expect(rowsOf(reply)).toEqual([
      'Added the partnership Skövde – Prague; new city: Skövde, Sweden',
      'Recorded for Prague – Taipei: renewed in 2024',
      'Added the name "Praga" (pl) to Prague, Czechia',
    ]);
  });

  it('GIVEN a pair THEN lists only the changes to that partnership', async () => {
    const { ask } = await withChanges();
    const reply = await ask('history taipei prague');
    expect(reply.title).toBe('History of Taipei – Prague');
    expect(rowsOf(reply)).toEqual(['Recorded for Prague – Taipei: renewed in 2024']);
    expect(answerText(await ask('history prague shanghai'))).toContain('No changes recorded yet.');
  });

  it('GIVEN an undone change THEN it is marked (undone), and the undo is listed too', async () => {
    const { ask } = await withChanges();
    answerText(await ask('undo'));
    expect(rowsOf(await ask('history le mans paderborn'))).toEqual([
      'Undid: Recorded for Le Mans – Paderborn: renewed in 2017',
      'Recorded for Le Mans – Paderborn: renewed in 2017 (undone)',
    ]);
    expect(rowsOf(await ask('history')).filter((r) => r.endsWith('(undone)'))).toHaveLength(1);
  });

  it('GIVEN entries from before changes were recorded THEN lists them by action and target', async () => {
    const { ask } = await editingDispatcher(
      smallStoreWithAudit(legacyImport({ actor: 'cli:root', platform: 'cli' }, '2025-01-01T12:00:00Z')),
    );
    const reply = await ask('history', operator);
    expect(reply.sections?.[0]?.rows).toEqual([
      { text: ['import twins.csv'], detail: '2025-01-01 12:00 UTC · cli:root · cli' },
    ]);
  });
});

describe('history in the reader language', () => {
  it('GIVEN a German reader and a pair THEN the title names Prag, the count is German and so is the change', async () => {
    const { ask } = await withChanges();
    const reply = await ask('history taipei prague', { ...office, lang: 'de' });
    expect(reply.title).toBe('Änderungsverlauf: Taipei – Prag');
    expect(reply.text).toBe('1 Änderung, neueste zuerst.');
    expect(rowsOf(reply)).toEqual(['Für Prag – Taipei erfasst: erneuert im Jahr 2024']);
  });

  it('GIVEN a Czech reader THEN counts changes with Czech plurals and marks an undone change', async () => {
    const { ask } = await withChanges();
    answerText(await ask('undo'));
    const reply = await ask('history le mans paderborn', { ...office, lang: 'cs' });
    expect(reply.title).toBe('Historie změn: Le Mans – Paderborn');
    expect(reply.text).toBe('2 změny, od nejnovější.');
    expect(rowsOf(reply)).toEqual([
      'Vráceno zpět: U partnerství Le Mans – Paderborn zaznamenáno: prodlouženo v roce 2017',
      'U partnerství Le Mans – Paderborn zaznamenáno: prodlouženo v roce 2017 (vráceno zpět)',
    ]);
    expect((await ask('history', { ...office, lang: 'cs' })).text).toBe('6 změn, od nejnovější.');
  });

  it('GIVEN a Japanese reader and no changes THEN says so in Japanese', async () => {
    const { ask } = await withChanges();
    const reply = await ask('history prague shanghai', { ...office, lang: 'ja' });
    expect(reply.title).toBe('Prague – Shanghaiの変更履歴');
    expect(answerText(reply)).toContain('変更の記録はまだありません。');
  });
});
