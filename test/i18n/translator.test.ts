import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/languages.ts';
import { catalogOf, onEnglishFallback, registerCatalog, translator } from '../../src/i18n/translator.ts';

describe('the translator', () => {
  it('GIVEN a language first asked for THEN its words are those of its catalog file', async () => {
    const file = JSON.parse(
      await readFile(new URL('../../src/i18n/catalogs/cs.json', import.meta.url), 'utf8'),
    );
    expect(catalogOf('cs')).toEqual(file);
    expect(translator('cs').t('agreement.status')).toBe(file.agreement.status);
  });

  it('GIVEN a catalog without a key THEN English answers, and the fallback listener hears which key', () => {
    const partial = 'fr-x-partial' as Lang;
    registerCatalog(partial, { agreement: { type: 'Genre' } });
    const heard: string[] = [];
    const stop = onEnglishFallback((lang, key) => heard.push(`${lang} ${key}`));
    try {
      expect(translator(partial).t('agreement.type')).toBe('Genre');
      expect(translator(partial).t('agreement.timeline')).toBe('Timeline');
    } finally {
      stop();
    }
    expect(translator(partial).t('agreement.notes')).toBe('Notes');
    expect(heard).toEqual([`${partial} agreement.timeline`]);
  });

  it.each([
    ['de', '19.901 verzeichnete Partnerschaften'],
    ['cs', '19\u00a0901 partnerství ze seznamů'],
    ['en', '19,901 listed partnerships'],
  ] as const)(
    'GIVEN %s and a count of five digits THEN the number is grouped as that language writes it',
    (lang, text) => {
      expect(translator(lang).t('count.listedPartnership', { count: 19901 })).toBe(text);
    },
  );

  it('GIVEN a year or a four-digit count THEN it is written without grouping', () => {
    expect(translator('de').t('count.listedPartnership', { count: 2015 })).toBe(
      '2015 verzeichnete Partnerschaften',
    );
  });

  it('GIVEN a sentence without values asked, then its catalog registered anew THEN the new words answer', () => {
    const code = 'de-x-edition' as Lang;
    registerCatalog(code, { agreement: { type: 'Art' } });
    expect(translator(code).t('agreement.type')).toBe('Art');
    expect(translator(code).t('agreement.type')).toBe('Art');
    registerCatalog(code, { agreement: { type: 'Sorte' } });
    expect(translator(code).t('agreement.type')).toBe('Sorte');
  });
});
