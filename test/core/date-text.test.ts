import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../src/core/date-text.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { translator } from '../../src/i18n/translator.ts';

const today = Temporal.PlainDate.from('2026-11-26');
const read = (text: string) => parseDateText(text, today);

describe('parseDateText', () => {
  it('GIVEN ISO dates of each precision THEN keeps exactly the precision given', () => {
    expect(read('2015')).toEqual({ ok: true, date: '2015' });
    expect(read('2015-06')).toEqual({ ok: true, date: '2015-06' });
    expect(read('2015-06-03')).toEqual({ ok: true, date: '2015-06-03' });
  });

  it('GIVEN short numbers THEN pads them (an old year, a one-digit month and day)', () => {
    expect(read('836')).toEqual({ ok: true, date: '0836' });
    expect(read('2015-6-3')).toEqual({ ok: true, date: '2015-06-03' });
  });

  it('GIVEN a date in words, day first or month first THEN reads it to the day', () => {
    expect(read('3 June 2015')).toEqual({ ok: true, date: '2015-06-03' });
    expect(read('June 3, 2015')).toEqual({ ok: true, date: '2015-06-03' });
    expect(read('3rd Jun. 2015')).toEqual({ ok: true, date: '2015-06-03' });
  });

  it('GIVEN a month and year in words THEN gives a month date and invents no day', () => {
    expect(read('October 1974')).toEqual({ ok: true, date: '1974-10' });
    expect(read('sep 2001')).toEqual({ ok: true, date: '2001-09' });
  });

  it('GIVEN "today" THEN gives the injected today', () => {
    expect(read('Today')).toEqual({ ok: true, date: '2026-11-26' });
  });

  it('GIVEN a date that does not exist THEN says it is not a real calendar date', () => {
    for (const text of ['2015-02-30', '2015-13', '29 February 2023', '0000']) {
      const result = read(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toBe(`"${text}" is not a real calendar date.`);
    }
  });

  it('GIVEN 29 February of a leap year THEN accepts it', () => {
    expect(read('29 February 2024')).toEqual({ ok: true, date: '2024-02-29' });
  });

  it('GIVEN text that is no date THEN says so and shows the forms it reads', () => {
    for (const text of ['yesterday', 'ma 2015', '3 4 June 2015', 'June 3 2015 extra', '20150']) {
      const result = read(text);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.message).toContain('Write it as 2015, 2015-06, 2015-06-03 or 3 June 2015');
    }
  });
});

describe('parseDateText in the reader language', () => {
  const readIn = (text: string, lang: Lang) => parseDateText(text, today, translator(lang));

  it('GIVEN dates as each language writes them THEN reads them to the precision given', () => {
    expect(readIn('3. Juni 2015', 'de')).toEqual({ ok: true, date: '2015-06-03' });
    expect(readIn('März 2015', 'de')).toEqual({ ok: true, date: '2015-03' });
    expect(readIn('3 de junio de 2015', 'es')).toEqual({ ok: true, date: '2015-06-03' });
    expect(readIn('3 juillet 2015', 'fr')).toEqual({ ok: true, date: '2015-07-03' });
    expect(readIn('3. června 2015', 'cs')).toEqual({ ok: true, date: '2015-06-03' });
    expect(readIn('červenec 2015', 'cs')).toEqual({ ok: true, date: '2015-07' });
    expect(readIn('2015年6月3日', 'ja')).toEqual({ ok: true, date: '2015-06-03' });
    expect(readIn('2015年6月', 'zh-Hans')).toEqual({ ok: true, date: '2015-06' });
  });

  it('GIVEN the word for today or an English date THEN reads both in any language', () => {
    expect(readIn('heute', 'de')).toEqual({ ok: true, date: '2026-11-26' });
    expect(readIn('dnes', 'cs')).toEqual({ ok: true, date: '2026-11-26' });
    expect(readIn('3 June 2015', 'cs')).toEqual({ ok: true, date: '2015-06-03' });
  });

  it('GIVEN text that is no date THEN says so in the reader language with an example in its form', () => {
    const cs = readIn('brzy', 'cs');
    expect(cs.ok || cs.message).toBe(
      '„brzy“ není datum, které umím přečíst. Zapište ho jako 2015, 2015-06, 2015-06-03 nebo 3. června 2015.',
    );
    const de = readIn('31. Juni 2015', 'de');
    expect(de.ok || de.message).toBe('„31. Juni 2015“ ist kein gültiges Kalenderdatum.');
    const ja = readIn('いつか', 'ja');
    expect(ja.ok || ja.message).toContain('2015-06-03、2015年6月3日 のように入力してください。');
  });
});
