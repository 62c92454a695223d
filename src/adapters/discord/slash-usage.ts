import { Temporal } from 'temporal-polyfill';
import type { ArgSpec, Command } from '../../core/command.ts';
import { leadingCommand } from '../../core/parse-command.ts';
import { parseWindow } from '../../core/window.ts';
import { argSlashName, slashName } from '../../i18n/command-text.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translator } from '../../i18n/translator.ts';
import { topLevelName } from './command-json.ts';

/**
 * Shows a command from an answer (`partners prague-cz`, `agreement <city> <with>`) as the slash
 * command a Discord user types: `/twin partners city:prague-cz`, with the subcommand and option
 * names the reader's command picker shows (`/twin partnerstädte stadt:prague-cz` in German). Keyword
 * arguments become their options (`partners Buffalo in PL` -> `city:Buffalo country:PL`). Text that
 * cannot be mapped onto the options without guessing (two city names in a row) stays in the text
 * grammar, which mentions of the bot also understand.
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
  if (placeholders) {
    const named = rest.map((token) => command.args.find((arg) => arg.name === token.slice(1, -1)));
    const byPosition = rest.length === command.args.length ? command.args : undefined;
    const args = named.every((arg) => arg !== undefined) ? named : byPosition;
    if (args) return [head, ...args.map((arg, i) => `${argSlashName(tr, arg)}:${rest[i]}`)].join(' ');
  }
  const options = optionsOf(command, rest);
  if (!options) return text;
  return [head, ...options.map(([arg, value]) => `${argSlashName(tr, arg)}:${value}`)].join(' ');
}

/**
 * The options typed words fill: keyword sections first (`in PL`), then what is left goes to the one
 * positional argument, or to a trailing period (`anniversaries 2027`); undefined when that would guess.
 */
function optionsOf(command: Command, words: readonly string[]): [ArgSpec, string][] | undefined {
  const keywordAt = words.findIndex((word, i) => i > 0 && command.args.some((arg) => arg.keyword === word));
  const positionalWords = keywordAt === -1 ? words : words.slice(0, keywordAt);
  const keyworded: [ArgSpec, string][] = [];
  let open: { arg: ArgSpec; words: string[] } | undefined;
  for (const word of keywordAt === -1 ? [] : words.slice(keywordAt)) {
    const arg = command.args.find((a) => a.keyword === word);
    if (arg) {
      if (open) keyworded.push([open.arg, open.words.join(' ')]);
      open = { arg, words: [] };
    } else open?.words.push(word);
  }
  if (open) keyworded.push([open.arg, open.words.join(' ')]);
  const positional = command.args.filter((arg) => arg.keyword === undefined);
  const text = positionalWords.join(' ');
  if (text === '') return keyworded;
  const [only] = positional;
  if (only && positional.length === 1) return [[only, text], ...keyworded];
  const last = positional.at(-1);
  if (last?.kind === 'window' && parseWindow(text, SOME_DAY).ok) return [[last, text], ...keyworded];
  return undefined;
}

/** Any day will do to tell whether words read as a period. */
const SOME_DAY = Temporal.PlainDate.from('2000-01-01');
