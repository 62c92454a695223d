import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { problem } from '../../core/reply.ts';
import { translator } from '../../i18n/translator.ts';
import { failSafe, firstPage } from './answer.ts';
import { interactionCaller } from './caller.ts';
import { type DiscordContext, NO_MENTIONS } from './context.ts';
import { pageMessage, parsePageButtonId, parseTurnButtonId } from './paging.ts';

/** "Previous"/"Next": the message is updated in place with the other page. */
export async function turnPage(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const command = parseTurnButtonId(interaction.customId);
  if (command !== undefined) return turnToCommand(interaction, command, ctx);
  const target = parsePageButtonId(interaction.customId);
  const kept = target && ctx.pages.get(target.key);
  if (!target || !kept) {
    const lang = interactionCaller(interaction).lang;
    const gone = { ...problem(translator(lang ?? 'en').t('ui.pagesGone')), ...(lang && { lang }) };
    await interaction.reply({
      embeds: ctx.render(gone),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  await interaction.update({
    ...pageMessage(kept.pages, target.key, target.index, kept.rows, kept.lang, kept.paging),
    allowedMentions: NO_MENTIONS,
  });
}

/**
 * The neighbouring page of an answer made a page at a time: its command is run again for whoever
 * pressed (only a command anyone may run), and the message is updated in place with its first page.
 */
async function turnToCommand(
  interaction: ButtonInteraction,
  command: string,
  ctx: DiscordContext,
): Promise<void> {
  const caller = interactionCaller(interaction);
  const invocation = ctx.dispatcher.forAnyone(ctx.dispatcher.read(command));
  if (!invocation) {
    const lang = caller.lang ?? 'en';
    await interaction.reply({
      embeds: ctx.render({ ...problem(translator(lang).t('ui.cannotRun')), lang }),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  const reply = await failSafe(ctx.dispatcher.run(invocation, caller), ctx);
  await interaction.update({ ...firstPage(reply, interaction.id, ctx), allowedMentions: NO_MENTIONS });
}
