import type { AgreementTimeline, AnniversaryChart, PartnerMap } from '../../../src/core/figure.ts';

/**
 * Figures as the seed's answers carry them, written by hand: Prague's partners (worldwide), Kitakami's
 * (one country), the Osaka–San Francisco agreement and a year of anniversaries.
 */
export const pragueMap: PartnerMap = {
  kind: 'map',
  city: { id: 'prague-cz', name: 'Prague', lat: 50.0875, lon: 14.4214 },
  ties: [
    {
      partner: { id: 'shanghai-cn', name: 'Shanghai', lat: 31.2304, lon: 121.4737 },
      style: 'ended-by-partner',
    },
    { partner: { id: 'taipei-tw', name: 'Taipei', lat: 25.033, lon: 121.5654 }, style: 'in-force' },
    { partner: { id: 'beijing-cn', name: 'Beijing', lat: 39.9042, lon: 116.4074 }, style: 'ended-by-city' },
    { partner: { id: 'chicago-us', name: 'Chicago', lat: 41.8781, lon: -87.6298 }, style: 'listed' },
  ],
  unplaced: ['Terezín Memorial District'],
};

export const kitakamiMap: PartnerMap = {
  kind: 'map',
  city: { id: 'kitakami-jp', name: 'Kitakami', lat: 39.2867, lon: 141.1131 },
  ties: [
    { partner: { id: 'tono-jp', name: 'Tōno', lat: 39.3275, lon: 141.5331 }, style: 'in-force' },
    { partner: { id: 'hanamaki-jp', name: 'Hanamaki', lat: 39.3886, lon: 141.1169 }, style: 'planned' },
  ],
  unplaced: [],
};

export const osakaTimeline: AgreementTimeline = {
  kind: 'timeline',
  cities: ['Osaka', 'San Francisco'],
  milestones: [
    { kind: 'signing', date: '1957-10-07' },
    { kind: 'renewal', date: '1987' },
    { kind: 'objection', date: '2017-11', side: 1 },
    { kind: 'termination', date: '2018-10-02', side: 0 },
  ],
  today: '2026-06-01',
};

export const chart2027: AnniversaryChart = {
  kind: 'anniversary-chart',
  year: 2027,
  months: [3, 0, 5, 2, 8, 4, 1, 0, 6, 2, 3, 7].map((total, i) => ({
    month: i + 1,
    total,
    milestones: Math.min(total, i % 3),
  })),
};
