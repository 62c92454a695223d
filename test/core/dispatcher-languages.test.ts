import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { dispatcherFor, operator } from '../fixtures/knowledge-base.ts';
import { questionStore } from './question/question-store.ts';

const slackUser = (lang: Lang): Caller => ({ platform: 'slack', userId: 'USTRANGER', lang });
const shell = (lang: Lang): Caller => ({ ...operator, lang });

async function answer(text: string, caller: Caller) {
  const { dispatcher } = await dispatcherFor(questionStore());
  const reply = await dispatcher.answerText(text, caller);
  return { reply, plain: renderPlain(reply) };
}

describe("the dispatcher's refusals are in the reader's language", () => {
  it.each([
    [
      'de',
      '`home` ist nur für Mitarbeitende des Büros. Bitten Sie Ihr Büro, Sie in die Liste der Mitarbeitenden aufzunehmen.',
    ],
    [
      'cs',
      '`home` je určen jen pro pracovníky úřadu. Požádejte svůj úřad, aby vás zařadil na seznam pracovníků.',
    ],
    ['ja', '`home` は事務所の職員専用です。職員リストへの追加を事務所に依頼してください。'],
  ] as const)(
    'GIVEN a %s reader not on the staff list THEN the staff-only refusal is in that language',
    async (lang, expected) => {
      const { reply, plain } = await answer('home Prague', slackUser(lang));
      expect(reply.kind).toBe('error');
      expect(reply.lang).toBe(lang);
      expect(plain).toBe(expected);
    },
  );

  it('GIVEN a Slack user whose language is known only by looking it up THEN the refusal is in it too, not only answers', async () => {
    const lookedUp: Caller = {
      platform: 'slack',
      userId: 'USTRANGER',
      lookUpLang: () => Promise.resolve('ja'),
    };
    const { reply, plain } = await answer('home Prague', lookedUp);
    expect(reply.lang).toBe('ja');
    expect(plain).toBe('`home` は事務所の職員専用です。職員リストへの追加を事務所に依頼してください。');
  });

  it.each([
    ['de', '`agreement` braucht zwei Städte, z. B. `agreement Prague Shanghai`.'],
    ['cs', '`agreement` potřebuje dvě města, např. `agreement Prague Shanghai`.'],
    ['ja', '`agreement` には2つの都市名が必要です。例：`agreement Prague Shanghai`'],
  ] as const)(
    'GIVEN a %s reader leaving out both cities THEN says what is needed in that language',
    async (lang, expected) => {
      expect((await answer('agreement', shell(lang))).plain).toBe(expected);
    },
  );

  it("GIVEN an English reader leaving out both cities THEN the command's own words name them", async () => {
    expect((await answer('agreement', operator)).plain).toBe(
      '`agreement` needs a city and its partner city, e.g. `agreement Prague Shanghai`.',
    );
  });

  it.each([
    ['de', 'Keine Stadt namens „Atlantis“ gefunden. Versuchen Sie `search` mit einem Teil des Namens.'],
    ['cs', 'Město s názvem „Atlantis“ neznám. Zkuste `search` s částí názvu.'],
    ['ja', '「Atlantis」という都市は見つかりません。名称の一部で `search` をお試しください。'],
  ] as const)(
    'GIVEN a %s reader naming an unknown city THEN "no city named" is in that language',
    async (lang, expected) => {
      expect((await answer('agreement Prague Atlantis', shell(lang))).plain).toBe(expected);
    },
  );

  it('GIVEN a Czech reader and a city with namesakes THEN the count of cities takes the Czech plural', async () => {
    const { plain } = await answer('agreement Concord Kitakami', shell('cs'));
    expect(plain).toMatch(/^„Concord“ může označovat 2 města\. Upřesněte, které,/);
  });
});

describe("suggestions are in the reader's language", () => {
  it.each([
    [
      'de',
      'Ich bin nicht sicher, was Sie fragen. Verstanden habe ich die Städte Prag, Shanghai und Taipei. Meinten Sie `agreement Prague Shanghai`?',
    ],
    [
      'cs',
      'Nejsem si jistý, na co se ptáte. Rozuměl jsem: města Praha, Shanghai a\u00a0Taipei. Měli jste na mysli `agreement Prague Shanghai`?',
    ],
    [
      'ja',
      'ご質問の内容がよくわかりませんでした。理解できたのはPrague、Shanghai、Taipeiという都市です。`agreement Prague Shanghai`のことですか？',
    ],
  ] as const)(
    'GIVEN a %s reader naming three cities THEN what was understood and the closest command are in that language, cities by their names there',
    async (lang, expected) => {
      const { reply } = await answer('Prague Shanghai Taipei?', shell(lang));
      expect(reply.suggestions).toEqual(['agreement Prague Shanghai']);
      expect(reply.text).toBe(expected);
    },
  );
});

describe('a question in plain words is answered in the language it was asked in', () => {
  it('GIVEN a German question from a reader whose language is English THEN the answer is in German', async () => {
    const { reply, plain } = await answer('Welche Partnerstädte hat Prag?', shell('en'));
    expect(reply.lang).toBe('de');
    expect(plain).toMatch(/^Partnerstädte von Prag\n/);
  });

  it('GIVEN a German question with words it does not know THEN even the "not sure" reply is in German', async () => {
    const { reply } = await answer('Ist Prag noch mit Shanghai oder Taipei verschwistert?', operator);
    expect(reply.lang).toBe('de');
    expect(reply.text).toMatch(
      /^Ich bin nicht sicher, was Sie fragen\. Verstanden habe ich die Städte Prag, Shanghai und Taipei,/,
    );
    expect(reply.text).toContain('unbekannte Wörter: „oder“');
  });

  it('GIVEN an English question from a German reader THEN the answer is in English', async () => {
    const { reply, plain } = await answer('who are the partner cities of Prague?', shell('de'));
    expect(reply.lang).toBeUndefined();
    expect(plain).toMatch(/^Partner cities of Prague\n/);
  });

  it("GIVEN a typed command from a German reader THEN the caller's language decides, not the command's English words", async () => {
    const { reply } = await answer('partners prague', shell('de'));
    expect(reply.lang).toBe('de');
  });

  it("GIVEN a question with only names THEN nothing says which language it is in, and the caller's decides", async () => {
    const { reply } = await answer('Prague Shanghai Taipei?', shell('cs'));
    expect(reply.lang).toBe('cs');
  });

  it("GIVEN a question with kana THEN it is answered in Japanese, whatever the caller's language", async () => {
    const { reply } = await answer('Prague Shanghai Taipei は?', shell('de'));
    expect(reply.lang).toBe('ja');
    expect(reply.text).toMatch(/^ご質問の内容がよくわかりませんでした。/);
  });
});
