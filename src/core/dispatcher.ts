import { Temporal } from 'temporal-polyfill';
import { cleanText } from '../domain/clean-text.ts';
import { foldName } from '../domain/names.ts';
import { LANGS, type Lang } from '../i18n/languages.ts';
import { formatList, type Translator, translator } from '../i18n/translator.ts';
import type { LedgerFile } from '../reminders/ledger.ts';
import { InvalidChangeError } from '../store/errors.ts';
import type { Store } from '../store/store.ts';
import { answerLanguage, placeLanguage } from './answer-language.ts';
import { actorId, type Caller, isStaff } from './caller.ts';
import { argWhat, type Command, type CommandContext } from './command.ts';
import { Confirmations, confirmedCommandText } from './confirmations.ts';
import { readCountryCode } from './country-arg.ts';
import { cityLabelIn } from './describe.ts';
import { type Logger, silentLogger } from './logger.ts';
import type { Message } from './message.ts';
import { findCommand, type Invocation, parseCommandText } from './parse-command.ts';
import { commandText } from './question/command-text.ts';
import { isCommonWord } from './question/common-words.ts';
import { parseQuestion } from './question/parse-question.ts';
import { answer, problem, type Reply } from './reply.ts';
import { resolveArg } from './resolve-arg.ts';
import { parseWindow } from './window.ts';

/**
 * What a line of text asks for (see Dispatcher.read). `lang`: the language a question in plain words
 * was asked in, which its answer is in (a typed command is answered in the caller's language).
 */
export type Reading =
  | { kind: 'run'; invocation: Invocation; lang?: Lang }
  | {
      kind: 'unsure';
      firstWord: string;
      heard: readonly Message[];
      closest: readonly Invocation[];
      lang?: Lang;
    }
  | { kind: 'bad-arguments'; command: Command; message: Message };

export interface DispatcherOptions {
  store: Store;
  commands: readonly Command[];
  /** The caller's "today"; injectable so answers about dates are reproducible. */
  today?: () => Temporal.PlainDate;
  /** What reminders were posted, for `reminders status`. */
  ledger?: LedgerFile;
  /** Where refusals are logged (they are not changes, so they stay out of the audit log). */
  log?: Logger;
  /** Told about every request once it is answered: the request log line and the metrics. */
  onRequest?: (request: HandledRequest) => void;
}

/**
 * How a request ended: `answered`; `problem`, a reply that says what the asker should fix;
 * `refused`, a staff command from someone not on the staff list; `not-understood`, text that is
 * no command; `error`, a failure of ours (it propagates to the adapter, which tells the asker).
 */
export type RequestOutcome = 'answered' | 'problem' | 'refused' | 'not-understood' | 'error';

/** One request the dispatcher handled, as operations see it. */
export interface HandledRequest {
  platform: Caller['platform'];
  /** The command's registered name, or `none` when the text named no command. */
  command: string;
  outcome: RequestOutcome;
  ms: number;
  /** What was asked, in the asker's words or as the command's arguments: message text, so debug only. */
  text: string;
}

/** Filled in while a request runs; what is still unset when it ends follows from the reply. */
interface Trace {
  command: string;
  outcome?: RequestOutcome;
}

/**
 * The one path every platform takes: check the caller's permission, resolve the arguments (cities
 * through the name index), run the handler, and turn user-caused failures into replies.
 */
export class Dispatcher {
  readonly commands: readonly Command[];
  private readonly store: Store;
  private readonly today: () => Temporal.PlainDate;
  private readonly ledger: LedgerFile | undefined;
  private readonly confirmations = new Confirmations();
  private readonly log: Logger;
  private readonly onRequest: ((request: HandledRequest) => void) | undefined;

  constructor(options: DispatcherOptions) {
    this.store = options.store;
    this.ledger = options.ledger;
    this.commands = options.commands;
    this.today = options.today ?? systemToday();
    this.log = options.log ?? silentLogger;
    this.onRequest = options.onRequest;
  }

  /**
   * Answers a line of the text grammar, or a question in plain words when the line is not a command.
   * A command followed by a question mark ("anniversaries this month?") is read as a question first.
   */
  answerText(text: string, caller: Caller): Promise<Reply> {
    const started = performance.now();
    const reading = this.read(text);
    const reader = readerOf(reading, caller);
    return this.observed(reader, text, started, (trace) => this.answerTraced(reading, reader, trace));
  }

