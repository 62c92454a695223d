import { describe, expect, it } from 'vitest';
import { CitySchema } from '../../src/domain/city.ts';

const city = (timeZone: string) => ({ id: 'prague-cz', name: 'Prague', country: 'CZ', timeZone });

describe('CitySchema time zones', () => {
  it('GIVEN zones asked about again and again, valid and not, in turn THEN each answer is the same every time', () => {
    for (let round = 0; round < 3; round++) {
      expect(CitySchema.safeParse(city('Europe/Prague')).success).toBe(true);
      expect(CitySchema.safeParse(city('Mars/Olympus')).success).toBe(false);
      expect(CitySchema.safeParse(city('Asia/Tokyo')).success).toBe(true);
      expect(CitySchema.safeParse(city('CET')).success).toBe(false);
    }
  });
});
