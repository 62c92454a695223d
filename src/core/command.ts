import type { Temporal } from 'temporal-polyfill';
import type { City } from '../domain/city.ts';
import type { StaffId } from '../domain/settings.ts';
import { argDescription } from '../i18n/command-text.ts';
import { formatList, type Translator, translator } from '../i18n/translator.ts';
import type { LedgerFile } from '../reminders/ledger.ts';
import type { Catalog } from '../store/catalog.ts';
import type { Store } from '../store/store.ts';
import type { Caller } from './caller.ts';
import type { Focus, YesNoQuestion } from './parse-command.ts';
import type { Reply } from './reply.ts';
import type { DateWindow } from './window.ts';

/**
 * `city`: a known city. `place`: a known city, or a new one given with its country ("Skövde, SE").
 * `choice`: one of `choices`. `date`: a fuzzy date. `url`: an http(s) address. `lang`: a language
 * tag. `staff-id`: a person or role, typed as an id or a mention. `country`: a country, typed as its
 * ISO 3166-1 alpha-2 code or its name in any of our languages; the handler gets the code. `page`: which
 * page of a long answer, a whole number from 1, typed last (`page 2`).
 */
export type ArgKind =
  | 'city'
  | 'place'
  | 'window'
  | 'text'
  | 'choice'
  | 'date'
  | 'url'
  | 'lang'
  | 'staff-id'
  | 'country'
  | 'page';

/** An argument as commands/ declare it: what it is, never what it is called in any language. */
export interface ArgDecl {
  readonly name: string;
  readonly kind: ArgKind;
  readonly required: boolean;
  /** In the text grammar the value follows this word (`signed 2015`, `by Osaka`); otherwise it is positional. */
  readonly keyword?: string;
  readonly choices?: readonly string[];
  /** Other words for a choice: `rejection` for `council_rejection`. */
  readonly synonyms?: Readonly<Record<string, string>>;
  /** Text limit in characters (2,000 unless stated). */
  readonly maxLength?: number;
}

/**
 * An argument of a registered command. `command` is the command's name, by which its description
 * and its choices' names are found in the catalogs (src/i18n/command-text.ts).
 */
export interface ArgSpec extends ArgDecl {
  readonly command: string;
}

type ArgValue<K extends ArgKind> = K extends 'city'
  ? City
  : K extends 'place'
    ? PlaceArg
    : K extends 'window'
      ? DateWindow
      : K extends 'page'
        ? number
        : string;

/** A city named in a write command: one the store knows, or one to create. */
export type PlaceArg =
  | { kind: 'known'; city: City }
  | { kind: 'new'; name: string; country: string; region?: string };

/** An argument's value: a choice is one of its own choices, a staff id is checked as one. */
type SpecValue<A extends ArgDecl> = A extends { kind: 'choice'; choices: readonly (infer C extends string)[] }
  ? C
  : A extends { kind: 'staff-id' }
    ? StaffId
    : ArgValue<A['kind']>;

/** The handler's arguments, typed from the command's own declaration. */
export type ArgsOf<S extends readonly ArgDecl[]> = {
  [A in S[number] as A['name']]: A['required'] extends true ? SpecValue<A> : SpecValue<A> | undefined;
};

export type Permission = 'everyone' | 'staff';

/** What a handler may use: the store (for writes), its current catalog, the caller and the date. */
export interface CommandContext {
  store: Store;
  catalog: Catalog;
  caller: Caller;
  /** Our words in the reader's language (the caller's, else English); replies carry it to the renderers. */
  tr: Translator;
  today: Temporal.PlainDate;
  commands: readonly Command[];
  /** The reminder ledger, where the process keeps one. */
  ledger?: LedgerFile;
  /** The yes/no question the asker put, for handlers that can answer it first. */
  asks?: YesNoQuestion;
  /** What the answer leads with, where the asker's question says (see `Focus`). */
  focus?: Focus;
  /** The caller already confirmed (`--yes`, or the Confirm button): destructive commands go ahead. */
  confirmed: boolean;
  /** Turns a reply into a question with Confirm and Cancel, which runs this invocation again if confirmed. */
  askToConfirm: (reply: Reply) => Reply;
}

/** A command; its summary is in the catalogs (`command.<name>.summary`, see src/i18n/command-text.ts). */
export interface Command<S extends readonly ArgDecl[] = readonly ArgSpec[]> {
  readonly name: string;
  readonly args: S;
  readonly examples: readonly string[];
  readonly permission: Permission;
  readonly handler: (ctx: CommandContext, args: ArgsOf<S>) => Reply | Promise<Reply>;
}

/** Declares a command once; the text grammar, help and platform command lists all come from this. */
export function defineCommand<const S extends readonly ArgDecl[]>(command: Command<S>): Command {
  const args: ArgSpec[] = command.args.map((arg) => ({ ...arg, command: command.name }));
  return { ...command, args } as unknown as Command;
}

/** An argument kind as its catalog keys name it (`dispatch.arg.staffId`, `dispatch.placeholder.staffId`). */
function kindKey(kind: ArgKind): string {
  return kind === 'staff-id' ? 'staffId' : kind;
}

/**
 * What an argument is, to name it inside a sentence: the command's own words in English (its
 * declaration is written in English), else what its kind is in the reader's language ("ein Datum").
 */
export function argWhat(spec: ArgSpec, tr: Translator): string {
  return tr.lang === 'en' ? argDescription(tr, spec) : tr.t(`dispatch.arg.${kindKey(spec.kind)}`);
}

/**
 * What several arguments are, as one phrase: "a city and its partner city"; in the other languages,
 * by kind, where two cities are "zwei Städte" rather than "eine Stadt und eine Stadt".
 */
export function argsWhat(specs: readonly ArgSpec[], tr: Translator): string {
  const isCity = (spec: ArgSpec) => spec.kind === 'city' || spec.kind === 'place';
  const pairAt = specs.findIndex(isCity);
  const paired = tr.lang !== 'en' && specs.filter(isCity).length === 2;
  const phrases = specs.flatMap((spec, i) => {
    if (!paired || !isCity(spec)) return [argWhat(spec, tr)];
    return i === pairAt ? [tr.t('dispatch.arg.twoCities')] : [];
  });
  return formatList(phrases, tr.lang);
}

/**
 * `agreement <city> <with>`, `anniversaries [window]`, `record <city> <with> <milestone> [date] [by <by>]`;
 * a keyword's value is named by its kind in the reader's language (`[signed <Datum>]`).
 */
export function usage(command: Command, tr: Translator = translator('en')): string {
  const args = command.args.map((arg) => {
    const inner = arg.keyword
      ? `${arg.keyword} <${tr.t(`dispatch.placeholder.${kindKey(arg.kind)}`)}>`
      : `<${arg.name}>`;
    return arg.required ? inner : `[${arg.keyword ? inner : arg.name}]`;
  });
  return [command.name, ...args].join(' ');
}
