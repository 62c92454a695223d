import { describe, expect, it } from 'vitest';
import { countryName, readCountry, toCountryCode } from '../../src/domain/country.ts';

describe('toCountryCode', () => {
  it.each([
    ['Germany', 'DE'],
    ['DE', 'DE'],
    ['de', 'DE'],
    ['deu', 'DE'],
    ['England, United Kingdom', 'GB'],
    ['Georgia (country)', 'GE'],
    ['United States', 'US'],
    ['Czech Republic', 'CZ'],
    ['Czechia', 'CZ'],
    ['Palestine', 'PS'],
    ['Taiwan', 'TW'],
  ])('GIVEN "%s" THEN the code is %s', (text, code) => {
    expect(toCountryCode(text)).toBe(code);
  });

  it('GIVEN a name that is no country ("Narnia") THEN there is no code', () => {
    expect(toCountryCode('Narnia')).toBeUndefined();
  });
});

describe('countryName', () => {
  it('GIVEN "US" THEN the name is "United States"', () => {
    expect(countryName('US')).toBe('United States');
  });

  it('GIVEN "DE" THEN the name is "Germany"', () => {
    expect(countryName('DE')).toBe('Germany');
  });
});

describe('readCountry (country cells of the public lists)', () => {
  it('GIVEN "Northern Cyprus" THEN Cyprus, with the de facto state named', () => {
    expect(readCountry('Northern Cyprus')).toEqual({ codes: ['CY'], territory: 'Northern Cyprus' });
  });

  it('GIVEN "Congo" THEN either Congo, for the place to decide', () => {
    expect(readCountry('Congo')).toEqual({ codes: ['CD', 'CG'] });
    expect(readCountry('Republic of the Congo')).toEqual({ codes: ['CG'] });
  });

  it('GIVEN historical and variant names THEN the state', () => {
    expect(readCountry('Republic of Macedonia')).toEqual({ codes: ['MK'] });
    expect(readCountry('Kingdom of the Netherlands')).toEqual({ codes: ['NL'] });
    expect(readCountry('England, United Kingdom')).toEqual({ codes: ['GB'] });
    expect(readCountry('Prussia')).toBeUndefined();
  });
});

describe('countryName in the reader language', () => {
  it.each([
    ['en', 'CZ', 'Czechia'],
    ['de', 'CZ', 'Tschechien'],
    ['cs', 'CZ', 'Česko'],
    ['fr', 'US', 'États-Unis'],
    ['es', 'US', 'Estados Unidos'],
    ['ja', 'JP', '日本'],
    ['zh-Hans', 'CN', '中国'],
  ] as const)('GIVEN %s and %s THEN Intl names it %s', (lang, code, name) => {
    expect(countryName(code, lang)).toBe(name);
  });
});
