import { Temporal } from 'temporal-polyfill';
import { cleanText } from '../domain/clean-text.ts';
import type { LedgerFile } from '../reminders/ledger.ts';
import { InvalidChangeError } from '../store/errors.ts';
import type { Store } from '../store/store.ts';
import { actorId, type Caller, isStaff } from './caller.ts';
import type { Command, CommandContext } from './command.ts';
import { Confirmations, confirmedCommandText } from './confirmations.ts';
import { cityLabel } from './describe.ts';
import { findCommand, type Invocation, parseCommandText } from './parse-command.ts';
import { commandText } from './question/command-text.ts';
import { parseQuestion } from './question/parse-question.ts';
import { answer, problem, type Reply } from './reply.ts';
import { resolveArg } from './resolve-arg.ts';

/** What a line of text asks for (see Dispatcher.read). */
export type Reading =
  | { kind: 'run'; invocation: Invocation }
  | { kind: 'unsure'; firstWord: string; heard: readonly string[]; closest: readonly Invocation[] }
  | { kind: 'bad-arguments'; command: Command; message: string };

export interface DispatcherOptions {
  store: Store;
  commands: readonly Command[];
  /** The caller's "today"; injectable so answers about dates are reproducible. */
  today?: () => Temporal.PlainDate;
  /** What reminders were posted, for `reminders status`. */
  ledger?: LedgerFile;
  /** Where refusals are logged (they are not changes, so they stay out of the audit log). */
  log?: (line: string) => void;
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
  private readonly log: (line: string) => void;

  constructor(options: DispatcherOptions) {
    this.store = options.store;
    this.ledger = options.ledger;
    this.commands = options.commands;
    this.today = options.today ?? systemToday();
    this.log = options.log ?? ((line) => console.warn(line));
  }

  /**
   * Answers a line of the text grammar, or a question in plain words when the line is not a command.
   * A command followed by a question mark ("anniversaries this month?") is read as a question first.
   */
  answerText(text: string, caller: Caller): Promise<Reply> {
    return this.answerReading(this.read(text), caller);
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
    if (parsed.ok) return { kind: 'run', invocation: parsed.invocation };
    switch (parsed.reason) {
      case 'empty':
        return { kind: 'run', invocation: { command: 'help', args: {} } };
      case 'unknown-command': {
        const question = parseQuestion(text, catalog, this.commands);
        if (question.sure) return { kind: 'run', invocation: question.invocation };
        return { kind: 'unsure', firstWord: parsed.word, heard: question.heard, closest: question.closest };
      }
      case 'bad-arguments':
        return { kind: 'bad-arguments', command: parsed.command, message: parsed.message };
    }
  }

  answerReading(reading: Reading, caller: Caller): Promise<Reply> {
    switch (reading.kind) {
      case 'run':
        return this.run(reading.invocation, caller);
      case 'unsure':
        return this.answerUnsure(reading, caller);
      case 'bad-arguments':
        // Someone who may not run the command learns that first, not what it needs.
        return Promise.resolve(
          this.mayRun(reading.command, caller)
            ? problem(reading.message)
            : this.refuse(reading.command, caller),
        );
    }
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

  async run(invocation: Invocation, caller: Caller): Promise<Reply> {
    const command = findCommand(this.commands, invocation.command);
    if (!command) return this.helpFor(caller, `I don't know the command "${invocation.command}".`);
    const catalog = this.store.catalog;
    if (!this.mayRun(command, caller)) return this.refuse(command, caller);
    const ctx: CommandContext = {
      store: this.store,
      catalog,
      caller,
      today: this.today(),
      commands: this.commands,
      ...(this.ledger && { ledger: this.ledger }),
      ...(invocation.asks && { asks: invocation.asks }),
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
          return problem(`\`${command.name}\` needs ${spec.description}, e.g. \`${command.examples[0]}\`.`, {
            field: spec.name,
          });
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

  /** Whether the caller may run the command at all (staff commands need the staff list). */
  mayRun(command: Command, caller: Caller): boolean {
    return command.permission === 'everyone' || isStaff(caller, this.store.catalog.data.settings.staff);
  }

  /** The Confirm button: runs the change the same person asked for, once. */
  confirm(token: string, caller: Caller): Promise<Reply> {
    const taken = this.confirmations.take(token, actorId(caller));
    if (taken.ok) return this.run({ ...taken.invocation, confirmed: true }, caller);
    return Promise.resolve(
      problem(
        taken.reason === 'not-yours'
          ? 'Only the person who asked for this change can confirm it.'
          : 'This confirmation has expired (after 15 minutes, or when the bot restarts). Nothing changed; run the command again.',
      ),
    );
  }

  /** The Cancel button: forgets the pending change. */
  cancel(token: string, caller: Caller): Reply {
    const taken = this.confirmations.take(token, actorId(caller));
    if (taken.ok) return answer({ text: 'Cancelled. Nothing changed.', ephemeral: true });
    return problem(
      taken.reason === 'not-yours'
        ? 'Only the person who asked for this change can cancel it.'
        : 'This change is no longer waiting: it was already confirmed or cancelled, or it expired.',
    );
  }

  private refuse(command: Command, caller: Caller): Reply {
    this.log(
      `refused \`${command.name}\` to ${actorId(caller)} on ${caller.platform}: not on the staff list`,
    );
    return problem(
      `\`${command.name}\` is for office staff only. Ask your office to add you to the staff list.`,
    );
  }

  /** The anniversaries calendar (RFC 5545) as of today, for subscriptions. Loaded on first use: only the feed needs `ics`. */
  async calendar(): Promise<string> {
    const { anniversaryCalendar } = await import('../render/calendar.ts');
    return anniversaryCalendar(this.store.catalog, this.today());
  }

  /** City choices for a partly typed name (autocomplete): stable ids with labels that tell namesakes apart. */
  completeCity(text: string, limit: number): { id: string; label: string }[] {
    return this.store.catalog.search(text, limit).map((city) => ({ id: city.id, label: cityLabel(city) }));
  }

  /** Says what was understood of a question the parser is not sure of, and offers the closest commands. */
  private answerUnsure(reading: Reading & { kind: 'unsure' }, caller: Caller): Promise<Reply> {
    const catalog = this.store.catalog;
    if (reading.heard.length === 0 && reading.closest.length === 0) {
      return this.helpFor(caller, `I don't know the command "${reading.firstWord}".`);
    }
    const closest = reading.closest.map((invocation) => commandText(invocation, catalog));
    const understood = reading.heard.length > 0 ? ` I understood ${reading.heard.join('; ')}.` : '';
    if (closest.length === 0) return this.helpFor(caller, `I'm not sure what you are asking.${understood}`);
    return Promise.resolve(
      problem(
        `I'm not sure what you are asking.${understood} Did you mean: ${closest.map((c) => `\`${c}\``).join(' or ')}?`,
        { suggestions: closest },
      ),
    );
  }

  private helpFor(caller: Caller, note: string): Promise<Reply> {
    return this.run({ command: 'help', args: {} }, caller).then((help) => ({
      ...help,
      kind: 'error',
      ephemeral: true,
      text: note,
    }));
  }
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
