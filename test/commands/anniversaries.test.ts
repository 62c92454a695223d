import { describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/render/plain.ts';
import { dispatcherFor, operator, smallStore } from '../fixtures/knowledge-base.ts';
import { askSeed, askSmall, askSmallIn } from './seed-answers.ts';

describe('anniversaries', () => {
  it('GIVEN a whole year THEN lists dated ones in order, flags milestone years and keeps year-only ones apart', async () => {
    const text = await askSmall('anniversaries 2027');
    const order = [
      '13 January 2027 — 7th: Prague – Taipei',
      '28 February 2027 — 31st',
      '3 June 2027 — 60th: Le Mans – Paderborn',
      'October 2027 — 53rd',
    ];
    const positions = order.map((line) => text.indexOf(line));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('60th: Le Mans – Paderborn (twin town) ★ milestone year');
    expect(text).toMatch(
      /Day and month not recorded:\n {2}• 2027 — 70th: Osaka – San Francisco \(sister city\) \(disputed\) ★ milestone year/,
    );
  });

  it('GIVEN today THEN only the anniversaries falling on this day, under a heading that says today', async () => {
    const text = await askSmall('anniversaries today', '2027-01-13');
    expect(text).toContain('Anniversaries today');
    expect(text).toContain('13 January 2027 — 7th: Prague – Taipei');
    expect(await askSmall('anniversaries today', '2027-01-14')).not.toContain('Prague – Taipei');
    expect(await askSmallIn('zh-Hans', 'anniversaries today', '2027-01-13')).toContain('今天');
  });

  it("GIVEN a half of a year THEN its six months only, named in the reader's language", async () => {
    const first = await askSmall('anniversaries 2027 h1');
    expect(first).toContain('Anniversaries in the first half of 2027');
    expect(first).toContain('13 January 2027 — 7th: Prague – Taipei');
    expect(first).toContain('3 June 2027 — 60th: Le Mans – Paderborn');
    expect(first).not.toContain('October 2027');
    expect(await askSmall('anniversaries 2027 h2')).not.toContain('Prague – Taipei');
    expect(await askSmallIn('zh-Hans', 'anniversaries 2027 h1')).toContain('2027年上半年');
  });

  it('GIVEN a month-precision date THEN gives the month and never a day', async () => {
    const text = await askSmall('anniversaries 2026-10');
    expect(text).toContain('October 2026 — 52nd: Concord, California – Kitakami');
    expect(text).not.toMatch(/\d+ October 2026/);
  });

  it('GIVEN an ended partnership THEN its anniversary is not celebrated', async () => {
    expect(await askSmall('anniversaries 2027')).not.toContain('Shanghai');
  });

  it('GIVEN a window of days across New Year THEN finds January anniversaries with the right number', async () => {
    const text = await askSmall('anniversaries next 60 days');
    expect(text).toContain('13 January 2027 — 7th: Prague – Taipei');
    expect(text).toContain('listed by year: `anniversaries 2026` or `anniversaries 2027`');
    expect(text).not.toContain('Osaka');
  });

  it('GIVEN the seed and 2027 THEN Paderborn – Le Mans turns 60 on 3 June, counted from 1967 not 836', async () => {
    const text = await askSeed('anniversaries 2027');
    expect(text).toContain('3 June 2027 — 60th: Le Mans – Paderborn');
  });

  it('GIVEN the store puts 29 February on 1 March in common years THEN March lists it on the 1st', async () => {
    const data = smallStore();
    data.settings = { ...data.settings, feb29: 'mar1' };
    const { dispatcher } = await dispatcherFor(data);
    const text = renderPlain(await dispatcher.answerText('anniversaries 2027-03', operator));
    expect(text).toContain('1 March 2027 — 31st: Leap Town – Rzeszów');
  });

  it('GIVEN turning 60 THEN lists only the 60th anniversaries of that period', async () => {
    const text = await askSmall('anniversaries 2027 turning 60');
    expect(text).toContain('Anniversaries in 2027, turning 60');
    expect(text).toContain('3 June 2027 — 60th: Le Mans – Paderborn');
    expect(text).not.toContain('Prague – Taipei');
    expect(text).toContain('1 anniversary');
  });

  it('GIVEN a period it cannot read THEN says which forms it understands', async () => {
    expect(await askSmall('anniversaries soon')).toContain('`next 60 days`');
  });
});

describe('anniversaries in the reader language', () => {
  it('GIVEN a Czech reader and 2027 THEN months, ordinals and the period are Czech', async () => {
    const text = await askSmallIn('cs', 'anniversaries 2027');
    expect(text).toContain('Výročí partnerství v roce 2027');
    expect(text).toContain('5 výročí');
    expect(text).toContain(
      '3. června 2027 – 60. výročí: Le Mans – Paderborn (družební město) ★ kulaté výročí\n    počítáno od 3. června 1967',
    );
    expect(text).toContain('13. ledna 2027 – 7. výročí: Praha – Taipei (sesterské město)');
    expect(text).toContain('říjen 2027 – 53. výročí: Concord, California – Kitakami');
    expect(text).toContain('počítáno od: říjen 1974');
    expect(text).toMatch(
      /Den a měsíc nezaznamenány:\n {2}• 2027 – 70\. výročí: Osaka – San Francisco \(sesterské město\) \(sporné\) ★ kulaté výročí\n {4}počítáno od roku 1957/,
    );
  });

  it('GIVEN a German reader and the next 60 days THEN the title, the city and the hint are German', async () => {
    const text = await askSmallIn('de', 'anniversaries next 60 days');
    expect(text).toContain('Jahrestage von Städtepartnerschaften in den nächsten 60 Tagen');
    expect(text).toContain('1 Jahrestag\n');
    expect(text).toContain('13. Januar 2027 – 7. Jahrestag: Prag – Taipei');
    expect(text).toContain('gezählt ab dem 13. Januar 2020');
    expect(text).toContain('nach Jahr aufgeführt: `anniversaries 2026` oder `anniversaries 2027`.');
  });

  it('GIVEN a Japanese reader and turning 60 THEN reads 2027年の…60周年', async () => {
    const text = await askSmallIn('ja', 'anniversaries 2027 turning 60');
    expect(text).toContain('2027年の姉妹都市提携60周年');
    expect(text).toContain('1件');
    expect(text).toContain('2027年6月3日 — Le Mans – Paderborn（ツインタウン）60周年 ★ 節目の年');
    expect(text).toContain('1967年6月3日から起算');
  });

  it('GIVEN a French reader and a month THEN the month is French and the ordinal reads 52e', async () => {
    const text = await askSmallIn('fr', 'anniversaries 2026-10');
    expect(text).toContain('Anniversaires de jumelage en octobre 2026');
    expect(text).toContain('octobre 2026 – 52e anniversaire : Concord, California – Kitakami (ville sœur)');
  });

  it('GIVEN a Czech reader and a period it cannot read THEN says so in Czech', async () => {
    expect(await askSmallIn('cs', 'anniversaries soon')).toContain(
      '„soon“ není období, které znám. Zkuste `next 60 days`',
    );
  });
});

describe('anniversaries of one pair', () => {
  it('GIVEN a pair and `turning N` ahead THEN the day that anniversary falls on, whatever the period', async () => {
    const text = await askSeed('anniversaries Prague / Taipei turning 10');
    expect(text).toContain('Anniversaries of Prague – Taipei');
    expect(text).toContain(
      'The 10th anniversary of Prague – Taipei falls on 13 January 2030. ★ milestone year',
    );
    expect(text).toContain('counted from 13 January 2020');
  });

  it('GIVEN a pair and `turning N` in the past THEN the day it was', async () => {
    expect(await askSeed('anniversaries paderborn / le mans turning 1')).toContain(
      'The 1st anniversary of Paderborn – Le Mans was on 3 June 1968.',
    );
  });

  it('GIVEN a pair alone THEN its next anniversary, or today when it is today', async () => {
    expect(await askSeed('anniversaries Prague Taipei')).toContain(
      'The 7th anniversary of Prague – Taipei falls on 13 January 2027.',
    );
    expect(await askSeed('anniversaries Prague Taipei', '2027-01-13')).toContain(
      'The 7th anniversary of Prague – Taipei is today, 13 January 2027.',
    );
  });

  it('GIVEN a pair signed in a known month only THEN the anniversary falls in that month, no day invented', async () => {
    expect(await askSeed('anniversaries gyongyos / shusha turning 14')).toContain(
      'The 14th anniversary of Gyöngyös – Shusha falls in May 2027.',
    );
  });

  it('GIVEN a pair and a period THEN only that pair, in that period', async () => {
    const text = await askSeed('anniversaries Prague / Taipei 2027');
    expect(text).toContain('1 anniversary');
    expect(text).toContain('13 January 2027 — 7th: Prague – Taipei');
    expect(text).not.toContain('Rzeszów');
  });

  it('GIVEN a pair not in force, or without a date THEN says so instead of a date', async () => {
    expect(await askSeed('anniversaries prague / shanghai turning 10')).toContain(
      'Prague – Shanghai is not in force, so no anniversary is celebrated: terminated by Shanghai on 14 January 2020.',
    );
    expect(await askSeed('anniversaries borlange / wuhan')).toContain(
      'No date is recorded for Borlänge – Wuhan, so its anniversaries cannot be counted.',
    );
  });

  it('GIVEN a number beyond sense, or 0 THEN refuses with what to give instead', async () => {
    expect(await askSeed('anniversaries prague / taipei turning 1000')).toContain(
      'No partnership reaches its 1000th anniversary: give a number from 1 to 500',
    );
    expect(await askSeed('anniversaries prague / taipei turning 0')).toContain(
      'Anniversaries are counted from 1',
    );
  });

  it('GIVEN one city only THEN asks for both, or a period', async () => {
    expect(await askSeed('anniversaries prague')).toContain('Name both cities of the partnership');
  });

  it('GIVEN a German and a Japanese reader THEN the date in their words', async () => {
    expect(await askSeed('anniversaries Prague / Taipei turning 10', undefined, 'de')).toContain(
      'Der 10. Jahrestag von Prag – Taipeh ist am 13. Januar 2030.',
    );
    expect(await askSeed('anniversaries paderborn / le mans turning 1', undefined, 'ja')).toContain(
      'の1周年は1968年6月3日でした。',
    );
  });
});
