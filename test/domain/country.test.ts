import { describe, expect, it } from 'vitest';
import { countryName, toCountryCode } from '../../src/domain/country.ts';

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
