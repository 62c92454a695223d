import { describe, expect, it } from 'vitest';
import { answer, type Reply } from '../../src/core/reply.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { renderDiscordPages } from '../../src/render/discord.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { renderSlack } from '../../src/render/slack.ts';

/** An answer long enough for five Discord pages and two Slack pages. */
function longReply(lang: Lang): Reply {
  const rows = Array.from({ length: 300 }, (_, i) => ({ text: `Partnerville ${i} ${'x'.repeat(40)}` }));
  return answer({ title: 'Partners', sections: [{ rows }], lang });
}

const contextTexts = (blocks: readonly { type: string }[]) =>
  blocks.flatMap((block) =>
    block.type === 'context'
      ? (block as unknown as { elements: { text: string }[] }).elements.map((e) => e.text)
      : [],
  );

describe('page marks in the reply language', () => {
  it.each([
    ['de', 'Seite 1 von 5'],
    ['cs', 'Strana 1 z 5'],
    ['ja', '1 / 5 ページ'],
  ] as const)(
    'GIVEN a long %s answer THEN the Discord footer marks the page in that language',
    (lang, mark) => {
      const pages = renderDiscordPages(longReply(lang));
      expect(pages).toHaveLength(5);
      expect(pages[0]?.footer?.text).toBe(mark);
    },
  );

  it.each([
    ['de', 'Seite 2 von 2'],
    ['cs', 'Strana 2 z 2'],
    ['ja', '2 / 2 ページ'],
  ] as const)(
    'GIVEN a long %s answer THEN each Slack page ends with its mark in that language',
    (lang, mark) => {
      const pages = renderSlack(longReply(lang));
      expect(pages).toHaveLength(2);
      expect(contextTexts(pages[1]?.blocks ?? []).at(-1)).toBe(mark);
    },
  );

  it('GIVEN an English answer THEN the marks stay as they were', () => {
    expect(renderDiscordPages(longReply('en'))[0]?.footer?.text).toBe('Page 1 of 5');
  });
});

describe('dates a client cannot localize are written in the reply language', () => {
  it('GIVEN a month-precision date in a French reply THEN the Slack block reads "octobre 1974", and a day date falls back to French', () => {
    const reply = answer({
      text: ['Signé en ', { date: '1974-10' }, ', renouvelé le ', { date: '1967-06-03' }],
      lang: 'fr',
    });
    const [page] = renderSlack(reply);
    const section = page?.blocks[0] as { text: { text: string } };
    expect(section.text.text).toMatch(
      /^Signé en octobre 1974, renouvelé le <!date\^-81\d+\^\{date_long\}\|3 juin 1967>$/,
    );
    expect(page?.text).toBe('Signé en octobre 1974, renouvelé le 3 juin 1967');
  });

  it('GIVEN a month-precision date in a German reply THEN the Discord embed reads "Oktober 1974", not a timestamp', () => {
    const [embed] = renderDiscordPages(answer({ text: ['Unterzeichnet ', { date: '1974-10' }], lang: 'de' }));
    expect(embed?.description).toBe('Unterzeichnet Oktober 1974');
  });
});

describe('plain-text fields line up in every script', () => {
  it('GIVEN Japanese labels THEN values start in the same terminal column, wide characters counting two', () => {
    const reply = answer({
      fields: [
        { label: '種別', value: '姉妹都市' },
        { label: '締結日', value: '1974年10月' },
        { label: 'ID', value: 'prague-cz' },
      ],
      lang: 'ja',
    });
    expect(renderPlain(reply)).toBe(
      ['種別：   姉妹都市', '締結日： 1974年10月', 'ID：     prague-cz'].join('\n'),
    );
  });

  it('GIVEN Chinese labels mixed with Latin ones THEN the columns line up too', () => {
    const reply = answer({
      fields: [
        { label: '状态', value: '有效' },
        { label: 'Status', value: 'x' },
      ],
      lang: 'zh-Hans',
    });
    expect(renderPlain(reply)).toBe(['状态：   有效', 'Status： x'].join('\n'));
  });
});