  /**
   * What a line of text asks for, read once: a command to run (typed, or understood from a question),
   * or why it is not one. Buttons keep the invocation read here and never read their text again.
   * The line is cleaned before it is split into words, so a hidden character can neither split a
   * name ("Pra\uFEFFgue") nor hide inside one.
   */
  read(typed: string): Reading {
    const text = cleanText(typed);
    const catalog = this.store.catalog;
    const parsed = parseCommandText(text, this.commands, catalog);
    if (parsed.ok && text.trim().endsWith('?')) {
      const question = parseQuestion(text, catalog, this.commands);
      if (question.sure) return { kind: 'run', invocation: question.invocation };
    }
    if (parsed.ok && !this.argsRead(parsed.invocation)) {
      // "partners of Rzeszow", "anniversaries in the next 60 days": a command word opening a
      // question, whose words are no argument; the question's reading, when sure, answers it.
      // Only when the question fills what the line tried to say: "anniversaries someday" still
      // gets "which periods it reads", not every anniversary.
      // Words that only join the sentence ("anniversaries in the next 60 days": "in the") were no
      // argument either, so the question need not fill them.
      const question = parseQuestion(text, catalog, this.commands);
      const fills =
        question.sure &&
        question.invocation.command === parsed.invocation.command &&
        Object.entries(parsed.invocation.args).every(
          ([name, value]) =>
            question.invocation.args[name] !== undefined ||
            this.onlyJoins(parsed.invocation, name, value) ||
            this.saysWhichCity(question.invocation, parsed.invocation, name, value),
        );
      if (question.sure && fills) return { kind: 'run', invocation: question.invocation };
      // "partners of Luxembourg", a country's name and a city's: the question's offers, not "no
      // city named 'of Luxembourg'", which answers words that were never a name. Offers to look a
      // word up ("partners In Salah") say no more than that answer does.
      if (!question.sure && question.closest.some((offer) => offer.command !== 'search'))
        return {
          kind: 'unsure',
          firstWord: parsed.invocation.command,
          heard: question.heard,
          closest: question.closest,
          ...(question.lang && { lang: question.lang }),
        };
    }
    if (parsed.ok) return { kind: 'run', invocation: parsed.invocation };
    switch (parsed.reason) {
      case 'empty':
        return { kind: 'run', invocation: { command: 'help', args: {} } };
      case 'unknown-command': {
        const question = parseQuestion(text, catalog, this.commands);
        const lang = question.lang && { lang: question.lang };
        if (question.sure) return { kind: 'run', invocation: question.invocation, ...lang };
        return {
          kind: 'unsure',
          firstWord: parsed.word,
          heard: question.heard,
          closest: question.closest,
          ...lang,
        };
      }
      case 'bad-arguments': {
        // "history of the Nanae - Concord partnership": a staff command's word opening a question
        // that is no command line; everyone may ask the question, which a sure reading answers.
        // "anniversaries in March": a command everyone may run, opening a question whose joining words
        // ("in") are no argument; a sure reading of the same command answers it.
        const question = parseQuestion(text, catalog, this.commands);
        const same = question.sure && question.invocation.command === parsed.command.name;
        if (parsed.command.permission !== 'everyone' || same) {
          if (question.sure)
            return {
              kind: 'run',
              invocation: question.invocation,
              ...(question.lang && { lang: question.lang }),
            };
        }
        return { kind: 'bad-arguments', command: parsed.command, message: parsed.message };
      }
    }
  }

  /**
   * "partners of Plzen in Czech Republic": a country argument, as typed, that the question read as
   * saying which city is meant, as the city it answers about is in that country.
   */
  private saysWhichCity(answered: Invocation, typed: Invocation, name: string, value: string): boolean {
    const spec = findCommand(this.commands, typed.command)?.args.find((a) => a.name === name);
    const city = answered.args.city;
    if (spec?.kind !== 'country' || city === undefined) return false;
    const code = readCountryCode(value);
    const cities = this.store.catalog.matchName(city);
    return code !== undefined && cities.length === 1 && cities[0]?.country === code;
  }

