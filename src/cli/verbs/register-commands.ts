import { commands } from '../../../commands/index.ts';
import { ConfigError, readPlatformConfig } from '../../config.ts';
import { formatList, translator } from '../../i18n/translator.ts';
import { cliLang } from '../lang.ts';
import { type CliArgs, EXIT } from '../options.ts';

/** `twinbot register-commands [--guild ID]`: the Discord slash commands, in one server or globally. */
export async function registerCommands({ values }: CliArgs): Promise<number> {
  // What it says on success is in the operator's language (`--lang`, else the shell's).
  const tr = translator(cliLang(values.lang, process.env));
  const { discord } = readPlatformConfig(process.env);
  if (!discord) {
    throw new ConfigError(
      'register-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see the README, Discord).',
    );
  }
  // Loaded here only: discord.js is slow to load and no other command needs it.
  const { registerCommands: register } = await import('../../adapters/discord/register-commands.ts');
  const registered = await register(discord, commands, values.guild);
  const names = registered.commands.map(({ name, subcommands }) =>
    tr.t('register.subcommands', { name, count: subcommands }),
  );
  const commandList = formatList(names, tr.lang);
  const line =
    registered.guildId === undefined
      ? tr.t('register.global', { commands: commandList })
      : tr.t('register.server', { commands: commandList, guild: registered.guildId });
  process.stdout.write(`${line}\n`);
  return EXIT.ok;
}
