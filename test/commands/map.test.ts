import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MAP_TIES, tieStyle } from '../../commands/map.ts';
import type { PartnerMap } from '../../src/core/figure.ts';
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

const mapOf = (reply: Reply) => reply.figure as PartnerMap;

describe('map', () => {
  it('GIVEN Prague in the seed THEN the figure places Prague and its partners, each tie styled by its status', async () => {
    const reply = await askSeed('map Prague');
    const figure = mapOf(reply);
    expect(figure.kind).toBe('map');
    expect(figure.city).toEqual({ id: 'prague-cz', name: 'Prague', lat: 50.0875, lon: 14.4214 });
    expect(figure.ties.map((t) => [t.partner.id, t.style])).toEqual([
      ['taipei-tw', 'in-force'],
      ['shanghai-cn', 'ended-by-partner'],
    ]);
    expect(figure.unplaced).toEqual([]);
  });

  it('GIVEN Prague THEN the text answer groups the partners by status with their counts', async () => {
    const text = renderPlain(await askSeed('map Prague'));
    expect(text).toContain('Map of the partner cities of Prague');
    expect(text).toContain('Prague has 2 partner cities.');
    expect(text).toMatch(/In force: +1/);
    expect(text).toMatch(/Ended by the partner city: +1/);
    expect(text).toMatch(/Ended by the partner city:\n +• Shanghai/);
  });

  it('GIVEN a partner without coordinates THEN the text says it is not on the map and the figure lists it apart', async () => {
    const seed = JSON.parse(await readFile(SEED_PATH, 'utf8')) as StoreInput;
    const rzeszow = {
      id: 'prague-cz--rzeszow-pl',
      cities: ['prague-cz', 'rzeszow-pl'] as [string, string],
      type: 'twin_town' as const,
      milestones: [{ kind: 'signing' as const, date: '2001-05' }],
    };
    const { dispatcher } = await dispatcherFor({
      ...seed,
      settings: { ...seed.settings, world: false },
      partnerships: [...seed.partnerships, rzeszow],
    });
    const reply = await dispatcher.answerText('map Prague', operator);
    const figure = mapOf(reply);
    expect(figure.unplaced).toEqual(['Rzeszów']);
    expect(figure.ties.map((t) => t.partner.id)).not.toContain('rzeszow-pl');
    expect(renderPlain(reply)).toContain('1 partner has no coordinates and is not on the map: Rzeszów.');
  });

  it('GIVEN a city without coordinates THEN there is no figure and the text says why', async () => {
    const reply = await askSeed('map Kitakami');
    expect(reply.figure).toBeUndefined();
    expect(renderPlain(reply)).toContain('Kitakami has no coordinates, so no map can be drawn');
  });

  it('GIVEN a German reader THEN the headings, counts and names are German', async () => {
    const reply = await askSeed('map Prague', 'de');
    expect(mapOf(reply).city.name).toBe('Prag');
    const text = renderPlain(reply);
    expect(text).toContain('Karte der Partnerstädte von Prag');
    expect(text).toContain('Prag hat 2 Partnerstädte.');
    expect(text).toMatch(/Von der Partnerstadt beendet: +1/);
  });

  it('GIVEN a Japanese reader THEN the answer is Japanese', async () => {
    const text = renderPlain(await askSeed('map Prague', 'ja'));
    expect(text).toContain('の姉妹都市は2都市です。');
    expect(text).toMatch(/相手都市が終了：/);
  });

  describe('GIVEN a hub with more partners than a picture can show', () => {
    // Town 001–010 ended by the hub, 011–100 in force; 011–025 and 091–100 without coordinates, so the
    // picture's ties are full before the names of those without (and the other way round).
    const town = (n: number) => `Town ${String(n).padStart(3, '0')}`;
    const numbers = Array.from({ length: 100 }, (_, i) => i + 1);
    const hub = {
      id: 'hub-cz',
      name: 'Hub',
      country: 'CZ',
      names: [],
      coordinates: { lat: 50, lon: 14 },
    };
    const cities = numbers.map((n) => ({
      id: `t${n}-de`,
      name: town(n),
      country: 'DE',
      names: [],
      ...((n <= 10 || (n > 25 && n <= 90)) && { coordinates: { lat: 40 + n / 10, lon: n / 10 } }),
    }));
    const partnerships = numbers.map((n) => ({
      id: `hub-cz--t${n}-de`,
      cities: ['hub-cz', `t${n}-de`],
      type: 'twin_town',
      milestones: [
        { kind: 'signing', date: '1990' },
        ...(n <= 10 ? [{ kind: 'termination', date: '2000', by: 'hub-cz' }] : []),
      ],
    }));
    const unnamed = [...numbers.slice(10, 25), ...numbers.slice(90, 95)].map((n) => town(n));
    const ask = async (lang?: Lang) => {
      const { dispatcher } = await dispatcherFor({
        version: 1,
        settings: { world: false },
        cities: [hub, ...cities],
        partnerships,
      } as unknown as StoreInput);
      return dispatcher.answerText('map Hub', { ...operator, ...(lang && { lang }) });
    };

    it('THEN the figure places the first partners of the list (in force first, by name) and counts the rest', async () => {
      const figure = mapOf(await ask());
      expect(figure.ties.map((t) => t.partner.name)).toEqual(
        numbers.slice(25, 25 + MAP_TIES).map((n) => town(n)),
      );
      expect(figure.ties.every((t) => t.style === 'in-force')).toBe(true);
      expect(figure.moreTies).toBe(75 - MAP_TIES);
      expect(figure.unplaced).toEqual(unnamed);
      expect(figure.moreUnplaced).toBe(5);
    });

    it('THEN the text counts every partner, lists the first page and sends the reader to `partners` for the rest', async () => {
      const text = renderPlain(await ask());
      expect(text).toContain('Hub has 100 partner cities.');
      expect(text).toMatch(/In force: +90/);
      expect(text).toMatch(/Ended by Hub: +10/);
      expect(text).toContain(
        `25 partners have no coordinates and are not on the map: ${unnamed.join(', ')} and 5 more.`,
      );
      expect(text).toContain(`• ${town(30)}\n`);
      expect(text).not.toContain(town(31));
      expect(text).toContain('…and 80 more: `partners hub-cz`');
    });

    it('THEN a German reader reads the partners left unnamed in German', async () => {
      expect(renderPlain(await ask('de'))).toContain('Town 095 und 5 weitere.');
    });
  });

  describe('GIVEN the status of a tie', () => {
    const today = { year: 2026, month: 11, day: 26 };
    const pair = (milestones: object[]) =>
      ({ id: 'a-xx--b-xx', cities: ['a-xx', 'b-xx'], milestones, sources: [] }) as never;
    it('THEN an ending says whose side ended it, and a rejection or a list entry has its own style', () => {
      const signed = { kind: 'signing', date: '1990', sources: [] };
      const ended = (by?: string) => ({ kind: 'termination', date: '2000', sources: [], ...(by && { by }) });
      expect(tieStyle(pair([signed, ended('a-xx')]), 'a-xx', today)).toBe('ended-by-city');
      expect(tieStyle(pair([signed, ended('a-xx')]), 'b-xx', today)).toBe('ended-by-partner');
      expect(tieStyle(pair([signed, ended()]), 'a-xx', today)).toBe('ended');
      expect(
        tieStyle(pair([{ kind: 'council_rejection', date: '2000', by: 'a-xx', sources: [] }]), 'a-xx', today),
      ).toBe('ended');
      expect(tieStyle(pair([{ kind: 'proposal', date: '2000', sources: [] }]), 'a-xx', today)).toBe(
        'planned',
      );
      expect(tieStyle(pair([signed, { kind: 'suspension', date: '2000', sources: [] }]), 'a-xx', today)).toBe(
        'suspended',
      );
      expect(tieStyle(pair([]), 'a-xx', today)).toBe('listed');
    });
  });
});
