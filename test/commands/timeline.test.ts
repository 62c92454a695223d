import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { AgreementTimeline } from '../../src/core/figure.ts';
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

describe('timeline', () => {
  it('GIVEN San Francisco and Osaka THEN each milestone is on the axis with the side that acted alone', async () => {
    const reply = await askSeed('timeline san francisco osaka');
    expect(reply.figure).toEqual({
      kind: 'timeline',
      cities: ['Osaka', 'San Francisco'],
      milestones: [
        { kind: 'signing', date: '1957-10-07' },
        { kind: 'termination', date: '2018-10-02', side: 0 },
        { kind: 'objection', date: '2018-10-04', side: 1 },
      ],
      today: '2026-11-26',
    } satisfies AgreementTimeline);
    const text = renderPlain(reply);
    expect(text).toContain('Timeline: San Francisco – Osaka');
    expect(text).toContain('3 milestones recorded.');
    expect(text).toContain('2 October 2018 — terminated by Osaka');
  });

  it('GIVEN Paderborn and Le Mans THEN the year-only historic tie keeps its year, no day is invented', async () => {
    const figure = (await askSeed('timeline paderborn le mans')).figure as AgreementTimeline;
    expect(figure.milestones[0]).toEqual({ kind: 'historic_tie', date: '0836' });
  });

  it('GIVEN Borlänge and Wuhan THEN a milestone without a date is in the text and said to be off the axis', async () => {
    const reply = await askSeed('timeline borlange wuhan');
    const text = renderPlain(reply);
    expect(text).toContain('date unknown — signed');
    expect(text).toMatch(/1 of them has no date and is not on the time axis\./);
    const figure = reply.figure as AgreementTimeline;
    expect(figure.milestones.every((m) => m.date !== undefined)).toBe(true);
  });

  it('GIVEN two cities with no partnership THEN says none is recorded, without a figure', async () => {
    const reply = await askSeed('timeline prague paderborn');
    expect(reply.kind).toBe('error');
    expect(reply.figure).toBeUndefined();
    expect(renderPlain(reply)).toContain('No partnership between Prague – Paderborn is recorded.');
  });

  it('GIVEN a Czech reader THEN the answer is Czech', async () => {
    const text = renderPlain(await askSeed('timeline prague shanghai', 'cs'));
    expect(text).toContain('Časová osa: Praha – Šanghaj');
    expect(text).toContain('Zaznamenány 2 milníky.');
  });

  it('GIVEN a Chinese reader THEN the answer is Chinese', async () => {
    const text = renderPlain(await askSeed('timeline prague shanghai', 'zh-Hans'));
    expect(text).toContain('共记录2个节点。');
  });
});