  /** A city argument, as typed, that names no city and is made of everyday words only ("in the"). */
  private onlyJoins(invocation: Invocation, name: string, value: string): boolean {
    const spec = findCommand(this.commands, invocation.command)?.args.find((a) => a.name === name);
    if (spec?.kind !== 'city' || this.store.catalog.matchName(value).length > 0) return false;
    const words = foldName(value).split(' ');
    return words.every((word) => word !== '' && isCommonWord(word));
  }

  /**
   * Whether each city and period of an everyone command, as typed, names something: a city the
   * store knows, a period the window grammar reads. Staff commands are never read as questions.
   */
  private argsRead(invocation: Invocation): boolean {
    const command = findCommand(this.commands, invocation.command);
    if (command?.permission !== 'everyone') return true;
    const catalog = this.store.catalog;
    return command.args.every((spec) => {
      const value = invocation.args[spec.name];
      if (value === undefined) return true;
      // One word is a name, perhaps mistyped ("partners Shangai"): its answer offers the close matches.
      // An everyday word ("anniversaries in the next 60 days": "in", "the") is no name, mistyped or not.
      if (spec.kind === 'city')
        return (
          catalog.matchName(value).length > 0 || (!/\s/.test(value.trim()) && !isCommonWord(foldName(value)))
        );
      // "search for prah": "for" joins the sentence; what follows is the text.
      if (spec.kind === 'text') return !/^(?:for|after)\s+\S/i.test(value.trim());
      // A period in any language the reader may write it in ("nächste 60 Tage").
      if (spec.kind === 'window')
        return LANGS.some((lang) => parseWindow(value, this.today(), translator(lang)).ok);
      return true;
    });
  }

  answerReading(reading: Reading, caller: Caller): Promise<Reply> {
    const reader = readerOf(reading, caller);
    return this.observed(reader, readingText(reading), performance.now(), (trace) =>
      this.answerTraced(reading, reader, trace),
    );
  }

  private answerTraced(reading: Reading, caller: Caller, trace: Trace): Promise<Reply> {
    switch (reading.kind) {
      case 'run':
        return this.runTraced(reading.invocation, caller, trace);
      case 'unsure':
        trace.outcome = 'not-understood';
        return this.answerUnsure(reading, caller);
      case 'bad-arguments':
        trace.command = reading.command.name;
        // Someone who may not run the command learns that first, not what it needs.
        return this.mayRun(reading.command, caller)
          ? this.wordsFor(caller).then((tr) => problem(reading.message(tr)))
          : this.refuse(reading.command, caller, trace);
    }
  }

  /**
   * Runs one request for an adapter and tells `onRequest` how it ended and how long it took. Only the
   * public entry points observe, so a request that runs another command inside (help after an unknown
   * word, a confirmed change) is one request.
   */
  private async observed(
    caller: Caller,
    text: string,
    started: number,
    handle: (trace: Trace) => Promise<Reply>,
  ): Promise<Reply> {
    const trace: Trace = { command: 'none' };
    let outcome: RequestOutcome = 'error';
    try {
      const reply = await handle(trace);
      outcome = trace.outcome ?? (reply.kind === 'answer' ? 'answered' : 'problem');
      // The renderers show its dates in the language its words are in; English needs no mark.
      const { lang } = await this.languageOf(caller);
      return lang !== 'en' ? { ...reply, lang } : reply;
    } finally {
      this.report(caller, trace.command, outcome, started, text);
    }
  }

  private report(caller: Caller, command: string, outcome: RequestOutcome, started: number, text: string) {
    this.onRequest?.({ platform: caller.platform, command, outcome, ms: performance.now() - started, text });
  }

  /**
   * The invocation a button may run again for whoever presses it: only a command everyone may run, so
   * a press can never change the store, and never with `--yes`.
   */
  forAnyone(reading: Reading): Invocation | undefined {
    if (reading.kind !== 'run') return undefined;
    const { confirmed: _, ...invocation } = reading.invocation;
    return findCommand(this.commands, invocation.command)?.permission === 'everyone' ? invocation : undefined;
  }

  run(invocation: Invocation, caller: Caller): Promise<Reply> {
    return this.observed(caller, invocationText(invocation), performance.now(), (trace) =>
      this.runTraced(invocation, caller, trace),
    );
  }

