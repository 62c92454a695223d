// A hand-written miniature of the world build's inputs: a few GeoNames lines, region names and list
// rows, each there for one resolution rule the tests name.
import type { SeedCity } from '../../../scripts/world/assemble.ts';
import { type BuiltWorld, buildWorld } from '../../../scripts/world/world.ts';

interface FixturePlace {
  id: number;
  name: string;
  alternates?: string[];
  lat: number;
  lon: number;
  country: string;
  admin1: string;
  population: number;
  zone: string;
  ascii?: string;
}

/** One line of GeoNames' cities1000.txt (19 tab-separated columns). */
function geonamesLine(p: FixturePlace): string {
  return [
    p.id,
    p.name,
    p.ascii ?? p.name,
    (p.alternates ?? []).join(','),
    p.lat,
    p.lon,
    'P',
    'PPL',
    p.country,
    '',
    p.admin1,
    '',
    '',
    '',
    p.population,
    '',
    '100',
    p.zone,
    '2024-01-01',
  ].join('\t');
}

export const PLACES: FixturePlace[] = [
  {
    id: 1,
    name: 'Münster',
    ascii: 'Munster',
    alternates: ['Muenster', 'Monasterium'],
    lat: 51.96236,
    lon: 7.62571,
    country: 'DE',
    admin1: '07',
    population: 270184,
    zone: 'Europe/Berlin',
  },
  {
    id: 2,
    name: 'Munster',
    lat: 52.98569,
    lon: 10.08756,
    country: 'DE',
    admin1: '06',
    population: 17746,
    zone: 'Europe/Berlin',
  },
  {
    id: 3,
    name: 'Frankfurt am Main',
    alternates: ['Frankfurt', 'Francfort'],
    lat: 50.11552,
    lon: 8.68417,
    country: 'DE',
    admin1: '05',
    population: 650000,
    zone: 'Europe/Berlin',
  },
  {
    id: 4,
    name: 'Frankfurt (Oder)',
    alternates: ['Frankfurt an der Oder', 'Frankfurt'],
    lat: 52.34714,
    lon: 14.55062,
    country: 'DE',
    admin1: '11',
    population: 51691,
    zone: 'Europe/Berlin',
  },
  {
    id: 5,
    name: 'Paderborn',
    lat: 51.71905,
    lon: 8.75439,
    country: 'DE',
    admin1: '07',
    population: 142161,
    zone: 'Europe/Berlin',
  },
  {
    id: 6,
    name: 'Washington, D.C.',
    alternates: ['Washington', 'Washington D.C.', 'Vashington'],
    lat: 38.89511,
    lon: -77.03637,
    country: 'US',
    admin1: 'DC',
    population: 601723,
    zone: 'America/New_York',
  },
  {
    id: 7,
    name: 'Washington',
    lat: 38.55811,
    lon: -91.01209,
    country: 'US',
    admin1: 'MO',
    population: 14050,
    zone: 'America/Chicago',
  },
  {
    id: 8,
    name: 'Washington',
    lat: 40.17396,
    lon: -80.24617,
    country: 'US',
    admin1: 'PA',
    population: 13663,
    zone: 'America/New_York',
  },
  {
    id: 9,
    name: 'Skopje',
    alternates: ['Skopie', 'Üsküb'],
    lat: 41.99646,
    lon: 21.43141,
    country: 'MK',
    admin1: '85',
    population: 474889,
    zone: 'Europe/Skopje',
  },
  {
    id: 10,
    name: 'Kyrenia',
    alternates: ['Girne', 'Keryneia'],
    lat: 35.34059,
    lon: 33.31815,
    country: 'CY',
    admin1: '03',
    population: 26701,
    zone: 'Asia/Nicosia',
  },
  {
    id: 11,
    name: 'Brazzaville',
    lat: -4.26613,
    lon: 15.28318,
    country: 'CG',
    admin1: '12',
    population: 1284609,
    zone: 'Africa/Brazzaville',
  },
  {
    id: 12,
    name: 'Kinshasa',
    lat: -4.32758,
    lon: 15.31357,
    country: 'CD',
    admin1: '06',
    population: 7785965,
    zone: 'Africa/Kinshasa',
  },
  {
    id: 13,
    name: 'Eisenberg',
    lat: 50.9686,
    lon: 11.90207,
    country: 'DE',
    admin1: '15',
    population: 11438,
    zone: 'Europe/Berlin',
  },
  {
    id: 14,
    name: 'Eisenberg',
    lat: 49.55859,
    lon: 8.07199,
    country: 'DE',
    admin1: '08',
    population: 10006,
    zone: 'Europe/Berlin',
  },
  {
    id: 15,
    name: 'Prague',
    alternates: ['Praha', 'Prag', 'Praga'],
    lat: 50.08804,
    lon: 14.42076,
    country: 'CZ',
    admin1: '52',
    population: 1165581,
    zone: 'Europe/Prague',
  },
  {
    id: 16,
    name: 'Vienna',
    alternates: ['Wien', 'Vienne'],
    lat: 48.20849,
    lon: 16.37208,
    country: 'AT',
    admin1: '09',
    population: 1691468,
    zone: 'Europe/Vienna',
  },
  {
    id: 17,
    name: 'Köln',
    ascii: 'Koeln',
    alternates: ['Cologne', 'Koln'],
    lat: 50.93333,
    lon: 6.95,
    country: 'DE',
    admin1: '07',
    population: 963395,
    zone: 'Europe/Berlin',
  },
  {
    id: 18,
    name: 'Chemnitz',
    alternates: ['Karl-Marx-Stadt'],
    lat: 50.8357,
    lon: 12.92922,
    country: 'DE',
    admin1: '13',
    population: 247220,
    zone: 'Europe/Berlin',
  },
  {
    id: 19,
    name: 'Ludwigshafen am Rhein',
    alternates: ['Ludwigshafen'],
    lat: 49.48121,
    lon: 8.44641,
    country: 'DE',
    admin1: '08',
    population: 163196,
    zone: 'Europe/Berlin',
  },
  {
    id: 20,
    name: 'Concord',
    lat: 37.97798,
    lon: -122.03107,
    country: 'US',
    admin1: 'CA',
    population: 122067,
    zone: 'America/Los_Angeles',
  },
  {
    id: 21,
    name: 'Concord',
    lat: 35.40875,
    lon: -80.57951,
    country: 'US',
    admin1: 'NC',
    population: 79066,
    zone: 'America/New_York',
  },
  {
    id: 22,
    name: 'Lyon',
    lat: 45.74846,
    lon: 4.84671,
    country: 'FR',
    admin1: '84',
    population: 472317,
    zone: 'Europe/Paris',
  },
  {
    id: 24,
    name: 'Macau',
    alternates: ['Macao', 'Aomen'],
    lat: 22.20056,
    lon: 113.54611,
    country: 'MO',
    admin1: '',
    population: 649335,
    zone: 'Asia/Macau',
  },
  {
    id: 23,
    name: 'Berlin',
    lat: 52.52437,
    lon: 13.41053,
    country: 'DE',
    admin1: '16',
    population: 3426354,
    zone: 'Europe/Berlin',
  },
];

