import type { ChatInputCommandInteraction } from 'discord.js';
import type { ArgSpec } from '../../core/command.ts';
import { problem } from '../../core/reply.ts';
import { sendAnswer } from './answer.ts';
import { interactionCaller } from './caller.ts';
import { findSlashCommand, SHARE_OPTION } from './command-json.ts';
import type { DiscordContext } from './context.ts';

/** `/twin <subcommand> ...` and `/twin-staff ...`: options become the invocation's arguments. */
export async function answerSlashCommand(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordContext,
): Promise<void> {
  const share = interaction.options.getBoolean(SHARE_OPTION) ?? false;
  const command = findSlashCommand(
    ctx.dispatcher.commands,
    interaction.commandName,
    interaction.options.getSubcommand(false),
  );
  if (!command) {
    const stale = problem(
      'This command is not one I know any more. Ask a server admin to run `twinbot register-commands` to update the list.',
    );
    return sendAnswer(interaction, Promise.resolve(stale), false, ctx);
  }
  const args: Record<string, string> = {};
  for (const arg of command.args) {
    const value = optionText(interaction, arg);
    if (value !== undefined) args[arg.name] = value;
  }
  const caller = interactionCaller(interaction);
  return sendAnswer(interaction, ctx.dispatcher.run({ command: command.name, args }, caller), share, ctx);
}

/** An option as the text grammar would have it: a picked member or role becomes its mention. */
function optionText(interaction: ChatInputCommandInteraction, arg: ArgSpec): string | undefined {
  if (arg.kind === 'staff-id') {
    const picked = interaction.options.get(arg.name);
    if (picked?.value === undefined) return undefined;
    return picked.role ? `<@&${String(picked.value)}>` : `<@${String(picked.value)}>`;
  }
  return interaction.options.getString(arg.name) ?? undefined;
}
