import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { AnniversaryChart } from '../../src/core/figure.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { dispatcherFor, operator } from '../fixtures/knowledge-base.ts';

async function askSeed(text: string, lang?: Lang): Promise<Reply> {
  const seed = JSON.parse(await readFile(SEED_PATH, 'utf8')) as StoreInput;
  const { dispatcher } = await dispatcherFor({ ...seed, settings: { ...seed.settings, world: false } });
  return dispatcher.answerText(text, { ...operator, ...(lang && { lang }) });
}

describe('anniversaries chart', () => {
  it('GIVEN 2027 THEN counts partnerships in force per month, milestone years apart', async () => {
    const reply = await askSeed('anniversaries chart 2027');
    const chart = reply.figure as AnniversaryChart;
    expect(chart.kind).toBe('anniversary-chart');
    expect(chart.year).toBe(2027);
    expect(chart.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Paderborn – Le Mans, signed 3 June 1967, turns 60 in June 2027.
    expect(chart.months[5]?.milestones).toBeGreaterThanOrEqual(1);
    const total = chart.months.reduce((sum, m) => sum + m.total, 0);
    const text = renderPlain(reply);
    expect(text).toContain('Anniversaries by month in 2027');
    expect(text).toContain(`${total} partnerships in force have an anniversary in 2027.`);
    expect(text).toMatch(new RegExp(`June 2027 — ${chart.months[5]?.total} anniversar`));
  });

  it('GIVEN no year THEN charts the year of today', async () => {
    const chart = (await askSeed('anniversaries chart')).figure as AnniversaryChart;
    expect(chart.year).toBe(2026);
  });

  it('GIVEN a year out of range or not a year THEN refuses it and says which years work', async () => {
    for (const asked of ['1800', 'soon']) {
      const reply = await askSeed(`anniversaries chart ${asked}`);
      expect(reply.kind).toBe('error');
      expect(reply.figure).toBeUndefined();
      expect(renderPlain(reply)).toContain(
        `“${asked}” is not a year I can chart: give a year from 1926 to 2126`,
      );
    }
  });

  it('GIVEN a German reader THEN the months and counts are German', async () => {
    const text = renderPlain(await askSeed('anniversaries chart 2027', 'de'));
    expect(text).toContain('Jahrestage nach Monat im Jahr 2027');
    expect(text).toMatch(/Juni 2027 — \d+ Jahrestage?/);
  });

  it('GIVEN a Japanese reader THEN the answer is Japanese', async () => {
    const text = renderPlain(await askSeed('anniversaries chart 2027', 'ja'));
    expect(text).toContain('2027年の月別記念日');
    expect(text).toMatch(/2027年6月 — \d+件/);
  });
});
