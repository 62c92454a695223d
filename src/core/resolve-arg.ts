import type { Temporal } from 'temporal-polyfill';
import type { City } from '../domain/city.ts';
import { cleanText } from '../domain/clean-text.ts';
import { countryName, toCountryCode } from '../domain/country.ts';
import { NAME_LIMIT, nameProblem } from '../domain/names.ts';
import { argDescription } from '../i18n/command-text.ts';
import { intlLocale } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Catalog } from '../store/catalog.ts';
import type { Caller } from './caller.ts';
import { type ArgSpec, argWhat, type PlaceArg } from './command.ts';
import { readCountryCode } from './country-arg.ts';
import { parseDateText } from './date-text.ts';
import { capitalize, cityLabelIn } from './describe.ts';
import { isLanguageTag } from './language.ts';
import { readPage } from './paging.ts';
import { matchChoice } from './parse-command.ts';
import { problem, type Reply } from './reply.ts';
import { parseStaffId } from './staff-mention.ts';
import { parseWindow } from './window.ts';

const TEXT_LIMIT = 2000;

export interface ArgScope {
  catalog: Catalog;
  caller: Caller;
  today: Temporal.PlainDate;
  /** The reader's words: a refusal says what is wrong in their language. */
  tr: Translator;
}

export type Resolved = { value: unknown } | { reply: Reply };

/**
 * Turns one argument's text into its value, or into a reply that says what is wrong and how to
 * fix it. Failures name the argument, so a form can show the message beside the field.
 */
export function resolveArg(spec: ArgSpec, raw: string, scope: ArgScope): Resolved {
  const { tr } = scope;
  const text = cleanText(raw);
  const refuse = (message: string, extra: Omit<Reply, 'kind' | 'ephemeral' | 'text'> = {}): Resolved => ({
    reply: problem(message, { ...extra, field: spec.name }),
  });
  const limit = textLimit(spec);
  if (text.length > limit) {
    return refuse(
      tr.t('dispatch.tooLong', {
        what: sentenceStart(spec, tr),
        length: text.length,
        limit: number(limit, tr),
      }),
    );
  }
  if (text === '') return refuse(tr.t('dispatch.empty', { what: sentenceStart(spec, tr) }));
  switch (spec.kind) {
    case 'text':
      return { value: text };
    case 'window': {
      const window = parseWindow(text, scope.today, tr);
      return window.ok ? { value: window.window } : refuse(window.message);
    }
    case 'choice': {
      const choice = matchChoice(spec, text);
      return choice !== undefined
        ? { value: choice }
        : refuse(
            tr.t('dispatch.notChoice', {
              text,
              what: argWhat(spec, tr),
              choices: (spec.choices ?? []).join(', '),
            }),
          );
    }
    case 'date': {
      const date = parseDateText(text, scope.today, tr);
      return date.ok ? { value: date.date } : refuse(date.message);
    }
    case 'url': {
      const url = unwrapLink(text);
      return isWebAddress(url) ? { value: url } : refuse(tr.t('dispatch.notUrl', { text }));
    }
    case 'lang':
      return isLanguageTag(text) ? { value: text } : refuse(tr.t('dispatch.notLang', { text }));
    case 'country': {
      const code = readCountryCode(text);
      return code !== undefined
        ? { value: code }
        : refuse(tr.t('dispatch.notCountry', { text, example: countryName('PL', tr.lang) }));
    }
    case 'page': {
      const page = readPage(text, `${spec.command} page 2`, tr);
      return page.ok ? { value: page.page } : refuse(page.message);
    }
    case 'staff-id': {
      const id = parseStaffId(text, scope.caller.platform, tr);
      return id.ok ? { value: id.id } : refuse(id.message);
    }
    case 'city': {
      const found = scope.catalog.resolveCity(text);
      if (found.kind === 'found') return { value: found.city };
      if (found.kind === 'ambiguous') return refuse(...ambiguous(text, found.candidates, tr));
      const key = found.suggestions.length > 0 ? 'dispatch.noCityClose' : 'dispatch.noCityTrySearch';
      return refuse(tr.t(key, { text }), closeMatches(found.suggestions, tr));
    }
    case 'place': {
      const found = scope.catalog.resolveCity(text);
      if (found.kind === 'found') return { value: { kind: 'known', city: found.city } satisfies PlaceArg };
      if (found.kind === 'ambiguous') return refuse(...ambiguous(text, found.candidates, tr));
      const place = newPlace(text, tr);
      if (typeof place === 'string') return refuse(place);
      if (place) return { value: place };
      const [name = text] = text.split(',');
      const key = found.suggestions.length > 0 ? 'dispatch.noPlaceClose' : 'dispatch.noPlace';
      return refuse(tr.t(key, { text, name: name.trim() }), closeMatches(found.suggestions, tr));
    }
  }
}

