import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { plainSpans } from '../../src/render/plain.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { answerText, editingDispatcher, office } from '../fixtures/edit-dispatcher.ts';
import { smallStoreWithAudit } from '../fixtures/knowledge-base.ts';
import { seedWithWorld } from '../fixtures/world-layer.ts';

/** Staff in a Slack channel the bot may post in, so `remind here` sets reminders up there. */
const inChannel: Caller = { ...office, channel: 'slack:T1:C9', canPostHere: async () => ({ canPost: true }) };

async function withChanges() {
  const edits = await editingDispatcher();
  for (const line of [
    'add Skövde, SE / Prague twin signed 2015',
    'record prague taipei renewal 2024-05-04',
    'home kitakami',
    'alias prague Praga pl',
  ])
    answerText(await edits.ask(line));
  answerText(await edits.ask('remind here tz Europe/Prague for Prague', inChannel));
  return edits;
}

const rowsOf = (reply: Reply) => reply.sections?.[0]?.rows.map((r) => plainSpans(r.text, reply.lang)) ?? [];
const historyIn = async (ask: (text: string, caller?: Caller) => Promise<Reply>, lang: Lang) =>
  rowsOf(await ask('history', { ...office, lang }));

/** Words of the English history sentences: none may be left in another reader's history. */
const ENGLISH =
  /\b(Added|Recorded|Set|Set up|reminders|partnership|name|home city|signed|renewed|new city|days ahead|on the day)\b/;

