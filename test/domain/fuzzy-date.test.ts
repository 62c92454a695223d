import { describe, expect, it } from 'vitest';
import {
  earliestDay,
  FuzzyDateSchema,
  fuzzyDateParts,
  latestDay,
  parseFuzzyDate,
  precisionOf,
  readFuzzyDate,
} from '../../src/domain/fuzzy-date.ts';

describe('fuzzy dates', () => {
  describe('parts of a stored date', () => {
    it.each(['1967-06-03', '2024-02-29', '1974-10', '0836', '2000'])(
      'GIVEN %s THEN its parts are what parsing with validation gives',
      (text) => {
        expect(fuzzyDateParts(text)).toEqual(parseFuzzyDate(text));
      },
    );

    it.each(['', '19670', '1967-6', '1967-13', '0000', '1967-06-3x', '1967/06/03'])(
      'GIVEN %j, which validation refuses, THEN reading its parts is a bug that throws',
      (text) => {
        expect(() => fuzzyDateParts(text)).toThrow('invalid fuzzy date');
      },
    );
  });

  describe('precision', () => {
    it('GIVEN a full date THEN the precision is day', () => {
      expect(precisionOf('1967-06-03')).toBe('day');
    });

    it('GIVEN a year and month THEN the precision is month', () => {
      expect(precisionOf('1974-10')).toBe('month');
    });

    it('GIVEN only a year THEN the precision is year', () => {
      expect(precisionOf('1953')).toBe('year');
    });

    it('GIVEN the year 0836 THEN the precision is year', () => {
      expect(precisionOf('0836')).toBe('year');
    });
  });

  describe('FuzzyDateSchema', () => {
    it.each([
      ['2023-02-29', '29 February in a common year'],
      ['2024-13', 'a thirteenth month'],
      ['0000', 'year zero'],
      ['1967-6-3', 'month and day without leading zeros'],
    ])('GIVEN %s (%s) THEN it is refused', (text) => {
      expect(FuzzyDateSchema.safeParse(text).success).toBe(false);
    });

    it('GIVEN 2024-02-29 in a leap year THEN it is accepted', () => {
      expect(FuzzyDateSchema.safeParse('2024-02-29').success).toBe(true);
    });

    it.each(['1967-06-03', '1974-10', '1953', '0836'])(
      'GIVEN the valid date %s THEN it is accepted',
      (text) => {
        expect(FuzzyDateSchema.parse(text)).toBe(text);
      },
    );
  });

  describe('earliestDay and latestDay', () => {
    it('GIVEN a day-precision date THEN both ends are that day', () => {
      expect(earliestDay('1967-06-03').toString()).toBe('1967-06-03');
      expect(latestDay('1967-06-03').toString()).toBe('1967-06-03');
    });

    it('GIVEN a month THEN it spans from the 1st to the last day of that month', () => {
      expect(earliestDay('1974-10').toString()).toBe('1974-10-01');
      expect(latestDay('1974-10').toString()).toBe('1974-10-31');
    });

    it('GIVEN a 30-day month THEN the latest day is the 30th', () => {
      expect(latestDay('1974-11').toString()).toBe('1974-11-30');
    });

    it('GIVEN February of a leap year THEN the latest day is the 29th', () => {
      expect(earliestDay('2024-02').toString()).toBe('2024-02-01');
      expect(latestDay('2024-02').toString()).toBe('2024-02-29');
    });

    it('GIVEN February of a common year THEN the latest day is the 28th', () => {
      expect(latestDay('2023-02').toString()).toBe('2023-02-28');
    });

    it('GIVEN only a year THEN it spans 1 January to 31 December', () => {
      expect(earliestDay('1953').toString()).toBe('1953-01-01');
      expect(latestDay('1953').toString()).toBe('1953-12-31');
    });

    it('GIVEN the year 0836 THEN it spans that whole year', () => {
      expect(earliestDay('0836').year).toBe(836);
      expect(earliestDay('0836').dayOfYear).toBe(1);
      expect(latestDay('0836').month).toBe(12);
      expect(latestDay('0836').day).toBe(31);
    });
  });

  describe('readFuzzyDate', () => {
    it('GIVEN a bare three-digit year "836" THEN it reads as "0836"', () => {
      expect(readFuzzyDate('836')).toBe('0836');
    });

    it('GIVEN an ISO date with surrounding spaces THEN it reads as the trimmed date', () => {
      expect(readFuzzyDate(' 1967-06-03 ')).toBe('1967-06-03');
    });

    it('GIVEN text that is not a date THEN it reads as undefined', () => {
      expect(readFuzzyDate('June 1967')).toBeUndefined();
      expect(readFuzzyDate('2023-02-29')).toBeUndefined();
      expect(readFuzzyDate('0')).toBeUndefined();
    });
  });
});
