import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/languages.ts';
import { onEnglishFallback, registerCatalog } from '../../src/i18n/translator.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { dispatcherFor, operator } from '../fixtures/knowledge-base.ts';

async function helpIn(lang: Lang, text: string): Promise<string> {
  const { dispatcher } = await dispatcherFor(undefined, '2026-11-26');
  const reply = await dispatcher.answerText(text, { ...operator, lang });
  expect(reply.lang ?? 'en').toBe(lang);
  return renderPlain(reply);
}

describe('help in the reader’s language', () => {
  it('GIVEN a German reader asking for help THEN title, introduction, summaries and the staff heading are German', async () => {
    const text = await helpIn('de', 'help');
    expect(text).toContain('Städtepartnerschafts-Bot');
    expect(text).toContain(
      'Fragen Sie nach Partnerstädten, Jahrestagen und dem Stand von Partnerschaften. Mit `help <command>` erfahren Sie mehr.',
    );
    expect(text).toContain(
      '  • `partners [city] [in <Land>] [page <Zahl>]`\n    Die Partnerstädte einer Stadt mit Art, Status und Beginn (Standard: die Heimatstadt)',
    );
    expect(text).toContain(
      'Für Mitarbeitende des Büros (Änderungen werden in `history` festgehalten; `undo` nimmt Ihre letzte zurück)',
    );
    expect(text).toContain(
      '  • `home <city>`\n    Die Heimatstadt des Büros festlegen, Standard für `partners` (und für Erinnerungen) (nur für Mitarbeitende des Büros)',
    );
  });

  it('GIVEN a German reader asking about one command THEN its arguments, choices, optional marks and examples heading are German', async () => {
    const text = await helpIn('de', 'help city set');
    expect(text).toContain('field: was gesetzt wird: einer der Werte tz, region oder country');
    expect(text).toContain('value: der neue Wert (`none` leert tz oder region)');
    expect(text).toContain('Beispiele');
    expect(await helpIn('de', 'help alias')).toContain(
      'lang: sein Sprachcode (de, cs, ja …) (nicht erforderlich)',
    );
  });

  it('GIVEN a Japanese reader THEN help reads in Japanese, with command names and values kept as typed', async () => {
    const text = await helpIn('ja', 'help');
    expect(text).toContain('姉妹都市ボット');
    expect(text).toContain(
      '  • `agreement <city> <with>`\n    2都市間の提携の状況を双方ごとに、すべての経緯と出典とともに表示します',
    );
    expect(text).toContain(
      '  • `undo`\n    ご自身の直前の変更を取り消します（繰り返すとさらに遡ります）（職員のみ）',
    );
    const one = await helpIn('ja', 'help staff');
    expect(one).toContain('who：    職員またはロール（@メンションまたは ID）（省略可）');
    expect(one).toContain('例');
  });

  it('GIVEN an unknown command THEN the reader is told so in their language', async () => {
    expect(await helpIn('de', 'help fly')).toBe(
      'Einen Befehl „fly“ gibt es nicht. Mit `help` sehen Sie die Liste.',
    );
    expect(await helpIn('ja', 'help fly')).toBe(
      '「fly」というコマンドはありません。一覧は `help` で表示できます。',
    );
  });

  it('GIVEN English THEN the text is what it always was', async () => {
    const text = await helpIn('en', 'help staff');
    expect(text).toContain(
      'List the office staff, or add or remove a person or a Discord role (office staff only)',
    );
    expect(text).toContain('action: what to do: add, remove or list');
    expect(text).toContain('who:    a person or role (@mention or id) (optional)');
    expect(text).toContain('Examples:');
  });
});

describe('the help listing, made once per language', () => {
  it('GIVEN the listing was made THEN a catalog registered afterwards changes its words', async () => {
    const code = 'x-edition' as Lang;
    registerCatalog(code, { command: { partners: { summary: 'Old words' } } });
    expect(await helpIn(code, 'help')).toContain('Old words');
    registerCatalog(code, { command: { partners: { summary: 'New words' } } });
    const text = await helpIn(code, 'help');
    expect(text).toContain('New words');
    expect(text).not.toContain('Old words');
  });

  it('GIVEN the listing was made THEN someone listening for English fallbacks afterwards still hears them', async () => {
    const code = 'x-fallback' as Lang;
    registerCatalog(code, { help: { title: 'Hilfe' } });
    await helpIn(code, 'help');
    const fellBack = new Set<string>();
    const stop = onEnglishFallback((_, key) => fellBack.add(key));
    try {
      await helpIn(code, 'help');
    } finally {
      stop();
    }
    expect(fellBack).toContain('command.partners.summary');
  });
});
