import { describe, expect, it } from 'vitest';
import { splitCityPair } from '../../src/core/split-cities.ts';
import { translator } from '../../src/i18n/translator.ts';
import { Catalog } from '../../src/store/catalog.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { smallStore } from '../fixtures/knowledge-base.ts';

const catalog = new Catalog(StoreSchema.parse(smallStore()));

describe('splitCityPair', () => {
  it.each([
    ['san francisco osaka', 'san francisco', 'osaka'],
    ['Osaka San Francisco', 'Osaka', 'San Francisco'],
    ['paderborn le mans', 'paderborn', 'le mans'],
    ['Prague / Shanghai', 'Prague', 'Shanghai'],
    ['prague with shanghai', 'prague', 'shanghai'],
    ['Prague and Taipei', 'Prague', 'Taipei'],
    ['Prague – Shanghai', 'Prague', 'Shanghai'],
    ['Concord, California Kitakami', 'Concord, California', 'Kitakami'],
    ['praha 上海', 'praha', '上海'],
  ])('GIVEN "%s" THEN splits it into "%s" and "%s"', (text, first, second) => {
    expect(splitCityPair(text, catalog)).toEqual({ ok: true, first, second });
  });

  it('GIVEN one known city and an unknown name THEN keeps the unknown name whole for the reply', () => {
    expect(splitCityPair('prague new atlantis', catalog)).toEqual({
      ok: true,
      first: 'prague',
      second: 'new atlantis',
    });
  });

  it('GIVEN an explicit slash around unknown names THEN honours it', () => {
    expect(splitCityPair('Nowhere Town / Atlantis', catalog)).toEqual({
      ok: true,
      first: 'Nowhere Town',
      second: 'Atlantis',
    });
  });

  it('GIVEN a single word THEN asks for two cities', () => {
    const result = splitCityPair('prague', catalog);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message(translator('en'))).toContain('two cities');
  });

  it('GIVEN three unknown words THEN asks for a separator instead of guessing', () => {
    const result = splitCityPair('foo bar baz', catalog);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message(translator('en'))).toContain('/');
  });
});
