import { Temporal } from 'temporal-polyfill';
import type { Catalog } from '../store/catalog.ts';
import { type ArgSpec, argsWhat, argWhat, type Command } from './command.ts';
import { readCountryCode } from './country-arg.ts';
import { isLanguageTag } from './language.ts';
import { type Message, sentences } from './message.ts';
import { splitCityPair } from './split-cities.ts';
import { parseWindow } from './window.ts';

/** A request in platform-neutral form: which command, and its arguments as text (or city ids). */
export interface Invocation {
  command: string;
  args: Record<string, string>;
  /** A yes/no question the answer opens with ("is it still in force?"); only plain-words questions ask one. */
  asks?: YesNoQuestion;
  /** What the answer leads with: `since`, how long ("50 years, since 4 February 1975"); only plain-words questions set one. */
  focus?: Focus;
  /** `--yes` was given: a destructive change goes ahead without asking again. */
  confirmed?: boolean;
}

/**
 * Yes/no questions a handler answers first. `in-force`: "is Prague still twinned with Shanghai?" ->
 * "No: Shanghai ended the partnership on ...". `ended-by-first`: "did Shanghai end its tie with
 * Prague?" (the first city is the one asked about) -> "Yes: Shanghai ended the partnership on ...".
 * `ended`: "did Prague and Shanghai break up?", "is it over?" (whether it ended, by either side) ->
 * "Yes: Shanghai ended the partnership on ...".
 * `any`: "does Paderborn have a French twin town?" (`partners Paderborn in FR`) -> "Yes: Paderborn
 * has 1 partner in France: Le Mans."
 */
export const YES_NO_QUESTIONS = ['in-force', 'ended-by-first', 'ended', 'any'] as const;
export type YesNoQuestion = (typeof YES_NO_QUESTIONS)[number];

/** What an answer leads with: `since`, how long a partnership has lasted ("how many years have ... been partners?"). */
export const FOCUSES = ['since'] as const;
export type Focus = (typeof FOCUSES)[number];

export type ParseResult =
  | { ok: true; invocation: Invocation }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'unknown-command'; word: string }
  | { ok: false; reason: 'bad-arguments'; command: Command; message: Message };

const CONFIRM_FLAG = '--yes';

export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  const wanted = name.toLowerCase();
  return commands.find((c) => c.name === wanted);
}

/**
 * The command a line of words starts with: a two-word name (`city set`) before a one-word one
 * (`city`), so a staff command is never taken for the everyone command it begins with.
 */
export function leadingCommand(commands: readonly Command[], words: readonly string[]): Command | undefined {
  const [first = '', second] = words;
  return (
    (second === undefined ? undefined : findCommand(commands, `${first} ${second}`)) ??
    findCommand(commands, first)
  );
}

/**
 * Reads the text grammar shared by the shell, `twinbot ask`, Slack and mentions: a command name (one
 * or two words, `city set`), then its arguments: positional ones first (two cities in a row are
 * split with the name index, a choice word ends the city names), then keyword ones in their declared
 * order (`signed 2015`, `by Osaka`, `reason ...`, `source https://...`). `--yes` confirms.
 */
export function parseCommandText(text: string, commands: readonly Command[], catalog: Catalog): ParseResult {
  const all = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const words = all.filter((w) => w.toLowerCase() !== CONFIRM_FLAG);
  const confirmed = words.length < all.length;
  const [first = ''] = words;
  if (first === '') return { ok: false, reason: 'empty' };
  const command = leadingCommand(commands, words);
  if (!command) return { ok: false, reason: 'unknown-command', word: first };
  const read = readArgs(command, words.slice(command.name.split(' ').length), catalog);
  if (!read.ok) return { ok: false, reason: 'bad-arguments', command, message: read.message };
  if (command.args.some((a) => a.required && read.args[a.name] === undefined)) return missing(command);
  return {
    ok: true,
    invocation: { command: command.name, args: read.args, ...(confirmed && { confirmed }) },
  };
}

/** The canonical choice a word names (`Sister-City` -> `sister_city`, `rejection` -> `council_rejection`). */
export function matchChoice(spec: ArgSpec, word: string): string | undefined {
  const normal = word
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
  if (spec.choices?.includes(normal)) return normal;
  return spec.synonyms?.[normal];
}

type ReadResult = { ok: true; args: Record<string, string> } | { ok: false; message: Message };

