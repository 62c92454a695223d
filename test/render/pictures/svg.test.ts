import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/core/figure.ts';
import { drawSvg } from '../../../src/render/pictures/draw.ts';
import { chart2027, kitakamiMap, osakaTimeline, pragueMap } from './figures.ts';

const cases: [string, Figure][] = [
  ['prague-map', pragueMap],
  ['kitakami-map', kitakamiMap],
  ['osaka-timeline', osakaTimeline],
  ['anniversaries-2027', chart2027],
];

describe('pictures as SVG', () => {
  it.each(cases)(
    'GIVEN the seed figure %s THEN its SVG is the one reviewed (stable: fixed size, rounded, no ids)',
    async (name, figure) => {
      const first = drawSvg(figure, 'en');
      expect(drawSvg(figure, 'en').svg).toBe(first.svg);
      expect(first.svg).not.toMatch(/\d\.\d{2,}/);
      await expect(first.svg).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
    },
  );

  it('GIVEN a map THEN the legend shows only the styles present and the caption counts them', () => {
    const { svg } = drawSvg(pragueMap, 'en');
    expect(svg).toContain('>ended by Prague<');
    expect(svg).toContain('>ended by the partner city<');
    expect(svg).toContain('>in force<');
    expect(svg).not.toContain('>suspended<');
    expect(svg).not.toContain('>planned<');
    expect(svg).toContain(
      '4 partner cities on the map: in force: 1, ended by Prague: 1, ended by the partner city: 1 and listed, no date',
    );
    expect(svg).toContain('Not on the map, as no coordinates are recorded: Terezín Memorial District');
  });

  it('GIVEN a hub map with ties left off and partners only counted THEN the caption and alt text count them', () => {
    const hub = { ...pragueMap, moreTies: 4900, unplaced: ['Terezín Memorial District'], moreUnplaced: 11 };
    const { svg, alt } = drawSvg(hub, 'en');
    const notDrawn =
      "4900 more partner cities with coordinates are not drawn: the map has room for the first 4 in the list's order";
    expect(svg).toContain(`>${notDrawn.replace("'", '&#39;')}</text>`);
    expect(svg).toContain(
      'Not on the map, as no coordinates are recorded: Terezín Memorial District and 11 more<',
    );
    expect(alt).toContain(`${notDrawn}.`);
    expect(alt).toContain('Terezín Memorial District and 11 more.');
    // Twelve, not one: the plural counts the partners only counted too.
    expect(drawSvg(hub, 'cs').alt).toContain('Nejsou na mapě');
  });

  it('GIVEN partners in one region THEN the map shows that region, not the world', () => {
    expect(drawSvg(kitakamiMap, 'en').svg).not.toContain('<path d="M0,');
    // The whole world is drawn as the sphere's outline, a closed curve; a region as a rectangle of sea.
    expect(drawSvg(kitakamiMap, 'en').svg).toMatch(
      /<rect x="0" y="\d+" width="1200" height="\d+(\.\d)?" fill="#e8f1f8"\/>/,
    );
    expect(drawSvg(pragueMap, 'en').svg).not.toMatch(/<rect[^>]*fill="#e8f1f8"/);
  });

  it('GIVEN dates known to the day, the month and the year THEN the day is a point, the month and year spans of their length', () => {
    const { svg } = drawSvg(osakaTimeline, 'en');
    const spans = [
      ...svg.matchAll(
        /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="12" rx="3" fill="(#[0-9a-f]+)"/g,
      ),
    ];
    // The year 1987 (both cities) and November 2017 (San Francisco), then the legend's sample.
    expect(spans).toHaveLength(3);
    const [year, month] = spans.map((m) => Number(m[2]));
    // A month is at least 4 px wide, to be seen; a year over seven decades is wider still.
    expect(month).toBe(4);
    expect(year).toBeGreaterThan(3 * (month as number));
    expect(spans[1]?.[3]).toBe('#d55e00');
    // Two days: a point each, no invented span.
    expect([...svg.matchAll(/<circle cx="[\d.]+" cy="[\d.]+" r="6" fill="#[0-9a-f]+" stroke/g)]).toHaveLength(
      2,
    );
    expect(svg).toContain('>Osaka: terminated<');
    expect(svg).toContain('>San Francisco: objected<');
    expect(svg).toContain('>November 2017<');
    expect(svg).toContain('>1987<');
  });

  it('GIVEN a German reader THEN every text of the chart is German, months from Intl', () => {
    const { svg, alt } = drawSvg(chart2027, 'de');
    expect(svg).toContain('>Partnerschaftsjubiläen 2027 nach Monat<');
    expect(svg).toContain('>Mär<');
    expect(svg).toContain('>Dez<');
    expect(svg).toContain('>rundes Jubiläum (10., 25., 50. …)<');
    expect(alt).toBe(
      'Balkendiagramm der Partnerschaftsjubiläen 2027 nach Monat: 41 bestehende Partnerschaften, davon 10 runde Jubiläen; die meisten im Mai (8).',
    );
  });

  it('GIVEN a Czech reader THEN the map caption uses Czech plurals', () => {
    expect(drawSvg(kitakamiMap, 'cs').svg).toContain(
      '2 partnerská města na mapě: platné: 1 a\u00a0plánované: 1',
    );
    expect(drawSvg(pragueMap, 'cs').alt).toContain('Mapa: Prague a 4 partnerská města');
  });

  it('GIVEN a Japanese reader THEN the timeline reads in Japanese with the acting side', () => {
    const { svg, alt } = drawSvg(osakaTimeline, 'ja');
    expect(svg).toContain('>Osaka：終了<');
    expect(svg).toContain('>2017年11月<');
    expect(alt).toBe(
      'OsakaとSan Franciscoの姉妹都市提携の年表です。出来事4件：1957年10月7日：調印、1987年：更新、2017年11月：San Francisco：異議申し立て、2018年10月2日：Osaka：終了。',
    );
  });
});
