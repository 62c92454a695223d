import { type Interaction, MessageFlags } from 'discord.js';
import * as z from 'zod';
import { problem } from '../../core/reply.ts';
import { DISCORD_LIMITS } from '../../render/discord-limits.ts';
import { clip } from '../../render/plain.ts';
import { completeOption } from './autocomplete.ts';
import { turnPage } from './buttons.ts';
import { isConfirmButton, pressConfirmButton } from './confirm-buttons.ts';
import { type DiscordContext, NO_MENTIONS } from './context.ts';
import { answerSlashCommand } from './slash-command.ts';
import { isSuggestionButton, runSuggestion } from './suggestions.ts';

/**
 * Answers one interaction. Whatever goes wrong stays with it: the failure is logged and, when
 * Discord still waits for an answer, the user is told, rather than left with "The application did
 * not respond".
 */
export async function answerInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  try {
    await route(interaction, ctx);
  } catch (error) {
    ctx.log.error(`discord: interaction failed: ${messageOf(error)}`);
    await answerFailure(interaction, ctx).catch((again: unknown) =>
      ctx.log.error(`discord: could not tell the user either: ${messageOf(again)}`),
    );
  }
}

/** A custom_id as Discord allows one; discord.js passes on whatever the payload held. */
const CustomIdSchema = z.string().min(1).max(DISCORD_LIMITS.customId);

async function route(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  if (interaction.isChatInputCommand()) return answerSlashCommand(interaction, ctx);
  if (interaction.isAutocomplete()) return completeOption(interaction, ctx.dispatcher);
  if (interaction.isButton() && CustomIdSchema.safeParse(interaction.customId).success) {
    if (isSuggestionButton(interaction.customId)) return runSuggestion(interaction, ctx);
    if (isConfirmButton(interaction.customId)) return pressConfirmButton(interaction, ctx);
    return turnPage(interaction, ctx);
  }
  // Menus, forms, context-menu commands and unreadable buttons: the bot never offers any.
  if (interaction.isRepliable()) {
    await interaction.reply({
      embeds: ctx.render(problem('I have nothing to answer to this. `/twin help` lists what I can do.')),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  }
}

async function answerFailure(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable() || interaction.replied) return;
  const embeds = ctx.render(problem('Something went wrong on our side. Please try again later.'));
  if (interaction.deferred) await interaction.editReply({ embeds, allowedMentions: NO_MENTIONS });
  else await interaction.reply({ embeds, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

/** The longest error message a log line takes: discord.js puts payload values into its messages. */
const LOGGED_MESSAGE_MAX = 300;

/** An error's message on one line of bounded length, whatever the payload that caused it held. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? `${error.message}` : String(error);
  return clip(text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' '), LOGGED_MESSAGE_MAX);
}
