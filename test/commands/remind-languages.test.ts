import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { shellCaller } from '../../src/adapters/shell.ts';
import type { Caller } from '../../src/core/caller.ts';
import { Dispatcher } from '../../src/core/dispatcher.ts';
import { openLedger } from '../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../src/reminders/scheduler.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { smallStore, storeFrom } from '../fixtures/knowledge-base.ts';

async function setUp() {
  const store = await storeFrom(smallStore());
  const ledger = await openLedger(store.path);
  const dispatcher = new Dispatcher({
    store,
    ledger,
    commands,
    today: () => Temporal.PlainDate.from('2027-05-01'),
  });
  const ask = async (text: string, caller: Caller) => renderPlain(await dispatcher.answerText(text, caller));
  return { store, ledger, ask };
}

describe('remind and reminders in the reader’s language', () => {
  it('GIVEN a German reader THEN remind here answers in German, with the date and the ordinal as German writes them', async () => {
    const { ask } = await setUp();
    const text = await ask('remind here tz Europe/Berlin for all', shellCaller('de'));
    expect(text).toContain('Erinnerungen für diesen Kanal eingerichtet');
    expect(text).toContain(
      '09:00 Uhr (Europe/Berlin), 30 und 7 Tage vorher und am Tag selbst, für alle Partnerschaften',
    );
    expect(text).toContain(
      'Nächste Erinnerung: am 4. Mai 2027 – 🎉 60. Jahrestag der Städtepartnerschaft Le Mans – Paderborn (rundes Jubiläum)',
    );
  });

  it('GIVEN a Chinese reader THEN remind here with a language it cannot post in is refused in Chinese, and nothing is set up', async () => {
    const { store, ask } = await setUp();
    const text = await ask('remind here tz UTC lang xx', shellCaller('zh-Hans'));
    expect(text).toContain('无法使用“xx”发送');
    expect(store.catalog.data.reminders.targets).toEqual([]);
  });

  it('GIVEN a Japanese reader THEN reminders status and preview are Japanese', async () => {
    const { store, ledger, ask } = await setUp();
    await ask('remind here tz UTC lang cs for all', shellCaller());
    await new ReminderScheduler(store, ledger, { console: { deliver: async () => ({ ok: true }) } }).tick(
      Temporal.Instant.from('2027-05-04T09:00:00Z'),
    );
    const status = await ask('reminders status', shellCaller('ja'));
    expect(status).toContain('09:00（UTC）、30、7日前、当日、すべての提携について、言語：チェコ語');
    expect(status).toContain(
      '最終投稿：2027-05-04 09:00 UTC、le-mans-fr--paderborn-de #60 30日前（予定日 2027-05-04）',
    );
    const preview = await ask('reminders preview next 40 days', shellCaller('ja'));
    expect(preview).toContain('2027年5月27日 09:00 UTC · console');
    expect(preview).toContain('Le Mans – Paderborn 姉妹都市提携60周年');
  });

  it('GIVEN remind here lang default THEN the target’s own language is removed', async () => {
    const { store, ask } = await setUp();
    await ask('remind here tz UTC lang fr', shellCaller());
    expect(store.catalog.data.reminders.targets[0]?.lang).toBe('fr');
    await ask('remind here lang default', shellCaller());
    expect(store.catalog.data.reminders.targets[0]?.lang).toBeUndefined();
  });
});
