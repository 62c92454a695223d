import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/render/plain.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
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

describe('partners in a country', () => {
  const askAny = async (city: string, country: string, lang?: 'de' | 'ja') => {
    const seed = JSON.parse(await readFile(SEED_PATH, 'utf8'));
    const { dispatcher } = await dispatcherFor(seed, '2026-11-26');
    const reply = await dispatcher.run(
      { command: 'partners', args: { city, country }, asks: 'any' },
      { ...operator, ...(lang && { lang }) },
    );
    return renderPlain(reply);
  };

  it('GIVEN a country code THEN only the partners there, counted and named', async () => {
    const text = await askSeed('partners paderborn in FR');
    expect(text).toContain('Partner cities of Paderborn in France');
    expect(text).toContain('Paderborn has 1 partner in France: Le Mans.');
    expect(text).toContain('Le Mans (twin town)');
  });

  it('GIVEN the country named in another language THEN the same country', async () => {
    expect(await askSeed('partners buffalo in Polen')).toContain('Buffalo has 1 partner in Poland: Rzeszów.');
    expect(await askSeed('partners buffalo in ポーランド')).toContain(
      'Buffalo has 1 partner in Poland: Rzeszów.',
    );
  });

  it('GIVEN "does it have one?" THEN Yes or No first', async () => {
    expect(await askAny('paderborn', 'FR')).toContain('Yes: Paderborn has 1 partner in France: Le Mans.');
    expect(await askAny('paderborn', 'JP')).toContain('No: Paderborn has no partner in Japan on record.');
  });

  it('GIVEN only a partnership that ended there THEN No, saying none of those recorded is in force, and still listing it', async () => {
    const text = await askAny('prague', 'CN');
    expect(text).toContain(
      'No: Prague has no partnership in force in China: the 1 recorded is not in force.',
    );
    expect(text).toContain('Shanghai (sister city)');
  });

  it('GIVEN a German and a Japanese reader THEN the answer in their words, with the country as Intl names it', async () => {
    expect(await askAny('paderborn', 'FR', 'de')).toContain(
      'Ja: Paderborn hat 1 Partnerstadt im Land Frankreich: Le Mans.',
    );
    expect(await askAny('paderborn', 'FR', 'ja')).toContain(
      'はい：Paderbornにはフランスの姉妹都市が1件あります：Le Mans。',
    );
  });

  it('GIVEN a country nobody has THEN says how to write one, in the reader language', async () => {
    expect(await askSeed('partners prague in Narnia')).toContain(
      'I know no country "Narnia": write its two-letter ISO code (PL, FR, JP) or its name, such as Poland.',
    );
    expect(await askSeed('partners prague in Narnia', undefined, 'de')).toContain(
      'Ein Land „Narnia“ kenne ich nicht: Geben Sie den zweistelligen ISO-Code (PL, FR, JP) oder den Namen an, etwa Polen.',
    );
  });
});
