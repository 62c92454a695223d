import type { Command } from '../../core/command.ts';
import { leadingCommand } from '../../core/parse-command.ts';
import { argSlashName, slashName } from '../../i18n/command-text.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translator } from '../../i18n/translator.ts';
import { topLevelName } from './command-json.ts';

/**
 * Shows a command from an answer (`partners prague-cz`, `agreement <city> <with>`) as the slash
 * command a Discord user types: `/twin partners city:prague-cz`, with the subcommand and option
 * names the reader's command picker shows (`/twin partnerstädte stadt:prague-cz` in German). Text
 * that cannot be mapped onto the options without guessing (two city names in a row) stays in the
 * text grammar, which mentions of the bot also understand.
 */
export function slashUsage(text: string, commands: readonly Command[], lang: Lang = 'en'): string {
  const tr = translator(lang);
  const words = text.trim().split(/\s+/);
  const command = leadingCommand(commands, words);
  if (!command) return text;
  const rest = words.slice(command.name.split(' ').length);
  const head = `/${topLevelName(command)} ${slashName(tr, command)}`;
  if (rest.length === 0) return head;
  const placeholders = rest.every((token) => /^[<[][^\]>]+[\]>]$/.test(token));
  if (placeholders && rest.length === command.args.length) {
    return [head, ...command.args.map((arg, i) => `${argSlashName(tr, arg)}:${rest[i]}`)].join(' ');
  }
  const [only] = command.args;
  if (only && command.args.length === 1) return `${head} ${argSlashName(tr, only)}:${rest.join(' ')}`;
  return text;
}
