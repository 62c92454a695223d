import type { Dispatcher } from '../../src/core/dispatcher.ts';
import type { Catalog } from '../../src/store/catalog.ts';
import {
  CLASSES,
  invocationMeaning,
  LANGUAGES,
  type Label,
  labelMeaning,
  type Meaning,
  meaningDifferences,
  meaningText,
  NAME_FORMS,
  sameMeaning,
} from '../fixtures/questions/corpus.ts';

/**
 * Scores the question reader on labelled questions (test/fixtures/questions/README.md): right,
 * wrong with confidence, or unsure; for unsure answers, whether the right command was offered and
 * how many offers would not run.
 */
export type Outcome = 'right' | 'wrong' | 'unsure';

export interface Scored {
  label: Label;
  outcome: Outcome;
  /** The label's meaning, and what was run or offered, for listing misses. */
  want: string;
  got: string;
  /** Wrong, and what it ran names no city or period we know: the asker gets "no city named ...", not an answer. */
  failedToRun: boolean;
  /**
   * Wrong: the parts of the meaning it got wrong ("cities", "country"...) and the commands, labelled
   * and run ("agreement -> partners"): figures that name no question and no city.
   */
  wrongIn?: { parts: readonly string[]; commands: string };
  /** Unsure, and the right command is among those offered. */
  offeredRight: boolean;
  /** Offered commands that would not run (a city that is not one city, a period that is none). */
  failingOffers: number;
}

export function scoreQuestion(label: Label, dispatcher: Dispatcher, catalog: Catalog): Scored {
  const wanted = labelMeaning(label, catalog);
  if (!wanted.ok) throw new Error(`${label.id}: ${wanted.problem}`);
  const reading = dispatcher.read(label.text);
  const base = {
    label,
    want: meaningText(wanted.meaning),
    failedToRun: false,
    offeredRight: false,
    failingOffers: 0,
  };
  if (reading.kind === 'run') {
    const got = invocationMeaning(reading.invocation, catalog);
    if (sameMeaning(wanted.meaning, got)) return { ...base, outcome: 'right', got: meaningText(got) };
    return {
      ...base,
      outcome: 'wrong',
      got: meaningText(got),
      failedToRun: !runs(got),
      wrongIn: {
        parts: meaningDifferences(wanted.meaning, got),
        commands: `${wanted.meaning.command} -> ${got.command}`,
      },
    };
  }
  if (reading.kind === 'bad-arguments') {
    return { ...base, outcome: 'unsure', got: `bad arguments for ${reading.command.name}` };
  }
  const offers = reading.closest.map((invocation) => invocationMeaning(invocation, catalog));
  // With nothing understood and nothing to offer, the dispatcher answers with the help listing.
  const help: Meaning = { command: 'help', cities: [] };
  if (offers.length === 0 && sameMeaning(wanted.meaning, help))
    return { ...base, outcome: 'right', got: 'help' };
  return {
    ...base,
    outcome: 'unsure',
    got: offers.length > 0 ? `offers ${offers.map(meaningText).join(' | ')}` : 'help',
    offeredRight: offers.some((offer) => sameMeaning(wanted.meaning, offer)),
    failingOffers: offers.filter((offer) => !runs(offer)).length,
  };
}

function runs(m: Meaning): boolean {
  return !m.cities.some((c) => c.startsWith('?')) && !m.window?.startsWith('?');
}

export interface Tally {
  n: number;
  right: number;
  wrong: number;
  unsure: number;
}

export function tally(scored: readonly Scored[]): Tally {
  const count = (outcome: Outcome) => scored.filter((s) => s.outcome === outcome).length;
  return { n: scored.length, right: count('right'), wrong: count('wrong'), unsure: count('unsure') };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;

function row(name: string, t: Tally): string {
  return `  ${name.padEnd(26)} ${String(t.n).padStart(4)} ${percent(t.right, t.n).padStart(7)} ${String(t.wrong).padStart(6)} ${String(t.unsure).padStart(7)}`;
}

function table(title: string, groups: readonly (readonly [string, readonly Scored[]])[]): string[] {
  return [
    `${title}:`,
    `  ${''.padEnd(26)} ${'n'.padStart(4)} ${'right'.padStart(7)} ${'wrong'.padStart(6)} ${'unsure'.padStart(7)}`,
    ...groups.filter(([, s]) => s.length > 0).map(([name, s]) => row(name, tally(s))),
  ];
}

/** The report the bench prints: figures only, so the test part's questions stay unread. */
export function report(scored: readonly Scored[]): string[] {
  const where = <K extends keyof Label>(key: K, value: Label[K]) =>
    scored.filter((s) => s.label[key] === value);
  const all = tally(scored);
  const wrong = scored.filter((s) => s.outcome === 'wrong');
  const unsure = scored.filter((s) => s.outcome === 'unsure');
  return [
    ...table('by language', [
      ...LANGUAGES.map((lang) => [lang, where('lang', lang)] as const),
      ['all', scored],
    ]),
    ...table(
      'by class',
      CLASSES.map((c) => [c, where('class', c)] as const),
    ),
    ...table(
      'name forms',
      NAME_FORMS.map((form) => [form, where('form', form)] as const),
    ),
    ...table('labels', [
      ['commands the bot has', scored.filter((s) => s.label.needs === undefined)],
      ['needs a new feature', scored.filter((s) => s.label.needs !== undefined)],
    ]),
    `right ${percent(all.right, all.n)} (target: at least 95% in every language)`,
    `wrong answers given with confidence: ${all.wrong} (target: 0); of those, ${wrong.filter((s) => s.failedToRun).length} ran into "no city named ..."`,
    `what the wrong answers got wrong: ${countsOf(wrong.flatMap((s) => s.wrongIn?.parts ?? [])) || 'nothing'}; their commands, labelled -> run: ${countsOf(wrong.flatMap((s) => s.wrongIn?.commands ?? [])) || 'none'}`,
    `unsure: ${all.unsure}; the right command offered in ${unsure.filter((s) => s.offeredRight).length}; offers that would not run: ${unsure.reduce((sum, s) => sum + s.failingOffers, 0)}`,
  ];
}

/** "cities 1, command 1": each value with how many times it comes. */
function countsOf(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${value} ${n}`).join(', ');
}

/** One line per miss, for the tune part only. */
export function misses(scored: readonly Scored[]): string[] {
  return scored
    .filter((s) => s.outcome !== 'right')
    .map((s) => `${s.label.id} ${s.outcome.padEnd(6)} ${s.label.text}\n    want ${s.want}   got ${s.got}`);
}
