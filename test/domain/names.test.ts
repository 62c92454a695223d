import { describe, expect, it } from 'vitest';
import { foldName, nameProblem, slugify } from '../../src/domain/names.ts';

describe('foldName', () => {
  it('GIVEN Rzeszów in any case, with or without its accent THEN all fold to the same key', () => {
    expect(foldName('Rzeszów')).toBe('rzeszow');
    expect(foldName('RZESZOW')).toBe('rzeszow');
    expect(foldName('rzeszow')).toBe('rzeszow');
  });

  it('GIVEN "Saint-Étienne" THEN it folds to "saint etienne"', () => {
    expect(foldName('Saint-Étienne')).toBe('saint etienne');
    expect(foldName('saint etienne')).toBe('saint etienne');
  });

  it('GIVEN plain ASCII names with punctuation, odd spaces or underscores THEN they fold as any other name does', () => {
    expect(foldName("  St. John's--Newfoundland\t(NL) ")).toBe('st john s newfoundland nl');
    expect(foldName('Prague 6')).toBe(foldName('Prague\u00a06'));
    expect(foldName('SAN_FRANCISCO')).toBe(foldName('San Francisco'));
  });

  it('GIVEN "Gyöngyös" THEN the umlauts are dropped', () => {
    expect(foldName('Gyöngyös')).toBe('gyongyos');
  });

  it('GIVEN "Şuşa" with cedillas THEN it folds to "susa"', () => {
    expect(foldName('Şuşa')).toBe('susa');
  });

  it('GIVEN Polish names THEN "Kraków" folds to "krakow" and the stroke in "Łódź" folds to "lodz"', () => {
    expect(foldName('Kraków')).toBe('krakow');
    expect(foldName('Łódź')).toBe('lodz');
  });

  it('GIVEN "Straße" THEN the sharp s folds to "ss"', () => {
    expect(foldName('Straße')).toBe('strasse');
  });

  it('GIVEN "İstanbul" with a dotted capital I THEN it folds to "istanbul"', () => {
    expect(foldName('İstanbul')).toBe('istanbul');
  });

  it('GIVEN a CJK name "北上市" THEN it passes through unchanged', () => {
    expect(foldName('北上市')).toBe('北上市');
  });

  it('GIVEN accented letters beside characters Unicode folds otherwise (a circled number, a fraction, a ligature, a times sign, Greek) THEN each folds as Unicode says', () => {
    expect(foldName('Zürich⑵')).toBe('zurich 2');
    expect(foldName('a½b')).toBe('a1 2b');
    expect(foldName('ﬁnale')).toBe('finale');
    expect(foldName('ǄEMAL')).toBe('dzemal');
    expect(foldName('Mü×nchen')).toBe('mu nchen');
    expect(foldName('Ærø-Ümlaut')).toBe('aero umlaut');
    expect(foldName('ΣΟΦΙΑ Œuvre')).toBe('σοφια oeuvre');
    expect(foldName('e\u0301tretat')).toBe('etretat');
  });

  it('GIVEN runs of white space and punctuation THEN they collapse to single spaces and are trimmed', () => {
    expect(foldName('  Frankfurt   am\tMain ')).toBe('frankfurt am main');
    expect(foldName('Stratford-upon-Avon')).toBe('stratford upon avon');
    expect(foldName("St. John's, (NL)")).toBe('st john s nl');
  });
});

describe('foldName: characters that are not drawn', () => {
  it('GIVEN Prague with a zero-width space, word joiner, BOM, soft hyphen, joiner or selector inside THEN it folds to "prague"', () => {
    for (const hidden of ['\u200B', '\u2060', '\uFEFF', '\u00AD', '\u200C', '\u200D', '\uFE0F', '\u3164']) {
      expect(foldName(`Pra${hidden}gue`), `U+${hidden.codePointAt(0)?.toString(16)}`).toBe('prague');
    }
  });

  it('GIVEN a Persian name with or without its zero-width non-joiner THEN both fold to the same key', () => {
    expect(foldName('خرم\u200Cآباد')).toBe(foldName('خرمآباد'));
  });
});

describe('nameProblem', () => {
  it('GIVEN a name with a letter or a digit, up to 200 characters THEN there is no problem', () => {
    expect(nameProblem('Prague 6')).toBeUndefined();
    expect(nameProblem('北上市')).toBeUndefined();
    expect(nameProblem('n'.repeat(200))).toBeUndefined();
  });

  it('GIVEN an empty name, one over 200 characters, or one with no letter or digit THEN says which', () => {
    expect(nameProblem('')).toBe('is empty');
    expect(nameProblem('n'.repeat(201))).toBe('is 201 characters long; the limit is 200');
    expect(nameProblem('!!!')).toBe('has no letters or digits');
    expect(nameProblem('\u00AD-')).toBe('has no letters or digits');
  });
});

describe('slugify', () => {
  it('GIVEN "Concord", "California", "US" THEN the slug is "concord-california-us"', () => {
    expect(slugify('Concord', 'California', 'US')).toBe('concord-california-us');
  });

  it('GIVEN names with accents and punctuation THEN the slug is lowercase ASCII joined by single hyphens', () => {
    expect(slugify('Saint-Étienne', 'FR')).toBe('saint-etienne-fr');
    expect(slugify('Łódź', 'PL')).toBe('lodz-pl');
  });
});
