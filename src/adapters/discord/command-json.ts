import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  Locale,
  type LocalizationMap,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { ArgSpec, Command } from '../../core/command.ts';
import { capitalize } from '../../core/describe.ts';
import {
  argDescription,
  argSlashName,
  choiceName,
  commandSummary,
  slashName,
} from '../../i18n/command-text.ts';
import { LANGS, type Lang } from '../../i18n/languages.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { DISCORD_LIMITS as LIMITS } from '../../render/discord-limits.ts';

/** Everyone's commands are subcommands of `/twin`; staff commands of `/twin-staff`. */
export const PUBLIC_COMMAND = 'twin';
export const STAFF_COMMAND = 'twin-staff';
export const SHARE_OPTION = 'share';

/** Discord's rule for chat command and option names; letters that have a case must be lower case. */
const NAME_PATTERN = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** The top-level command a registry command is a subcommand of. */
export function topLevelName(command: Command): string {
  return command.permission === 'staff' ? STAFF_COMMAND : PUBLIC_COMMAND;
}

/** The registry command a slash command names, if it is one of ours under the right top level. */
export function findSlashCommand(
  commands: readonly Command[],
  topLevel: string,
  subcommand: string | null,
): Command | undefined {
  return commands.find((c) => subcommandName(c) === subcommand && topLevelName(c) === topLevel);
}

/** Two-word commands (`city set`) become one Discord name (`city-set`). */
export function subcommandName(command: Command): string {
  return command.name.replace(/\s+/g, '-');
}

/**
 * The application commands, generated from the registry so nothing is declared twice. Discord sets
 * `default_member_permissions` per top-level command, not per subcommand, so staff commands get a
 * top-level command of their own, shown by default only to members who can Manage Server. The
 * dispatcher still checks the store's staff list, since server admins can change who sees it.
 */
export function slashCommands(
  commands: readonly Command[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const everyone = commands.filter((c) => c.permission === 'everyone');
  const staff = commands.filter((c) => c.permission === 'staff');
  const result: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [];
  if (everyone.length > 0) {
    result.push({
      type: ApplicationCommandType.ChatInput,
      name: PUBLIC_COMMAND,
      ...described((tr) => tr.t('slash.public')),
      options: subcommands(everyone),
    });
  }
  if (staff.length > 0) {
    result.push({
      type: ApplicationCommandType.ChatInput,
      name: STAFF_COMMAND,
      ...described((tr) => tr.t('slash.staff')),
      options: subcommands(staff),
      default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
      // Roles, and so the staff check, exist only in servers.
      contexts: [InteractionContextType.Guild],
    });
  }
  for (const command of result) {
    const total = characters(command);
    if (total > LIMITS.commandTotalChars) {
      throw new Error(
        `/${command.name} counts ${total} characters, more than Discord's ${LIMITS.commandTotalChars} per command`,
      );
    }
  }
  return result;
}

/** A command, option or choice, as far as Discord's character total is concerned. */
interface Counted {
  name: string;
  name_localizations?: LocalizationMap | null;
  description?: string;
  description_localizations?: LocalizationMap | null;
  value?: unknown;
  choices?: readonly Counted[];
  options?: readonly Counted[];
}

/**
 * Discord's total for a command: every name, description and choice value in it, each counted in
 * its longest localization (English included).
 */
function characters(node: Counted): number {
  const longest = (text: string, localizations?: LocalizationMap | null) =>
    Math.max(text.length, ...Object.values(localizations ?? {}).map((t) => t?.length ?? 0));
  return (
    longest(node.name, node.name_localizations) +
    longest(node.description ?? '', node.description_localizations) +
    (typeof node.value === 'string' ? node.value.length : 0) +
    [...(node.choices ?? []), ...(node.options ?? [])].reduce((sum, child) => sum + characters(child), 0)
  );
}

function subcommands(commands: readonly Command[]): APIApplicationCommandSubcommandOption[] {
  if (commands.length > LIMITS.optionsPerCommand) {
    throw new Error(
      `Discord allows ${LIMITS.optionsPerCommand} subcommands per command, not ${commands.length}`,
    );
  }
  const result = commands.map((command): APIApplicationCommandSubcommandOption => {
    const options = [...command.args]
      // Discord requires required options before optional ones.
      .sort((a, b) => Number(b.required) - Number(a.required))
      .map(option);
    options.push({
      type: ApplicationCommandOptionType.Boolean,
      ...named(SHARE_OPTION, (tr) => tr.t('slash.shareName')),
      ...described((tr) => tr.t('slash.share')),
      required: false,
    });
    if (options.length > LIMITS.optionsPerCommand) {
      throw new Error(`"${command.name}" has more options than Discord allows (${LIMITS.optionsPerCommand})`);
    }
    checkUnique(options, `the options of "${command.name}"`);
    return {
      type: ApplicationCommandOptionType.Subcommand,
      ...named(subcommandName(command), (tr) => slashName(tr, command)),
      ...described((tr) => commandSummary(tr, command)),
      options,
    };
  });
  checkUnique(result, 'the subcommands of one command');
  return result;
}

/** Discord refuses a command whose options (or subcommands) share a name in any one locale. */
function checkUnique(nodes: readonly Counted[], scope: string): void {
  const locales = new Set(nodes.flatMap((node) => Object.keys(node.name_localizations ?? {})));
  for (const locale of [undefined, ...locales]) {
    const names = nodes.map((node) => (locale && node.name_localizations?.[locale as Locale]) || node.name);
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice) throw new Error(`"${twice}" names two of ${scope} in ${locale ?? 'English'}`);
  }
}