describe('history in the reader language', () => {
  it('GIVEN add, record, home, alias and remind here THEN a German reader reads every change in German', async () => {
    const { ask } = await withChanges();
    expect(await historyIn(ask, 'de')).toEqual([
      'Erinnerungen in slack:T1:C9 eingerichtet: 09:00 Uhr (Europe/Prague), 30 und 7 Tage vorher und am Tag selbst, für die Partnerschaften von Prag',
      'Name „Praga“ (pl) zu Prag, Tschechien hinzugefügt',
      'Heimatstadt auf Kitakami, Iwate, Japan gesetzt',
      'Für Prag – Taipei erfasst: erneuert am 4. Mai 2024',
      'Partnerschaft Skövde – Prag erfasst (Städtepartnerschaft, unterzeichnet im Jahr 2015); neue Stadt: Skövde, Schweden',
    ]);
  });

  it('GIVEN the same changes THEN a Czech reader reads them in Czech, with Praha', async () => {
    const { ask } = await withChanges();
    expect(await historyIn(ask, 'cs')).toEqual([
      'Nastaveny připomínky v kanálu slack:T1:C9: v 09:00 (Europe/Prague), 30 a\u00a07 dní předem a\u00a0v den výročí, pro partnerství města Praha',
      'K městu Praha, Česko přidán název „Praga“ (pl)',
      'Domovské město nastaveno na Kitakami, Iwate, Japonsko',
      'U partnerství Praha – Taipei zaznamenáno: prodlouženo dne 4. května 2024',
      'Zaznamenáno partnerství Skövde – Praha (družební město, podepsáno v roce 2015); nové město: Skövde, Švédsko',
    ]);
  });

  it('GIVEN the same changes THEN a Japanese reader reads them in Japanese, with 北上市', async () => {
    const { ask } = await withChanges();
    expect(await historyIn(ask, 'ja')).toEqual([
      'slack:T1:C9にリマインダーを設定：09:00（Europe/Prague）、30、7日前、当日、Pragueの提携について',
      'Prague（チェコ）に名称「Praga」（pl）を追加',
      '本拠都市を北上市（日本・Iwate）に設定',
      'Prague – Taipeiについて記録：2024年5月4日に更新',
      'Skövde – Pragueの提携をツインタウンとして登録（2015年に調印）。新たに登録した都市：Skövde（スウェーデン）',
    ]);
  });

  it('GIVEN the same changes THEN no English sentence is left for any other reader', async () => {
    const { ask } = await withChanges();
    expect((await historyIn(ask, 'en')).filter((row) => ENGLISH.test(row))).toHaveLength(5);
    for (const lang of ['de', 'fr', 'es', 'cs', 'ja', 'zh-Hans'] as const)
      expect((await historyIn(ask, lang)).filter((row) => ENGLISH.test(row))).toEqual([]);
  });

  it('GIVEN an entry written before changes were recorded as data THEN its summary is shown as stored', async () => {
    const { ask } = await editingDispatcher(
      smallStoreWithAudit({
        at: '2025-03-01T10:00:00Z',
        actor: 'slack:UOFFICE',
        platform: 'slack',
        action: 'home',
        summary: 'Set the home city to Prague, Czechia',
        target: 'prague-cz',
      }),
    );
    expect(await historyIn(ask, 'de')).toEqual(['Set the home city to Prague, Czechia']);
  });

  it('GIVEN a change naming a city the store no longer has THEN the city is shown by its id', async () => {
    const { ask } = await editingDispatcher(
      smallStoreWithAudit({
        at: '2025-03-01T10:00:00Z',
        actor: 'slack:UOFFICE',
        platform: 'slack',
        action: 'home',
        summary: 'Set the home city to Atlantis',
        change: { key: 'home', values: { city: 'atlantis-gr' } },
      }),
    );
    expect(await historyIn(ask, 'de')).toEqual(['Heimatstadt auf atlantis-gr gesetzt']);
  });

  it('GIVEN the changes THEN the store file keeps the English summary and the change as data, and validates', async () => {
    const { fileText } = await withChanges();
    const onDisk = JSON.parse(await fileText());
    expect(StoreSchema.safeParse(onDisk).error).toBeUndefined();
    expect(onDisk.audit.map((entry: { summary: string }) => entry.summary)).toEqual([
      'Added the partnership Skövde – Prague (twin town), signed 2015; new city: Skövde, Sweden',
      'Recorded for Prague – Taipei: renewed on 4 May 2024',
      'Set the home city to Kitakami, Iwate, Japan',
      'Added the name "Praga" (pl) to Prague, Czechia',
      "Set up reminders in slack:T1:C9: 09:00 Europe/Prague, 30 and 7 days ahead and on the day, for Prague's partnerships",
    ]);
    expect(onDisk.audit[1].change).toEqual({
      key: 'recorded',
      values: {
        cities: ['prague-cz', 'taipei-tw'],
        milestone: { kind: 'renewal', date: '2024-05-04', sources: [] },
      },
    });
  });

  it('GIVEN remind here THEN undo tells a German reader what it took back in German, from the recorded change', async () => {
    const { ask } = await editingDispatcher();
    answerText(await ask('remind here tz Europe/Prague for Prague', inChannel));
    expect(answerText(await ask('undo', { ...inChannel, lang: 'de' }))).toBe(
      'Rückgängig gemacht: Erinnerungen in slack:T1:C9 eingerichtet: 09:00 Uhr (Europe/Prague), 30 und 7 Tage vorher und am Tag selbst, für die Partnerschaften von Prag.',
    );
  });

  it('GIVEN city set, remove, world, language, remind off and staff add THEN a Chinese reader reads them in Chinese, and no other reader reads English', async () => {
    const { ask } = await editingDispatcher();
    const inWorkspace: Caller = { ...office, workspace: 'slack:T1' };
    for (const [line, caller] of [
      ['city set Kitakami tz Asia/Tokyo', office],
      ['city set Kitakami tz Asia/Seoul', office],
      ['remove prague taipei --yes', office],
      ['world on', office],
      ['language de', inWorkspace],
      ['remind here tz Europe/Prague', inChannel],
      ['remind off', inChannel],
      ['staff add <@U0ANA|ana>', office],
    ] as const)
      answerText(await ask(line, caller));
    expect(await historyIn(ask, 'zh-Hans')).toEqual([
      '将slack:U0ANA加入工作人员名单',
      '停止slack:T1:C9的提醒',
      '在slack:T1:C9设置提醒：09:00（Europe/Prague），提前30和7天和当天，针对所有友好城市关系',
      '将slack:T1的语言设为德语',
      '开启公开列表显示',
      '删除友好城市关系Prague – Taipei',
      '将Kitakami（日本·Iwate）的时区设为Asia/Seoul（原为Asia/Tokyo）',
      '将Kitakami（日本·Iwate）的时区设为Asia/Tokyo',
    ]);
    for (const lang of ['de', 'fr', 'es', 'cs', 'ja'] as const)
      expect(
        (await historyIn(ask, lang)).filter((row) =>
          /\b(Added|Stopped|Set|Turned|Removed|staff list|reminders|language of|was)\b/.test(row),
        ),
      ).toEqual([]);
  });

  it('GIVEN add for a pair the world layer lists THEN a Spanish reader reads that it was taken into the records', async () => {
    const { ask } = await editingDispatcher(await seedWithWorld());
    answerText(await ask('add Berlin / Moscow partner_city signed 1991'));
    expect(await historyIn(ask, 'es')).toEqual([
      'Se incorporó a los registros de la oficina la relación entre Berlín – Moscow, que figuraba en las listas públicas (ciudad asociada, firmado en 1991)',
    ]);
  });
});