/** How long the argument's text may be: its own limit, 200 for a city's name, 2,000 otherwise. */
export function textLimit(spec: ArgSpec): number {
  return spec.maxLength ?? (spec.kind === 'place' || spec.kind === 'city' ? NAME_LIMIT : TEXT_LIMIT);
}

/**
 * "Skövde, SE" or "Springfield, Illinois, US": a new city's name, optional region and country;
 * undefined when the text is not in that form, or what is wrong with the name or region.
 */
function newPlace(text: string, tr: Translator): PlaceArg | string | undefined {
  const parts = text.split(',').map((p) => p.trim());
  const last = parts.at(-1);
  const name = parts[0];
  if (parts.length < 2 || last === undefined || !name) return undefined;
  const country = toCountryCode(last);
  if (country === undefined) return undefined;
  const region = parts.slice(1, -1).join(', ');
  if (nameProblem(name)) return nameRefusal('newName', name, tr, { name });
  if (region !== '' && nameProblem(region))
    return nameRefusal('region', region, tr, { region, name, country: last });
  return { kind: 'new', name, country, ...(region !== '' && { region }) };
}

/** Why a new city's name or region cannot be stored (see `nameProblem`): too long, or no letters at all. */
function nameRefusal(
  what: 'newName' | 'region',
  text: string,
  tr: Translator,
  values: Record<string, string>,
): string {
  return text.length > NAME_LIMIT
    ? tr.t(`dispatch.${what}TooLong`, { ...values, length: text.length, limit: number(NAME_LIMIT, tr) })
    : tr.t(`dispatch.${what}NoLetters`, values);
}

/** An argument named at the start of a sentence: English begins with the command's own words. */
function sentenceStart(spec: ArgSpec, tr: Translator): string {
  return tr.lang === 'en' ? capitalize(argDescription(tr, spec)) : argWhat(spec, tr);
}

function number(value: number, tr: Translator): string {
  return value.toLocaleString(intlLocale(tr.lang));
}

function ambiguous(
  text: string,
  candidates: readonly City[],
  tr: Translator,
): [string, Omit<Reply, 'kind' | 'ephemeral' | 'text'>] {
  const example = candidates[0] ? `${text}, ${candidates[0].region ?? candidates[0].country}` : text;
  return [
    tr.t('dispatch.ambiguous', { text, count: candidates.length, example }),
    {
      sections: [{ rows: candidates.map((city) => ({ text: cityLabelIn(city, tr.lang), detail: city.id })) }],
    },
  ];
}

/** The known cities whose names come close to one typed, listed under the refusal. */
function closeMatches(close: readonly City[], tr: Translator): Omit<Reply, 'kind' | 'ephemeral' | 'text'> {
  return close.length > 0
    ? { sections: [{ rows: close.map((city) => ({ text: cityLabelIn(city, tr.lang), detail: city.id })) }] }
    : {};
}

/** Slack sends links as `<https://...>` or `<https://...|label>`. */
function unwrapLink(text: string): string {
  return text.replace(/^<([^|>]*)(?:\|[^>]*)?>$/, '$1');
}

function isWebAddress(text: string): boolean {
  if (/\s/.test(text) || !URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}
