import type { ChatInputCommandInteraction } from 'discord.js';
import { problem } from '../../core/reply.ts';
import { sendAnswer } from './answer.ts';
import { interactionCaller } from './caller.ts';
import { findSlashCommand } from './command-json.ts';
import type { DiscordContext } from './context.ts';
import { commandArguments, readSubcommand } from './options.ts';

/**
 * `/twin <subcommand> ...` and `/twin-staff ...`: options become the invocation's arguments. They are
 * read with a schema first, since discord.js passes on values of any type.
 */
export async function answerSlashCommand(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordContext,
): Promise<void> {
  const input = readSubcommand(interaction.options.data);
  const command =
    input && findSlashCommand(ctx.dispatcher.commands, interaction.commandName, input.subcommand);
  if (!input || !command) {
    const stale = problem(
      'This command is not one I know any more. Ask a server admin to run `twinbot register-commands` to update the list.',
    );
    return sendAnswer(interaction, Promise.resolve(stale), false, ctx);
  }
  const parsed = commandArguments(command, input.options);
  if (!parsed.ok) return sendAnswer(interaction, Promise.resolve(problem(parsed.message)), false, ctx);
  const caller = interactionCaller(interaction);
  const pending = ctx.dispatcher.run({ command: command.name, args: parsed.args }, caller);
  return sendAnswer(interaction, pending, parsed.share, ctx);
}
