import type { Catalog } from '../store/catalog.ts';
import type { Command } from './command.ts';
import { splitCityPair } from './split-cities.ts';

/** A request in platform-neutral form: which command, and its arguments as text (or city ids). */
export interface Invocation {
  command: string;
  args: Record<string, string>;
  /** A yes/no question the answer opens with ("is it still in force?"); only plain-words questions ask one. */
  asks?: YesNoQuestion;
}

/**
 * Yes/no questions a handler answers first. `in-force`: "is Prague still twinned with Shanghai?" ->
 * "No: Shanghai ended the partnership on ...". `ended-by-first`: "did Shanghai end its tie with
 * Prague?" (the first city is the one asked about) -> "Yes: Shanghai ended the partnership on ...".
 */
export type YesNoQuestion = 'in-force' | 'ended-by-first';

export type ParseResult =
  | { ok: true; invocation: Invocation }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'unknown-command'; word: string }
  | { ok: false; reason: 'bad-arguments'; command: Command; message: string };

export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  const wanted = name.toLowerCase();
  return commands.find((c) => c.name === wanted);
}

/**
 * Reads the text grammar shared by the shell, `twinbot ask`, Slack and mentions: a command name, then
 * its arguments. Two city arguments in a row are split with the name index.
 */
export function parseCommandText(text: string, commands: readonly Command[], catalog: Catalog): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const [word = '', ...restWords] = trimmed.split(/\s+/);
  const command = findCommand(commands, word);
  if (!command) return { ok: false, reason: 'unknown-command', word };
  const rest = restWords.join(' ');
  const args: Record<string, string> = {};
  const cityArgs = command.args.filter((a) => a.kind === 'city');
  if (cityArgs.length === 2 && command.args.length === 2) {
    if (rest === '') return missing(command);
    const split = splitCityPair(rest, catalog);
    if (!split.ok) return { ok: false, reason: 'bad-arguments', command, message: split.message };
    args[cityArgs[0]?.name ?? ''] = split.first;
    args[cityArgs[1]?.name ?? ''] = split.second;
  } else if (command.args.length > 0 && rest !== '') {
    args[command.args[0]?.name ?? ''] = rest;
  }
  if (command.args.some((a) => a.required && args[a.name] === undefined)) return missing(command);
  return { ok: true, invocation: { command: command.name, args } };
}

function missing(command: Command): ParseResult {
  const needed = command.args.filter((a) => a.required).map((a) => a.description);
  const example = command.examples[0];
  return {
    ok: false,
    reason: 'bad-arguments',
    command,
    message: `\`${command.name}\` needs ${needed.join(' and ')}${example ? `, e.g. \`${example}\`` : ''}.`,
  };
}