const ADMIN1 = [
  ['DE.05', 'Hesse'],
  ['DE.06', 'Lower Saxony'],
  ['DE.07', 'North Rhine-Westphalia'],
  ['DE.08', 'Rheinland-Pfalz'],
  ['DE.11', 'Brandenburg'],
  ['DE.13', 'Saxony'],
  ['DE.15', 'Thuringia'],
  ['DE.16', 'State of Berlin'],
  ['US.DC', 'District of Columbia'],
  ['US.MO', 'Missouri'],
  ['US.PA', 'Pennsylvania'],
  ['US.CA', 'California'],
  ['US.NC', 'North Carolina'],
  ['CZ.52', 'Prague'],
  ['AT.09', 'Vienna'],
].map(([code, name]) => ({ code, name }));

export const WIKIPEDIA_HEADER = 'city1,country1,city2,country2';
export const WIKIDATA_HEADER =
  'origincityLabel\torigincountry\toriginlat\toriginlong\toriginpopulation\tsistercityLabel\tdestinationlat\tdestinationlong\tdestinationpopulation\tdestination_countryLabel\tdist\teu';

export function buildFixture(
  wikipedia: string[],
  wikidata: string[] = [],
  seed: SeedCity[] = [],
): BuiltWorld {
  return buildWorld({
    files: {
      wikipedia: { path: 'wikipedia.csv', text: [WIKIPEDIA_HEADER, ...wikipedia].join('\n') },
      wikidata: { path: 'wikidata.tsv', text: [WIKIDATA_HEADER, ...wikidata].join('\n') },
      gazetteer: { path: 'cities1000.txt', text: PLACES.map(geonamesLine).join('\n') },
      admin1: { path: 'admin1.json', text: JSON.stringify(ADMIN1) },
      admin2: { path: 'admin2.json', text: '[]' },
    },
    seed,
  });
}

/** A Wikidata row: origin and sister with coordinates. */
export function wikidataRow(
  origin: [string, string, number, number],
  sister: [string, string, number, number],
): string {
  return [
    origin[0],
    origin[1],
    origin[2],
    origin[3],
    '',
    sister[0],
    sister[2],
    sister[3],
    '',
    sister[1],
    '',
    '',
  ].join('\t');
}
