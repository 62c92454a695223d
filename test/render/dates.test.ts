import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translator.ts';
import { formatFuzzyDate, monthName, ordinal } from '../../src/render/dates.ts';

describe('dates, ordinals and plurals through Intl', () => {
  it('GIVEN a date at each precision THEN it reads as each language writes it, never more precise', () => {
    expect(formatFuzzyDate('1967-06-03')).toBe('3 June 1967');
    expect(formatFuzzyDate('1974-10')).toBe('October 1974');
    expect(formatFuzzyDate('0836')).toBe('836');
    expect(formatFuzzyDate('1967-06-03', 'de')).toBe('3. Juni 1967');
    expect(formatFuzzyDate('1974-10', 'de')).toBe('Oktober 1974');
    expect(formatFuzzyDate('2020-01-14', 'fr')).toBe('14 janvier 2020');
    expect(formatFuzzyDate('2020-01-14', 'es')).toBe('14 de enero de 2020');
    expect(formatFuzzyDate('2020-01-14', 'cs')).toBe('14. ledna 2020');
    // The month on its own is in the nominative, as a Czech calendar heading writes it.
    expect(formatFuzzyDate('1974-10', 'cs')).toBe('říjen 1974');
    expect(formatFuzzyDate('1974-10', 'ja')).toBe('1974年10月');
    expect(formatFuzzyDate('2020-01-14', 'zh-Hans')).toBe('2020年1月14日');
    expect(formatFuzzyDate('1974', 'ja')).toBe('1974年');
    expect(monthName(6)).toBe('June');
    expect(monthName(10, 'cs')).toBe('říjen');
  });

  it('GIVEN numbers THEN ordinals follow each language ordinal rules', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 50, 101, 111].map((n) => ordinal(n))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '50th',
      '101st',
      '111th',
    ]);
    expect([1, 2, 50].map((n) => ordinal(n, 'fr'))).toEqual(['1er', '2e', '50e']);
    expect(ordinal(50, 'de')).toBe('50.');
    expect(ordinal(50, 'ja')).toBe('第50');
  });

  it('GIVEN counts THEN plurals take the forms of the language, Czech few (2 to 4) and other (5, 22) included', () => {
    const cs = translator('cs');
    expect([1, 2, 4, 5, 22].map((count) => cs.t('count.source', { count }))).toEqual([
      '1 zdroj',
      '2 zdroje',
      '4 zdroje',
      '5 zdrojů',
      '22 zdrojů',
    ]);
    expect([1, 2].map((count) => translator('en').t('count.partnership', { count }))).toEqual([
      '1 partnership',
      '2 partnerships',
    ]);
    expect(translator('ja').t('count.source', { count: 1 })).toBe('1件の出典');
  });
});
