import type { Command } from '../../core/command.ts';
import { leadingCommand } from '../../core/parse-command.ts';
import { subcommandName, topLevelName } from './command-json.ts';

/**
 * Shows a command from an answer (`partners prague-cz`, `agreement <city> <with>`) as the slash
 * command a Discord user types: `/twin partners city:prague-cz`. Text that cannot be mapped onto
 * the options without guessing (two city names in a row) stays in the text grammar, which mentions
 * of the bot also understand.
 */
export function slashUsage(text: string, commands: readonly Command[]): string {
  const words = text.trim().split(/\s+/);
  const command = leadingCommand(commands, words);
  if (!command) return text;
  const rest = words.slice(command.name.split(' ').length);
  const head = `/${topLevelName(command)} ${subcommandName(command)}`;
  if (rest.length === 0) return head;
  const placeholders = rest.every((token) => /^[<[][^\]>]+[\]>]$/.test(token));
  if (placeholders && rest.length === command.args.length) {
    return [head, ...command.args.map((arg, i) => `${arg.name}:${rest[i]}`)].join(' ');
  }
  const [only] = command.args;
  if (only && command.args.length === 1) return `${head} ${only.name}:${rest.join(' ')}`;
  return text;
}
