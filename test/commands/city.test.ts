import { describe, expect, it } from 'vitest';
import { askSeed, askSmall } from './seed-answers.ts';

describe('city', () => {
  it('GIVEN rzeszow without diacritics THEN finds Rzeszów with its country and partner count', async () => {
    const text = await askSmall('city rzeszow');
    expect(text).toContain('Rzeszów, Poland');
    expect(text).toMatch(/Partners: +1 active/);
  });

  it('GIVEN a native name THEN shows all names with their languages and the time zone', async () => {
    const text = await askSmall('city 北上市');
    expect(text).toContain('Kitakami, Iwate, Japan');
    expect(text).toContain('北上市 (ja)');
  });

  it('GIVEN a city with no time zone recorded THEN says so', async () => {
    expect(await askSmall('city Le Mans')).toMatch(/Time zone: +not recorded/);
  });

  it('GIVEN Concord in the seed THEN lists every Concord with region and country', async () => {
    const text = await askSeed('city concord');
    expect(text).toContain('Concord, California, United States');
    expect(text).toContain('Concord, Massachusetts, United States');
  });

  it('GIVEN Prague THEN counts partners by status', async () => {
    expect(await askSmall('city prague')).toMatch(
      /Partners: +1 terminated, 1 active|Partners: +1 active, 1 terminated/,
    );
  });
});
