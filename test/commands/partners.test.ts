import { describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/render/plain.ts';
import { dispatcherFor, operator, smallStore } from '../fixtures/knowledge-base.ts';
import { askSeed, askSmall } from './seed-answers.ts';

describe('partners', () => {
  it('GIVEN Kitakami in the seed THEN shows Concord, California since October 1974', async () => {
    const text = await askSeed('partners kitakami');
    expect(text).toContain('Concord, California (sister city)');
    expect(text).toContain('since October 1974');
  });

  it('GIVEN Prague THEN lists active partners before ended ones, saying who ended it', async () => {
    const text = await askSmall('partners Praha');
    expect(text.indexOf('Taipei')).toBeLessThan(text.indexOf('Shanghai'));
    expect(text).toContain('terminated by Shanghai on 14 January 2020 · since 17 May 2017');
  });

  it('GIVEN a partnership active since its signing THEN the date is said once', async () => {
    const text = await askSmall('partners Praha');
    expect(text).toContain('Taipei (sister city)\n    active since 13 January 2020\n');
  });

  it('GIVEN a renewed partnership THEN says both the renewal and since when', async () => {
    expect(await askSeed('partners kitakami')).toContain('active, renewed October 2024 · since October 1974');
  });

  it('GIVEN no city and no home city THEN asks for a city', async () => {
    expect(await askSmall('partners')).toContain('Name a city');
  });

  it('GIVEN no city and a home city THEN answers for the home city', async () => {
    const data = smallStore();
    data.settings = { ...data.settings, homeCity: 'kitakami-jp' };
    const { dispatcher } = await dispatcherFor(data);
    expect(renderPlain(await dispatcher.answerText('partners', operator))).toContain(
      'Partner cities of Kitakami',
    );
  });
});