function readArgs(command: Command, tokens: string[], catalog: Catalog): ReadResult {
  const args: Record<string, string> = {};
  const positional = command.args.filter((a) => a.keyword === undefined);
  const { before, sections } = cutKeywordSections(command, tokens, catalog);
  for (const [name, words] of sections) args[name] = words.join(' ');

  const cityCount = leadingCities(positional);
  const cityArgs = positional.slice(0, cityCount);
  let others = positional.slice(cityCount);
  let cityWords = before;
  let remaining: string[] = [];
  const choice = others[0]?.kind === 'choice' ? others[0] : undefined;
  if (choice) {
    const found = findChoice(choice, before, Math.min(cityCount, 1));
    if (found) {
      cityWords = before.slice(0, found.at);
      args[choice.name] = found.words.join(' ');
      remaining = before.slice(found.at + found.words.length);
    } else if (choice.required && before.length > 0) {
      return { ok: false, message: choiceNeeded(command, choice) };
    } else if (cityCount === 0) {
      remaining = before;
    }
    others = others.slice(1);
  } else if (cityCount > 0 && !cityArgs[0]?.required && others[0]?.kind === 'window') {
    const cut = cutWindow(before, catalog);
    cityWords = cut.cities;
    remaining = cut.window;
  } else if (cityCount === 1 && others.length > 0) {
    const cut = cutCityName(before, catalog);
    cityWords = cut.city;
    remaining = cut.rest;
  } else if (cityCount === 0) {
    cityWords = [];
    remaining = before;
  }

  const split = assignCities(cityArgs, cityWords.join(' '), catalog, args);
  if (split) return split;

  const lang = others.at(-1)?.kind === 'lang' ? others.at(-1) : undefined;
  const lastWord = remaining.at(-1);
  if (lang && remaining.length >= 2 && lastWord !== undefined && isLanguageTag(lastWord)) {
    args[lang.name] = lastWord;
    remaining = remaining.slice(0, -1);
    others = others.slice(0, -1);
  }
  const [takesRest] = others;
  if (takesRest && remaining.length > 0) args[takesRest.name] = remaining.join(' ');
  else if (remaining.length > 0) {
    const words = remaining.join(' ');
    return {
      ok: false,
      message: (tr) => sentences(tr, tr.t('dispatch.leftOver', { words }), usageHint(command)(tr)),
    };
  }
  return { ok: true, args };
}

/**
 * Keyword arguments run from their keyword to the next one; keywords count only in their declared
 * order (so a reason may say "by"), and a `url` keyword only before an address.
 */
function cutKeywordSections(
  command: Command,
  tokens: string[],
  catalog: Catalog,
): { before: string[]; sections: Map<string, string[]> } {
  const keyworded = command.args.filter((a) => a.keyword !== undefined);
  const sections = new Map<string, string[]>();
  let before = tokens;
  let open: { name: string; start: number } | undefined;
  let allowedFrom = 0;
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (next === undefined) return;
    const k = keyworded.findIndex(
      (a, index) =>
        index >= allowedFrom &&
        a.keyword === token.toLowerCase() &&
        // A keyword first leaves the arguments before it out: only a country or a page may open the
        // line (`partners in PL`, `partners page 2`: the home city's). Asked only of the keyword, as
        // the first look-up of a country's name builds the table of every name in every language.
        (i > 0 ||
          a.kind === 'page' ||
          (a.kind === 'country' && readCountryCode(tokens.slice(1).join(' ')) !== undefined)) &&
        // `page N` closes the line, so a city named Page keeps its name (`partners Page City page 2`).
        (a.kind !== 'page' || i === tokens.length - 2) &&
        (a.kind !== 'url' || /^<?[a-z][a-z0-9+.-]*:\/\//i.test(next)) &&
        (a.kind !== 'country' || startsCountry(tokens, i, catalog)),
    );
    const arg = keyworded[k];
    if (!arg) return;
    if (open) sections.set(open.name, tokens.slice(open.start, i));
    else before = tokens.slice(0, i);
    open = { name: arg.name, start: i + 1 };
    allowedFrom = k + 1;
  });
  if (open) sections.set(open.name, tokens.slice(open.start));
  return { before, sections };
}

/**
 * Whether a country keyword at `at` starts the country (`partners Buffalo in Poland`) rather than
 * belonging to a city's name (`partners Neumarkt in der Oberpfalz`): a country follows it; or no
 * later one is followed by a country and the words as a whole name no city, so a mistyped country
 * is refused as a country.
 */
function startsCountry(tokens: readonly string[], at: number, catalog: Catalog): boolean {
  const countryAfter = (i: number) => readCountryCode(tokens.slice(i + 1).join(' ')) !== undefined;
  if (countryAfter(at)) return true;
  const keyword = tokens[at]?.toLowerCase();
  const laterCountry = tokens.some((t, i) => i > at && t.toLowerCase() === keyword && countryAfter(i));
  return !laterCountry && catalog.matchName(tokens.join(' ')).length === 0;
}