function option(arg: ArgSpec): APIApplicationCommandBasicOption {
  if (arg.name === SHARE_OPTION) throw new Error(`"${SHARE_OPTION}" is reserved for the share option`);
  const common = {
    ...named(arg.name, (tr) => argSlashName(tr, arg)),
    ...described((tr) => argDescription(tr, arg)),
    required: arg.required,
  };
  if (arg.kind === 'staff-id') return { ...common, type: ApplicationCommandOptionType.Mentionable };
  if (arg.kind === 'choice') {
    const choices = arg.choices ?? [];
    if (choices.length > LIMITS.choicesPerOption)
      throw new Error(`"${arg.name}" has more choices than Discord allows (${LIMITS.choicesPerOption})`);
    return {
      ...common,
      type: ApplicationCommandOptionType.String,
      choices: choices.map((value) => {
        const { description: name, description_localizations: name_localizations } = described((tr) =>
          choiceName(tr, arg, value),
        );
        return { name, name_localizations, value };
      }),
    };
  }
  return {
    ...common,
    type: ApplicationCommandOptionType.String,
    // City choices are stable ids from the name index, so an ambiguous name never reaches a handler;
    // a new city for `add` can still be typed as "Name, CC".
    ...((arg.kind === 'city' || arg.kind === 'place') && { autocomplete: true }),
  };
}

/**
 * Registry names and their catalog translations are ours: one Discord refuses is a programming
 * error, reported before any request.
 */
function checkedName(name: string): string {
  if (!NAME_PATTERN.test(name) || name !== name.toLowerCase()) {
    throw new Error(
      `"${name}" cannot be a Discord command or option name (1-32 lowercase letters, digits, - or _)`,
    );
  }
  return name;
}

/**
 * A subcommand's or option's name, and what each of our Discord locales shows in the command
 * picker. Interactions still carry the canonical name, so the dispatcher reads only that.
 */
function named(
  name: string,
  words: (tr: Translator) => string,
): { name: string; name_localizations: LocalizationMap } {
  checkedName(name);
  if (words(translator('en')) !== name) throw new Error(`The English catalog renames "${name}"`);
  return { name, name_localizations: localized((tr) => checkedName(words(tr))) };
}

/** The text for every Discord locale of each language we have a catalog for. */
function localized(text: (tr: Translator) => string): LocalizationMap {
  const localizations: LocalizationMap = {};
  for (const lang of LANGS) {
    if (lang === 'en') continue;
    const words = text(translator(lang));
    for (const locale of DISCORD_LOCALES[lang]) localizations[locale] = words;
  }
  return localizations;
}

/**
 * Discord's locales for each of our languages; English is the text every other locale sees. Our
 * Chinese is Simplified, so Taiwan's `zh-TW` (Traditional) keeps English rather than get it.
 */
const DISCORD_LOCALES: Readonly<Record<Exclude<Lang, 'en'>, readonly Locale[]>> = {
  de: [Locale.German],
  fr: [Locale.French],
  es: [Locale.SpanishES, Locale.SpanishLATAM],
  cs: [Locale.Czech],
  ja: [Locale.Japanese],
  'zh-Hans': [Locale.ChineseCN],
};

/** A description (or a choice's name) in English and in every locale we have a catalog for. */
function described(words: (tr: Translator) => string): {
  description: string;
  description_localizations: LocalizationMap;
} {
  return {
    description: checkedDescription(words(translator('en')), 'en'),
    description_localizations: localized((tr) => checkedDescription(words(tr), tr.lang)),
  };
}

/**
 * Capitalized as Discord shows descriptions. Our catalogs keep every description within Discord's
 * 100 characters (a test checks every language), so one that is not is a bug, reported before any
 * request rather than cut.
 */
function checkedDescription(text: string, lang: Lang): string {
  const capitalized = capitalize(text);
  if (capitalized.length > LIMITS.commandDescription) {
    throw new Error(
      `The ${lang} text "${capitalized}" is longer than Discord's ${LIMITS.commandDescription} characters`,
    );
  }
  return capitalized;
}
