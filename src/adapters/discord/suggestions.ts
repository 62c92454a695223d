import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type ButtonInteraction,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import type { Dispatcher } from '../../core/dispatcher.ts';
import { problem, type Reply } from '../../core/reply.ts';
import { translator } from '../../i18n/translator.ts';
import { clip } from '../../render/plain.ts';
import { failSafe, firstPage } from './answer.ts';
import { interactionCaller } from './caller.ts';
import { type DiscordContext, NO_MENTIONS } from './context.ts';

const PREFIX = 'twin:run:';
/** Discord's limits: a custom_id of 100 characters, a button label of 80. */
const CUSTOM_ID_MAX = 100;
const LABEL_MAX = 80;
/** Buttons for at most this many suggested commands, so the answer stays the main thing. */
const SUGGESTION_BUTTONS = 3;

/**
 * "Did you mean ...?": a button for each suggested command that fits in a custom_id (the command
 * itself, so nothing needs to be kept). Never for a staff command: a button must not cause a write.
 */
export function suggestionRow(
  reply: Reply,
  dispatcher: Dispatcher,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const { t } = translator(reply.lang ?? 'en');
  const buttons = (reply.suggestions ?? [])
    .filter(
      (text) => `${PREFIX}${text}`.length <= CUSTOM_ID_MAX && dispatcher.forAnyone(dispatcher.read(text)),
    )
    .slice(0, SUGGESTION_BUTTONS)
    .map(
      (text): APIButtonComponentWithCustomId => ({
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: clip(t('ui.run', { command: text }), LABEL_MAX),
        custom_id: `${PREFIX}${text}`,
      }),
    );
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/** A refusal in the presser's language, marked so its renderer reads it so. */
function refusal(text: string, caller: { lang?: Reply['lang'] }): Reply {
  return { ...problem(text), ...(caller.lang && { lang: caller.lang }) };
}

export function isSuggestionButton(customId: string): boolean {
  return customId.startsWith(PREFIX);
}

/**
 * Runs the suggested command for whoever pressed the button, answering them privately. The text is
 * read once, and what it reads as is what runs: only a command anyone may run, never with `--yes`.
 */
export async function runSuggestion(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const text = interaction.customId.slice(PREFIX.length);
  const caller = interactionCaller(interaction);
  const invocation = ctx.dispatcher.forAnyone(ctx.dispatcher.read(text));
  const reply = invocation
    ? await failSafe(ctx.dispatcher.run(invocation, caller), ctx)
    : refusal(translator(caller.lang ?? 'en').t('ui.cannotRun'), caller);
  await interaction.reply({
    ...firstPage(reply, interaction.id, ctx),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}
