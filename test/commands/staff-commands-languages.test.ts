import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { answerText, editingDispatcher, errorText, office } from '../fixtures/edit-dispatcher.ts';
import { seedWithWorld } from '../fixtures/world-layer.ts';

/** The office's staff member, reading in `lang`. */
const reader = (lang: Lang): Caller => ({ ...office, lang });
const de = reader('de');
const cs = reader('cs');
const ja = reader('ja');
const zh = reader('zh-Hans');

describe("staff commands in the reader's language", () => {
  it('GIVEN add in German, Czech and Japanese THEN the confirmation names the new cities and their countries in that language', async () => {
    const added = 'add Skövde, SE / Zhangjiakou, CN friendship_city signed 2015';
    const inGerman = await editingDispatcher();
    expect(answerText(await inGerman.ask(added, de))).toBe(
      'Die Städtepartnerschaft Skövde – Zhangjiakou wurde erfasst. Neu angelegt: Skövde, Schweden und Zhangjiakou, China. Ansehen mit `agreement skovde-se zhangjiakou-cn`, rückgängig machen mit `undo`.',
    );
    const inCzech = await editingDispatcher();
    expect(answerText(await inCzech.ask(added, cs))).toBe(
      'Partnerství měst Skövde – Zhangjiakou bylo zaznamenáno. Nově založená města: Skövde, Švédsko a\u00a0Zhangjiakou, Čína. Zobrazíte ho příkazem `agreement skovde-se zhangjiakou-cn`, vrátíte příkazem `undo`.',
    );
    const inJapanese = await editingDispatcher();
    expect(answerText(await inJapanese.ask(added, ja))).toBe(
      'Skövde – Zhangjiakouの提携を登録しました。新たに登録した都市：Skövde（スウェーデン）、Zhangjiakou（中国）。`agreement skovde-se zhangjiakou-cn`で確認、`undo`で取り消しができます。',
    );
  });

  it('GIVEN add of a pair already recorded THEN the refusal gives its status with the date in the reader’s language', async () => {
    const { ask } = await editingDispatcher();
    expect(errorText(await ask('add Prague / Shanghai', de))).toBe(
      'Prag – Shanghai sind bereits Partnerstädte (beendet durch Shanghai am 14. Januar 2020). Mit `record prague-cz shanghai-cn <milestone>` ergänzen Sie die Chronik.',
    );
    expect(errorText(await ask('add Prague / Shanghai', cs))).toBe(
      'Praha – Shanghai již jsou partnerská města (ukončeno ze strany města Shanghai dne 14. ledna 2020). Průběh doplníte příkazem `record prague-cz shanghai-cn <milestone>`.',
    );
    expect(errorText(await ask('add Prague / Praha', zh))).toBe('城市不能与自身结好：请指定两个不同的城市。');
  });

  it('GIVEN a termination THEN the question to confirm is in the reader’s language, with the date in its form', async () => {
    const { ask } = await editingDispatcher();
    const termination = 'record prague taipei termination 2024-03 by taipei';
    expect(answerText(await ask(termination, de))).toBe(
      'Änderung bestätigen\n\nFür Prag – Taipei erfassen: beendet durch Taipei im März 2024? Der Status ändert sich damit für alle.\n\nZum Ausführen: `record prague / taipei termination 2024-03 by taipei --yes`',
    );
    expect(answerText(await ask(termination, cs))).toContain(
      'Zaznamenat u partnerství Praha – Taipei: ukončeno ze strany města Taipei, březen 2024? Stav se tím změní pro všechny.',
    );
    expect(answerText(await ask(termination, ja))).toContain(
      'Prague – Taipeiについて「2024年3月にTaipeiにより終了」を記録しますか？全員に表示される状態が変わります。',
    );
  });

  it('GIVEN record, then the same milestone again THEN the reply and the refusal are in the reader’s language', async () => {
    const { ask } = await editingDispatcher();
    const renewal = 'record prague shanghai renewal 2021-05-04';
    expect(answerText(await ask(renewal, cs))).toBe(
      'Zaznamenáno u partnerství Praha – Shanghai: prodlouženo dne 4. května 2021. Aktuální stav: platné, prodlouženo 4. května 2021. Průběh zobrazíte příkazem `agreement prague-cz shanghai-cn`; vrátíte příkazem `undo`.',
    );
    expect(errorText(await ask(renewal, de))).toBe(
      'Dieser Meilenstein ist für Prag – Shanghai bereits erfasst.',
    );
    expect(errorText(await ask(renewal, ja))).toBe(
      'この出来事はPrague – Shanghaiについてすでに記録されています。',
    );
    expect(errorText(await ask('record prague shanghai objection 2021 by taipei', de))).toBe(
      'Taipei gehört nicht zu den beiden Städten und kann in der Partnerschaft Prag – Shanghai nicht handeln.',
    );
    expect(errorText(await ask('record preston taipei signing 2020', cs))).toBe(
      'Pro dvojici Preston – Taipei není zaznamenáno žádné partnerství. Nejprve ho založte příkazem `add preston-gb / taipei-tw`.',
    );
  });

  it('GIVEN undo THEN it names the change it took back in the reader’s language, and refuses in it when there is none', async () => {
    const { ask } = await editingDispatcher();
    answerText(await ask('record prague shanghai renewal 2021-05-04', de));
    expect(answerText(await ask('undo', de))).toBe(
      'Rückgängig gemacht: für Prag – Shanghai erfasst: erneuert am 4. Mai 2021.',
    );
    answerText(await ask('add Skövde, SE / Zhangjiakou, CN', cs));
    expect(answerText(await ask('undo', cs))).toBe(
      'Vráceno zpět: zaznamenáno partnerství měst Skövde – Zhangjiakou.',
    );
    answerText(await ask('city set preston tz Europe/London', ja));
    expect(answerText(await ask('undo', ja))).toBe('取り消しました：Prestonの情報を修正。');
    expect(errorText(await ask('undo', de))).toBe(
      'Sie haben keine Änderung, die sich rückgängig machen ließe.',
    );
    expect(errorText(await ask('undo', cs))).toBe('Nemáte žádnou změnu, kterou by bylo možné vrátit.');
  });

  it('GIVEN someone else changed the record since THEN the refusal names them and both changes in the reader’s language', async () => {
    const { ask } = await editingDispatcher();
    answerText(await ask('alias taipei Taibei', de));
    answerText(await ask('alias taipei Daibak', { platform: 'shell', userId: 'tester' }));
    expect(errorText(await ask('undo', de))).toBe(
      'Ihre letzte Änderung (Name „Taibei“ zu Taipei hinzugefügt) lässt sich nicht rückgängig machen: die Stadt taipei-tw wurde seitdem von shell:tester geändert (Name „Daibak“ zu Taipei hinzugefügt). Nehmen Sie stattdessen die umgekehrte Änderung vor.',
    );
    expect(errorText(await ask('undo', cs))).toBe(
      'Vaši poslední změnu (k městu Taipei přidán název „Taibei“) nelze vrátit: záznam město taipei-tw mezitím změnil uživatel shell:tester (k městu Taipei přidán název „Daibak“). Proveďte místo toho opačnou změnu.',
    );
  });

  it('GIVEN remove THEN the question and the reply are in the reader’s language, with its plurals', async () => {
    const { ask } = await editingDispatcher();
    expect(answerText(await ask('remove prague shanghai', cs))).toContain(
      'Smazat partnerství měst Praha – Shanghai (2 milníky, 1 zdroj)? Pokud bylo ukončeno, zaznamenejte raději to: `record prague-cz shanghai-cn termination <date>`.',
    );
    expect(answerText(await ask('remove prague shanghai', de))).toContain(
      'Die Städtepartnerschaft Prag – Shanghai (2 Meilensteine, 1 Quelle) löschen?',
    );
    expect(answerText(await ask('remove prague shanghai --yes', zh))).toBe(
      '已删除友好城市关系Prague – 上海。用`undo`可恢复。',
    );
    expect(errorText(await ask('remove prague shanghai', de))).toBe(
      'Für Prag – Shanghai ist keine Partnerschaft erfasst.',
    );
  });

  it('GIVEN alias THEN the reply names the city and its country in the reader’s language', async () => {
    const { ask } = await editingDispatcher();
    expect(answerText(await ask('alias taipei Taibei', de))).toBe('„Taibei“ findet jetzt Taipei, Taiwan.');
    expect(errorText(await ask('alias taipei Taibei', cs))).toBe(
      '„Taibei“ už je názvem města Taipei, Tchaj-wan.',
    );
    expect(errorText(await ask('alias taipei Taibei', ja))).toBe(
      '「Taibei」はすでにTaipei（台湾）の名称です。',
    );
  });

  it('GIVEN city set THEN the reply, a country by its name and a refusal are in the reader’s language', async () => {
    const { ask } = await editingDispatcher();
    expect(answerText(await ask('city set preston country FR', de))).toBe(
      'Das Land von Preston ist jetzt Frankreich.',
    );
    expect(errorText(await ask('city set preston country FR', cs))).toBe(
      'Země města Preston již je Francie.',
    );
    expect(errorText(await ask('city set preston tz none', ja))).toBe(
      'Prestonのタイムゾーンはすでに未設定です。',
    );
    expect(errorText(await ask('city set preston region !!!', cs))).toBe(
      'Region „!!!“ neobsahuje žádná písmena ani číslice: uveďte jeho název, nebo `none` pro jeho vymazání.',
    );
  });

  it('GIVEN a country named in the reader’s language THEN city set takes it; one unknown THEN refuses in that language', async () => {
    const { ask, store } = await editingDispatcher();
    expect(answerText(await ask('city set preston country Tschechien', de))).toBe(
      'Das Land von Preston ist jetzt Tschechien.',
    );
    expect(store.catalog.city('preston-gb')?.country).toBe('CZ');
    answerText(await ask('city set preston country イギリス', ja));
    expect(store.catalog.city('preston-gb')?.country).toBe('GB');
    expect(errorText(await ask('city set preston country Narnie', cs))).toBe(
      '„Narnie“ není známá země: použijte její kód ISO, např. CZ, nebo její český či anglický název.',
    );
  });

  it('GIVEN staff THEN the list and the replies are in the reader’s language', async () => {
    const { ask } = await editingDispatcher();
    expect(answerText(await ask('staff list', cs))).toBe(
      'Pracovníci úřadu\n\n1 záznam. Pracovníci mohou měnit záznamy a nastavení.\n\n  • slack:UOFFICE\n    vy',
    );
    expect(answerText(await ask('staff add slack:U9', de))).toBe(
      'slack:U9 steht jetzt auf der Liste der Mitarbeitenden.',
    );
    expect(errorText(await ask('staff remove slack:UNONE', zh))).toBe(
      'slack:UNONE不在工作人员名单上。可用`staff list`查看。',
    );
    expect(errorText(await ask('staff add', cs))).toBe(
      'Uveďte koho, např. `staff add @name` nebo `staff add discord:role:456`.',
    );
  });

  it('GIVEN world THEN its state and a refusal are in the reader’s language', async () => {
    const { ask } = await editingDispatcher();
    expect(answerText(await ask('world', de))).toBe(
      'Die öffentlichen Listen sind ausgeblendet\n\nEs werden nur die eigenen Einträge des Büros angezeigt. Mit `world on` blenden Sie die Listen ein.',
    );
    expect(errorText(await ask('world off', cs))).toBe('Veřejné seznamy už jsou vypnuté.');
    expect(errorText(await ask('world off', ja))).toBe('公開一覧の表示はすでにオフです。');
  });

  it('GIVEN world on, a listed pair hidden, and world off THEN each reply is in the reader’s language, with its plurals', async () => {
    const { ask } = await editingDispatcher(await seedWithWorld(false));
    const on = answerText(await ask('world on', cs));
    expect(on).toMatch(
      /^Veřejné seznamy jsou zapnuté: Vedle záznamů úřadu jsou zobrazeny údaje ze zdrojů .+: 14 měst a 9 partnerství ze seznamů; kde se oba týkají stejného města nebo dvojice, platí záznam úřadu\. Příkazem `undo` je opět vypnete\.$/,
    );
    expect(answerText(await ask('remove Berlin Moscow', de))).toContain(
      'Die Städtepartnerschaft Berlin – Moskau ausblenden (verzeichnet in Wikidata)?',
    );
    answerText(await ask('remove Berlin Moscow --yes', de));
    expect(answerText(await ask('world', de))).toContain(
      '1 vom Büro gelöschter Listeneintrag bleibt ausgeblendet.',
    );
    expect(answerText(await ask('world off', ja))).toBe(
      '公開一覧の表示をオフにしました。事務所の記録のみを表示します（一覧から取り込んだ記録は残ります）。`undo`で再びオンにできます。',
    );
    expect(answerText(await ask('undo', ja))).toBe('取り消しました：公開一覧の表示をオフ。');
    expect(answerText(await ask('undo', zh))).toBe('已撤销：删除友好城市关系Berlin – Moscow。');
  });

  it('GIVEN a name other cities have THEN alias warns in the reader’s language, with the plural it needs', async () => {
    const { ask } = await editingDispatcher();
    expect(answerText(await ask('alias kitakami Osaka', de))).toBe(
      '„Osaka“ findet jetzt Kitakami, Iwate, Japan. Auch Osaka, Japan trägt diesen Namen; bei Fragen damit wird nachgefragt, welche Stadt gemeint ist.',
    );
    expect(answerText(await ask('alias preston Concord', cs))).toMatch(
      /^Pod názvem „Concord“ se nyní najde Preston, Spojené království\. Stejný název nesou i Concord, .+ a\u00a0Concord, .+, takže u dotazů s ním se bot zeptá, které město máte na mysli\.$/,
    );
  });
});