  private async runTraced(invocation: Invocation, caller: Caller, trace: Trace): Promise<Reply> {
    const command = findCommand(this.commands, invocation.command);
    if (!command) {
      trace.outcome = 'not-understood';
      return this.helpFor(
        caller,
        (await this.wordsFor(caller)).t('dispatch.unknownCommand', { word: invocation.command }),
      );
    }
    trace.command = command.name;
    const catalog = this.store.catalog;
    if (!this.mayRun(command, caller)) return this.refuse(command, caller, trace);
    const ctx: CommandContext = {
      store: this.store,
      catalog,
      caller,
      tr: await this.wordsFor(caller),
      today: this.today(),
      commands: this.commands,
      ...(this.ledger && { ledger: this.ledger }),
      ...(invocation.asks && { asks: invocation.asks }),
      ...(invocation.focus && { focus: invocation.focus }),
      confirmed: invocation.confirmed === true,
      askToConfirm: (reply) => ({
        ...reply,
        ephemeral: true,
        confirm: {
          token: this.confirmations.ask(invocation, actorId(caller)),
          command: confirmedCommandText(command, invocation),
        },
      }),
    };
    const args: Record<string, unknown> = {};
    for (const spec of command.args) {
      const raw = invocation.args[spec.name]?.trim();
      if (raw === undefined || raw === '') {
        if (spec.required) {
          const { tr } = ctx;
          const what = argWhat(spec, tr);
          const example = command.examples[0];
          const text = example
            ? tr.t('dispatch.needs', { command: command.name, what, example })
            : tr.t('dispatch.needsNoExample', { command: command.name, what });
          return problem(text, { field: spec.name });
        }
        continue;
      }
      const resolved = resolveArg(spec, raw, ctx);
      if ('reply' in resolved) return resolved.reply;
      args[spec.name] = resolved.value;
    }
    try {
      return await command.handler(ctx, args as never);
    } catch (error) {
      if (error instanceof InvalidChangeError) return problem(error.message);
      throw error;
    }
  }

  /** The caller's own language, else their workspace's (see answerLanguage). */
  private languageOf(caller: Caller) {
    return answerLanguage(caller, this.store.catalog.data.settings);
  }

  /** Our words in the caller's language, for answers and refusals alike. */
  private async wordsFor(caller: Caller): Promise<Translator> {
    return translator((await this.languageOf(caller)).lang);
  }

  /** Whether the caller may run the command at all (staff commands need the staff list). */
  mayRun(command: Command, caller: Caller): boolean {
    return command.permission === 'everyone' || isStaff(caller, this.store.catalog.data.settings.staff);
  }

  /** The Confirm button: runs the change the same person asked for, once. */
  confirm(token: string, caller: Caller): Promise<Reply> {
    const started = performance.now();
    const taken = this.confirmations.take(token, actorId(caller));
    if (taken.ok) {
      const invocation = { ...taken.invocation, confirmed: true };
      return this.observed(caller, invocationText(invocation), started, (trace) =>
        this.runTraced(invocation, caller, trace),
      );
    }
    return this.observed(caller, 'confirm', started, async (trace) => {
      trace.command = 'confirm';
      const { t } = await this.wordsFor(caller);
      return problem(
        taken.reason === 'not-yours' ? t('dispatch.confirmNotYours') : t('dispatch.confirmExpired'),
      );
    });
  }

  /** The Cancel button: forgets the pending change. */
  cancel(token: string, caller: Caller): Reply {
    const started = performance.now();
    const taken = this.confirmations.take(token, actorId(caller));
    const { t } = trOf(caller);
    const reply = inLanguage(
      taken.ok
        ? answer({ text: t('dispatch.cancelled'), ephemeral: true })
        : problem(taken.reason === 'not-yours' ? t('dispatch.cancelNotYours') : t('dispatch.cancelGone')),
      caller,
    );
    this.report(caller, 'cancel', reply.kind === 'answer' ? 'answered' : 'problem', started, 'cancel');
    return reply;
  }

  private async refuse(command: Command, caller: Caller, trace: Trace): Promise<Reply> {
    trace.outcome = 'refused';
    this.log.warn(
      `refused \`${command.name}\` to ${actorId(caller)} on ${caller.platform}: not on the staff list`,
      { command: command.name, user: actorId(caller), platform: caller.platform },
    );
    return problem((await this.wordsFor(caller)).t('dispatch.staffOnly', { command: command.name }));
  }

