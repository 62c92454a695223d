import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { ArgSpec, Command } from '../../core/command.ts';
import { capitalize } from '../../core/describe.ts';
import { DISCORD_LIMITS as LIMITS } from '../../render/discord-limits.ts';

/** Everyone's commands are subcommands of `/twin`; staff commands of `/twin-staff`. */
export const PUBLIC_COMMAND = 'twin';
export const STAFF_COMMAND = 'twin-staff';
export const SHARE_OPTION = 'share';

/** Lowercase, as Discord requires for chat command and option names. */
const NAME_PATTERN = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

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
      description: 'Partner cities, anniversaries and the status of twinning agreements',
      options: subcommands(everyone),
    });
  }
  if (staff.length > 0) {
    result.push({
      type: ApplicationCommandType.ChatInput,
      name: STAFF_COMMAND,
      description: 'Office staff: change the twinning bot’s settings',
      options: subcommands(staff),
      default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
      // Roles, and so the staff check, exist only in servers.
      contexts: [InteractionContextType.Guild],
    });
  }
  return result;
}

function subcommands(commands: readonly Command[]): APIApplicationCommandSubcommandOption[] {
  if (commands.length > LIMITS.optionsPerCommand) {
    throw new Error(
      `Discord allows ${LIMITS.optionsPerCommand} subcommands per command, not ${commands.length}`,
    );
  }
  return commands.map((command) => {
    const options = [...command.args]
      // Discord requires required options before optional ones.
      .sort((a, b) => Number(b.required) - Number(a.required))
      .map(option);
    options.push({
      type: ApplicationCommandOptionType.Boolean,
      name: SHARE_OPTION,
      description: 'Post the answer for everyone in the channel (by default only you see it)',
      required: false,
    });
    if (options.length > LIMITS.optionsPerCommand) {
      throw new Error(`"${command.name}" has more options than Discord allows (${LIMITS.optionsPerCommand})`);
    }
    return {
      type: ApplicationCommandOptionType.Subcommand,
      name: checkedName(subcommandName(command)),
      description: description(command.summary),
      options,
    };
  });
}

function option(arg: ArgSpec): APIApplicationCommandBasicOption {
  if (arg.name === SHARE_OPTION) throw new Error(`"${SHARE_OPTION}" is reserved for the share option`);
  const common = {
    name: checkedName(arg.name),
    description: description(arg.description),
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
      choices: choices.map((value) => ({ name: value.replace(/_/g, ' '), value })),
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

/** Registry names are ours: one Discord refuses is a programming error, reported before any request. */
function checkedName(name: string): string {
  if (!NAME_PATTERN.test(name)) {
    throw new Error(
      `"${name}" cannot be a Discord command or option name (1-32 lowercase letters, digits, - or _)`,
    );
  }
  return name;
}

/**
 * Descriptions are capitalized and shortened at a word to Discord's 100 characters; the whole
 * summary stays available in `/twin help`.
 */
function description(text: string): string {
  const capitalized = capitalize(text);
  if (capitalized.length <= LIMITS.commandDescription) return capitalized;
  const cut = capitalized.lastIndexOf(' ', LIMITS.commandDescription - 1);
  return `${capitalized.slice(0, cut > 0 ? cut : LIMITS.commandDescription - 1)}…`;
}
