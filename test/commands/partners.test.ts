import { describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/render/plain.ts';
import { dispatcherFor, operator, smallStore } from '../fixtures/knowledge-base.ts';
import { askSeed, askSmall, askSmallIn } from './seed-answers.ts';

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

describe('partners in the reader language', () => {
  it('GIVEN a Czech reader THEN names Praha, counts with Czech plurals and dates in Czech', async () => {
    const text = await askSmallIn('cs', 'partners prague');
    expect(text).toContain('Partnerská města: Praha\n\n2 zaznamenána');
    expect(text).toContain(
      'Shanghai (sesterské město)\n    ukončeno ze strany města Shanghai dne 14. ledna 2020 · počátek: 17. května 2017',
    );
  });

  it('GIVEN partners of the same status THEN they are sorted as the reader language sorts (Czech ch after h)', async () => {
    const data = smallStore();
    data.cities.push(
      { id: 'chemnitz-de', name: 'Chemnitz', country: 'DE' },
      { id: 'hamburg-de', name: 'Hamburg', country: 'DE' },
    );
    for (const other of ['chemnitz-de', 'hamburg-de'])
      data.partnerships.push({
        id: `${other}--prague-cz`,
        cities: [other, 'prague-cz'],
        type: 'partner_city',
        milestones: [{ kind: 'signing', date: '1990-05-01' }],
      });
    const { dispatcher } = await dispatcherFor(data);
    const ask = async (lang: 'en' | 'cs') =>
      renderPlain(await dispatcher.answerText('partners prague', { ...operator, lang }));
    const en = await ask('en');
    expect(en.indexOf('Chemnitz')).toBeLessThan(en.indexOf('Hamburg'));
    const cs = await ask('cs');
    expect(cs.indexOf('Hamburg')).toBeLessThan(cs.indexOf('Chemnitz'));
  });
});