  /**
   * The anniversaries calendar (RFC 5545) as of today, for subscriptions; `ics` is loaded on first use.
   * It is in the language staff chose for the whole store (`language de` at the terminal): a calendar
   * program says nothing about who reads it, and one feed serves the office.
   */
  async calendar(): Promise<string> {
    const { anniversaryCalendar } = await import('../render/calendar.ts');
    const { lang } = placeLanguage(this.store.catalog.data.settings, undefined, undefined);
    return anniversaryCalendar(this.store.catalog, this.today(), lang);
  }

  /** City choices for a partly typed name (autocomplete): stable ids with labels that tell namesakes apart. */
  completeCity(text: string, limit: number, lang: Lang = 'en'): { id: string; label: string }[] {
    return this.store.catalog
      .search(text, limit)
      .map((city) => ({ id: city.id, label: cityLabelIn(city, lang) }));
  }

  /** Says what was understood of a question the parser is not sure of, and offers the closest commands. */
  private async answerUnsure(reading: Reading & { kind: 'unsure' }, caller: Caller): Promise<Reply> {
    const catalog = this.store.catalog;
    const tr = await this.wordsFor(caller);
    if (reading.heard.length === 0 && reading.closest.length === 0) {
      return this.helpFor(caller, tr.t('dispatch.unknownCommand', { word: reading.firstWord }));
    }
    const closest = reading.closest.map((invocation) => commandText(invocation, catalog));
    const heard = formatList(
      reading.heard.map((words) => words(tr)),
      tr.lang,
    );
    if (closest.length === 0)
      return this.helpFor(
        caller,
        heard === '' ? tr.t('dispatch.unsure') : tr.t('dispatch.unsureHeard', { heard }),
      );
    const commands = formatList(
      closest.map((c) => `\`${c}\``),
      tr.lang,
      'disjunction',
    );
    return Promise.resolve(
      problem(
        heard === ''
          ? tr.t('dispatch.unsureSuggest', { commands })
          : tr.t('dispatch.unsureHeardSuggest', { heard, commands }),
        { suggestions: closest },
      ),
    );
  }

  private helpFor(caller: Caller, note: string): Promise<Reply> {
    return this.runTraced({ command: 'help', args: {} }, caller, { command: 'help' }).then((help) => ({
      ...help,
      kind: 'error',
      ephemeral: true,
      text: note,
    }));
  }
}

/** The reader's words: their language, else English. */
function trOf(caller: Caller): Translator {
  return translator(caller.lang ?? 'en');
}

/** Marks a reply with the language its words are in; English needs no mark. */
function inLanguage(reply: Reply, caller: Caller): Reply {
  return caller.lang && caller.lang !== 'en' ? { ...reply, lang: caller.lang } : reply;
}

/**
 * Whom the answer is for, in which language: a question in plain words is answered in the language
 * it was asked in, when its words say so clearly; everything else in the caller's own.
 */
function readerOf(reading: Reading, caller: Caller): Caller {
  const lang = reading.kind === 'bad-arguments' ? undefined : reading.lang;
  return lang === undefined || lang === caller.lang ? caller : { ...caller, lang };
}

/** A reading's words for the debug log: the command and its arguments, or the word not understood. */
function readingText(reading: Reading): string {
  switch (reading.kind) {
    case 'run':
      return invocationText(reading.invocation);
    case 'unsure':
      return reading.firstWord;
    case 'bad-arguments':
      return reading.command.name;
  }
}

function invocationText(invocation: Invocation): string {
  return [invocation.command, ...Object.values(invocation.args)].join(' ');
}

/**
 * Today in the system's zone, worked out at most once a minute: asking the time zone database on
 * every question would cost more than answering most of them.
 */
function systemToday(): () => Temporal.PlainDate {
  let cached: { until: number; date: Temporal.PlainDate } | undefined;
  return () => {
    const now = Date.now();
    if (cached === undefined || now >= cached.until)
      cached = { until: now - (now % 60_000) + 60_000, date: Temporal.Now.plainDateISO() };
    return cached.date;
  };
}
