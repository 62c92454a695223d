import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { problem } from '../../core/reply.ts';
import { translator } from '../../i18n/translator.ts';
import { interactionCaller } from './caller.ts';
import { type DiscordContext, NO_MENTIONS } from './context.ts';
import { pageMessage, parsePageButtonId } from './paging.ts';

/** "Previous"/"Next": the message is updated in place with the other page. */
export async function turnPage(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
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
    ...pageMessage(kept.pages, target.key, target.index, kept.rows, kept.lang),
    allowedMentions: NO_MENTIONS,
  });
}
