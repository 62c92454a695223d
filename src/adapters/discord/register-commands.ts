import { DiscordAPIError, REST, Routes } from 'discord.js';
import { ConfigError, type DiscordConfig } from '../../config.ts';
import type { Command } from '../../core/command.ts';
import { slashCommands } from './command-json.ts';

export interface Registered {
  /** Each top-level command and how many subcommands it holds. */
  commands: { name: string; subcommands: number }[];
  /** The server they were registered in; absent when registered globally. */
  guildId?: string;
}

/**
 * Registers the generated slash commands with one bulk overwrite, in one server (shown at once; good
 * for trying things out) or globally. Commands no longer in the registry disappear with it.
 */
export async function registerCommands(
  config: DiscordConfig,
  commands: readonly Command[],
  guildId?: string,
): Promise<Registered> {
  if (guildId !== undefined && !/^\d{1,20}$/.test(guildId)) {
    throw new ConfigError(
      `--guild must be a server id (a number; Developer Mode > right-click the server > Copy Server ID), not "${guildId}"`,
    );
  }
  const body = slashCommands(commands);
  const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
  const route =
    guildId === undefined
      ? Routes.applicationCommands(config.applicationId)
      : Routes.applicationGuildCommands(config.applicationId, guildId);
  try {
    await rest.put(route, { body });
  } catch (error) {
    throw new ConfigError(refusal(error));
  }
  return {
    commands: body.map((c) => ({ name: c.name, subcommands: c.options?.length ?? 0 })),
    ...(guildId !== undefined && { guildId }),
  };
}

function refusal(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401)
      return 'Discord refused DISCORD_TOKEN (401): copy the bot token again from the Developer Portal.';
    if (error.status === 403 || error.code === 50001) {
      return 'Discord refused access (403): check DISCORD_APPLICATION_ID, and that the bot was invited to that server with the applications.commands scope.';
    }
    return `Discord refused the commands (${error.status}, code ${error.code}): ${error.message}`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `Could not reach Discord: ${error instanceof Error ? error.message : String(error)}${cause}`;
}
