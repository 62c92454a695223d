import { describe, expect, it } from 'vitest';
import { askSmallIn } from './seed-answers.ts';

describe('search in the reader language', () => {
  it('GIVEN a Czech reader THEN the title, count and city label are Czech', async () => {
    const text = await askSmallIn('cs', 'search prah');
    expect(text).toContain('Města odpovídající „prah“');
    expect(text).toContain('1 zobrazeno, nejlepší shoda první');
    expect(text).toContain('Praha, Česko\n    2 partnerství · ID prague-cz');
  });

  it('GIVEN a German reader and no match THEN says so in German', async () => {
    expect(await askSmallIn('de', 'search qqqqzz')).toContain(
      'Keine Stadt passt. Versuchen Sie es mit weniger Buchstaben.',
    );
  });

  it('GIVEN a Chinese reader THEN the label is written in Chinese order with the country from Intl', async () => {
    const text = await askSmallIn('zh-Hans', 'search prah');
    expect(text).toContain('与“prah”匹配的城市');
    expect(text).toContain('Prague（捷克）\n    2项友好城市关系 · ID prague-cz');
  });
});
