import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type ButtonInteraction,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import { translator } from '../../i18n/translator.ts';
import { within } from '../within.ts';
import { failSafe, firstPage } from './answer.ts';
import { interactionCaller } from './caller.ts';
import { type DiscordContext, NO_MENTIONS } from './context.ts';

/** `twin:confirm:<token>` / `twin:cancel:<token>`: the token names the pending change, so nothing else is kept. */
const CUSTOM_ID = /^twin:(confirm|cancel):([\w-]{1,80})$/;

/**
 * "Confirm" and "Cancel" under a destructive change that waits for the asker. Unlike the suggestion
 * buttons these do run staff commands: the dispatcher checks again that the presser is staff and is
 * the person who asked.
 */
export function confirmRow(reply: Reply): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  if (!reply.confirm) return [];
  const { token } = reply.confirm;
  const { t } = translator(reply.lang ?? 'en');
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Danger,
          label: t('ui.confirm'),
          custom_id: `twin:confirm:${token}`,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: t('ui.cancel'),
          custom_id: `twin:cancel:${token}`,
        },
      ],
    },
  ];
}

export function isConfirmButton(customId: string): boolean {
  return CUSTOM_ID.test(customId);
}

/**
 * Runs (or forgets) the pending change for whoever pressed. The outcome replaces the question in
 * place, so its buttons are gone. A refusal (someone else pressed, the token is spent by a double
 * click, or the change cannot be made) goes privately to the presser and leaves the message as it
 * is, so a result already shown there is never overwritten. A slow write is deferred first to meet
 * Discord's 3 s deadline.
 */
export async function pressConfirmButton(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const [, action, token = ''] = CUSTOM_ID.exec(interaction.customId) ?? [];
  const caller = interactionCaller(interaction);
  const pending = failSafe(
    action === 'confirm'
      ? ctx.dispatcher.confirm(token, caller)
      : Promise.resolve(ctx.dispatcher.cancel(token, caller)),
    ctx,
  );
  const early = await within(pending, ctx.deferAfterMs);
  if (early === undefined) await interaction.deferUpdate();
  const reply = early ?? (await pending);
  const message = { ...firstPage(reply, interaction.id, ctx), allowedMentions: NO_MENTIONS };
  if (reply.kind === 'error') {
    const privately = { ...message, flags: MessageFlags.Ephemeral } as const;
    await (interaction.deferred ? interaction.followUp(privately) : interaction.reply(privately));
  } else {
    await (interaction.deferred ? interaction.editReply(message) : interaction.update(message));
  }
}
