// The cost of our words in the reader's language, per reply part, beside the same text written by
// hand in the same run: a catalog plural through i18next (Czech "5 zdrojů") beside Intl.PluralRules
// and a template, and a date through Intl.DateTimeFormat beside a hand month table. The cold cost
// (loading i18next and the catalogs) is in cli.bench.ts: `twinbot ask --lang de` beside `node -e 0`.

import { translator } from '../../src/i18n/translator.ts';
import { formatFuzzyDate } from '../../src/render/dates.ts';

const CALLS = 20_000;
const ROUNDS = 5;

const cs = translator('cs');
const rules = new Intl.PluralRules('cs');
const HAND: Record<string, string> = { one: 'zdroj', few: 'zdroje', many: 'zdroje', other: 'zdrojů' };
const MONTHS = [
  'ledna',
  'února',
  'března',
  'dubna',
  'května',
  'června',
  'července',
  'srpna',
  'září',
  'října',
  'listopadu',
  'prosince',
];

const candidates: Record<string, (i: number) => string> = {
  'plural, by hand (reference)': (i) => `${i % 30} ${HAND[rules.select(i % 30)]}`,
  'plural, i18next catalog': (i) => cs.t('count.source', { count: i % 30 }),
  'date, hand month table (reference)': (i) => `${1 + (i % 28)}. ${MONTHS[i % 12]} 2020`,
  'date, Intl.DateTimeFormat': (i) =>
    formatFuzzyDate(
      `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      'cs',
    ),
};

const nsPerCall = new Map<string, number[]>(Object.keys(candidates).map((name) => [name, []]));
let sink = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(candidates)) {
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) sink += run(i).length;
    nsPerCall.get(name)?.push(((performance.now() - started) * 1e6) / CALLS);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ns = (name: string) => median(nsPerCall.get(name) ?? []);

console.log(
  `our words in the reader's language: ns per call, median of ${ROUNDS} rounds of ${CALLS} calls (${sink > 0 ? 'checked' : ''})`,
);
for (const name of Object.keys(candidates))
  console.log(`  ${name.padEnd(36)} ${ns(name).toFixed(0).padStart(6)} ns`);
console.log(
  `  i18next plural / hand: ${(ns('plural, i18next catalog') / ns('plural, by hand (reference)')).toFixed(1)}x; Intl date / hand: ${(ns('date, Intl.DateTimeFormat') / ns('date, hand month table (reference)')).toFixed(1)}x an agreement answer's some 30 catalog calls: ${((30 * ns('plural, i18next catalog')) / 1e6).toFixed(2)} ms`,
);