/** The first choice word from `from` on; two words make one choice too (`sister city`, `phase out`). */
function findChoice(
  choice: ArgSpec,
  words: string[],
  from: number,
): { at: number; words: string[] } | undefined {
  for (let at = from; at < words.length; at += 1) {
    const pair = words.slice(at, at + 2);
    if (pair.length === 2 && matchChoice(choice, pair.join(' ')) !== undefined) return { at, words: pair };
    if (matchChoice(choice, words[at] as string) !== undefined) return { at, words: [words[at] as string] };
  }
  return undefined;
}

function leadingCities(positional: readonly ArgSpec[]): number {
  let count = 0;
  while (count < 2 && (positional[count]?.kind === 'city' || positional[count]?.kind === 'place')) count += 1;
  return count;
}

/** One city's name and what follows it: cut at a `/`, else after the longest run of words the name index knows. */
function cutCityName(words: string[], catalog: Catalog): { city: string[]; rest: string[] } {
  const slash = words.indexOf('/');
  if (slash > 0) return { city: words.slice(0, slash), rest: words.slice(slash + 1) };
  let end = Math.min(words.length, Math.max(1, words.length - 1));
  while (end > 1 && catalog.matchName(words.slice(0, end).join(' ')).length === 0) end -= 1;
  return { city: words.slice(0, end), rest: words.slice(end) };
}

/** Any day will do to tell whether words read as a period: what they cover does not matter here. */
const SOME_DAY = Temporal.PlainDate.from('2000-01-01');

/**
 * Optional cities before a period (`anniversaries Prague / Taipei turning 10`, `anniversaries 2027`):
 * the period is the first run of words to the end that reads as one, or that starts with `turning`
 * (so `turning 0` is refused as a number, not read as a city); a closing `page N` belongs to the
 * period, even alone (`anniversaries page 2`: the default period's second page). Without a period,
 * the words are cities when they name any; otherwise they are a period, and the period's reader
 * says what is wrong.
 */
function cutWindow(words: string[], catalog: Catalog): { cities: string[]; window: string[] } {
  const paged =
    words.length >= 2 && words.at(-2)?.toLowerCase() === 'page' && /^\d+$/.test(words.at(-1) ?? '');
  const before = paged ? words.slice(0, -2) : words;
  for (let at = 0; at < before.length; at += 1) {
    const rest = before.slice(at);
    if (rest[0]?.toLowerCase() === 'turning' || parseWindow(rest.join(' '), SOME_DAY).ok)
      return { cities: words.slice(0, at), window: words.slice(at) };
  }
  const text = before.join(' ');
  const known = (name: string) => catalog.matchName(name).length > 0;
  const split = splitCityPair(text, catalog);
  const namesCities = known(text) || (split.ok && (known(split.first) || known(split.second)));
  if (namesCities) return { cities: before, window: words.slice(before.length) };
  return { cities: [], window: words };
}

function assignCities(
  cityArgs: readonly ArgSpec[],
  text: string,
  catalog: Catalog,
  args: Record<string, string>,
): ReadResult | undefined {
  const [first, second] = cityArgs;
  if (!first || text === '') return undefined;
  if (!second) {
    args[first.name] = text;
    return undefined;
  }
  if (!first.required && catalog.matchName(text).length > 0) {
    args[first.name] = text;
    return undefined;
  }
  const split = splitCityPair(text, catalog);
  if (!split.ok) return { ok: false, message: split.message };
  args[first.name] = split.first;
  args[second.name] = split.second;
  return undefined;
}

function choiceNeeded(command: Command, choice: ArgSpec): Message {
  return (tr) =>
    sentences(
      tr,
      tr.t('dispatch.needsChoice', {
        command: command.name,
        what: argWhat(choice, tr),
        choices: (choice.choices ?? []).join(', '),
      }),
      usageHint(command)(tr),
    );
}

function usageHint(command: Command): Message {
  const example = command.examples[0];
  return (tr) => (example ? tr.t('dispatch.forExample', { example }) : '');
}

function missing(command: Command): ParseResult {
  const needed = command.args.filter((a) => a.required);
  const example = command.examples[0];
  return {
    ok: false,
    reason: 'bad-arguments',
    command,
    message: (tr) => {
      const what = argsWhat(needed, tr);
      return example
        ? tr.t('dispatch.needs', { command: command.name, what, example })
        : tr.t('dispatch.needsNoExample', { command: command.name, what });
    },
  };
}
