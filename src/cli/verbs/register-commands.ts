import { commands } from '../../../commands/index.ts';
import { ConfigError, readPlatformConfig } from '../../config.ts';
import { type CliArgs, EXIT } from '../options.ts';

/** `twinbot register-commands [--guild ID]`: the Discord slash commands, in one server or globally. */
export async function registerCommands({ values }: CliArgs): Promise<number> {
  const { discord } = readPlatformConfig(process.env);
  if (!discord) {
    throw new ConfigError(
      'register-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see the README, Discord).',
    );
  }
  // Loaded here only: discord.js is slow to load and no other command needs it.
  const { registerCommands: register } = await import('../../adapters/discord/register-commands.ts');
  const registered = await register(discord, commands, values.guild);
  process.stdout.write(`Registered ${registered.commands.join(' and ')} ${registered.scope}.\n`);
  return EXIT.ok;
}
