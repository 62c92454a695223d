import type { Temporal } from 'temporal-polyfill';
import type { City } from '../domain/city.ts';
import { cleanText } from '../domain/clean-text.ts';
import { toCountryCode } from '../domain/country.ts';
import { NAME_LIMIT, nameProblem } from '../domain/names.ts';
import { argDescription } from '../i18n/command-text.ts';
import { translator } from '../i18n/translator.ts';
import type { Catalog } from '../store/catalog.ts';
import type { Caller } from './caller.ts';
import type { ArgSpec, PlaceArg } from './command.ts';
import { parseDateText } from './date-text.ts';
import { capitalize, cityLabel } from './describe.ts';
import { isLanguageTag } from './language.ts';
import { matchChoice } from './parse-command.ts';
import { problem, type Reply } from './reply.ts';
import { parseStaffId } from './staff-mention.ts';
import { parseWindow } from './window.ts';

const TEXT_LIMIT = 2000;

export interface ArgScope {
  catalog: Catalog;
  caller: Caller;
  today: Temporal.PlainDate;
}

export type Resolved = { value: unknown } | { reply: Reply };

/**
 * Turns one argument's text into its value, or into a reply that says what is wrong and how to
 * fix it. Failures name the argument, so a form can show the message beside the field.
 */
export function resolveArg(spec: ArgSpec, raw: string, scope: ArgScope): Resolved {
  const text = cleanText(raw);
  const refuse = (message: string, extra: Omit<Reply, 'kind' | 'ephemeral' | 'text'> = {}): Resolved => ({
    reply: problem(message, { ...extra, field: spec.name }),
  });
  const limit = textLimit(spec);
  if (text.length > limit) {
    return refuse(
      `${capitalize(argDescription(translator('en'), spec))} is ${text.length} characters long; the limit is ${limit.toLocaleString('en')}.`,
    );
  }
  if (text === '') return refuse(`${capitalize(argDescription(translator('en'), spec))} is empty.`);
  switch (spec.kind) {
    case 'text':
      return { value: text };
    case 'window': {
      const window = parseWindow(text, scope.today, translator(scope.caller.lang ?? 'en'));
      return window.ok ? { value: window.window } : refuse(window.message);
    }
    case 'choice': {
      const choice = matchChoice(spec, text);
      return choice !== undefined
        ? { value: choice }
        : refuse(
            `"${text}" is not ${argDescription(translator('en'), spec)}. Use one of: ${(spec.choices ?? []).join(', ')}.`,
          );
    }
    case 'date': {
      const date = parseDateText(text, scope.today, translator(scope.caller.lang ?? 'en'));
      return date.ok ? { value: date.date } : refuse(date.message);
    }
    case 'url': {
      const url = unwrapLink(text);
      return isWebAddress(url)
        ? { value: url }
        : refuse(`"${text}" is not a web address: give one starting with http:// or https://.`);
    }
    case 'lang':
      return isLanguageTag(text)
        ? { value: text }
        : refuse(`"${text}" is not a language code: use one such as en, de, cs, ja or zh-Hant.`);
    case 'staff-id': {
      const id = parseStaffId(text, scope.caller.platform);
      return id.ok ? { value: id.id } : refuse(id.message);
    }
    case 'city': {
      const found = scope.catalog.resolveCity(text);
      if (found.kind === 'found') return { value: found.city };
      if (found.kind === 'ambiguous') return refuse(...ambiguous(text, found.candidates));
      return refuse(...unknown(text, found.suggestions, { none: ' Try `search` with part of the name.' }));
    }
    case 'place': {
      const found = scope.catalog.resolveCity(text);
      if (found.kind === 'found') return { value: { kind: 'known', city: found.city } satisfies PlaceArg };
      if (found.kind === 'ambiguous') return refuse(...ambiguous(text, found.candidates));
      const place = newPlace(text);
      if (typeof place === 'string') return refuse(place);
      if (place) return { value: place };
      const [name = text] = text.split(',');
      return refuse(
        ...unknown(text, found.suggestions, {
          none: '',
          always: ` To add it as a new city, give its country code after a comma, e.g. "${name.trim()}, SE".`,
        }),
      );
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
function newPlace(text: string): PlaceArg | string | undefined {
  const parts = text.split(',').map((p) => p.trim());
  const last = parts.at(-1);
  const name = parts[0];
  if (parts.length < 2 || last === undefined || !name) return undefined;
  const country = toCountryCode(last);
  if (country === undefined) return undefined;
  const region = parts.slice(1, -1).join(', ');
  const nameWrong = nameProblem(name);
  if (nameWrong)
    return `The new city's name "${name}" ${nameWrong}: give its name, then its country code after a comma, e.g. "Skövde, SE".`;
  const regionWrong = region === '' ? undefined : nameProblem(region);
  if (regionWrong)
    return `The region "${region}" ${regionWrong}: give the region's name, or leave it out ("${name}, ${last}").`;
  return { kind: 'new', name, country, ...(region !== '' && { region }) };
}

function ambiguous(
  text: string,
  candidates: readonly City[],
): [string, Omit<Reply, 'kind' | 'ephemeral' | 'text'>] {
  const example = candidates[0] ? `${text}, ${candidates[0].region ?? candidates[0].country}` : text;
  return [
    `"${text}" could be ${candidates.length} cities. Say which one with its region or country (e.g. "${example}"), or use its id.`,
    { sections: [{ rows: candidates.map((city) => ({ text: cityLabel(city), detail: city.id })) }] },
  ];
}

function unknown(
  text: string,
  close: readonly City[],
  advice: { none: string; always?: string },
): [string, Omit<Reply, 'kind' | 'ephemeral' | 'text'>] {
  const after = close.length > 0 ? ' Close matches:' : advice.none;
  return [
    `No city named "${text}".${advice.always ?? ''}${after}`,
    close.length > 0
      ? { sections: [{ rows: close.map((city) => ({ text: cityLabel(city), detail: city.id })) }] }
      : {},
  ];
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
