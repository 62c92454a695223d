import type { ArgSpec, Command } from '../core/command.ts';
import type { Translator } from './translator.ts';

/**
 * A command's words live in the catalogs under its name, so each language says them its own way
 * while the declaration in commands/ stays the one source of names, kinds and choices:
 * `command.<name>.summary`, `command.<name>.arg.<arg>`, `command.<name>.choice.<arg>.<value>`, and
 * the names Discord's command picker shows, `command.<name>.slashName` and `command.<name>.argName.<arg>`
 * (English: the canonical name, which is what interactions and the text grammar carry).
 * Two-word names take a hyphen (`city set` -> `command.city-set.summary`).
 */
const base = (commandName: string) => `command.${commandName.replace(/\s+/g, '-')}`;

/** "List the commands, or explain one"; "Die Befehle auflisten oder einen davon erklären". */
export function commandSummary(tr: Translator, command: Command): string {
  return tr.t(`${base(command.name)}.summary`);
}

/** What an argument is, as a phrase that can stand alone: "a city", "its partner city". */
export function argDescription(tr: Translator, arg: ArgSpec): string {
  return tr.t(`${base(arg.command)}.arg.${arg.name}`);
}

/** How a choice reads in a menu: `council_rejection` is "council rejection", "Ablehnung durch den Stadtrat". */
export function choiceName(tr: Translator, arg: ArgSpec, value: string): string {
  return tr.t(`${base(arg.command)}.choice.${arg.name}.${value}`);
}

/** The subcommand's name in Discord's picker: `partners` is "partnerstädte", "jumelages". */
export function slashName(tr: Translator, command: Command): string {
  return tr.t(`${base(command.name)}.slashName`);
}

/** An option's name in Discord's picker: `with` is "partnerstadt", "ville-jumelle". */
export function argSlashName(tr: Translator, arg: ArgSpec): string {
  return tr.t(`${base(arg.command)}.argName.${arg.name}`);
}

/** Every catalog key a command's declaration needs. */
export function commandTextKeys(command: Command): string[] {
  return [
    `${base(command.name)}.summary`,
    `${base(command.name)}.slashName`,
    ...command.args.flatMap((arg) => [
      `${base(arg.command)}.arg.${arg.name}`,
      `${base(arg.command)}.argName.${arg.name}`,
      ...(arg.choices ?? []).map((value) => `${base(arg.command)}.choice.${arg.name}.${value}`),
    ]),
  ];
}
