import { type APIEmbed, DiscordAPIError, type REST, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import type { Delivery, DeliveryResult } from '../../reminders/delivery.ts';
import type { GuildLocales } from './guild-locales.ts';

/** Discord's answers that mean the channel is gone for the bot: disable the target, don't retry. */
const GONE = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

/**
 * Posts reminders into `discord:<guild>:<channel>` targets, one message per rendered page, with no
 * mention allowed; in the server's own language unless staff chose another. discord.js waits out rate limits itself; other failures are retried on a later tick.
 */
export function discordReminderDelivery(
  rest: REST,
  render: (reply: Reply) => APIEmbed[],
  guildLocales: GuildLocales,
): Delivery {
  return {
    placeLang: (targetId) => guildLocales.of(targetId.split(':')[1] ?? ''),
    deliver: async (targetId, message): Promise<DeliveryResult> => {
      const channelId = targetId.split(':')[2];
      if (channelId === undefined)
        return { ok: false, reason: 'gone', detail: `not a Discord channel: ${targetId}` };
      try {
        for (const embed of render(message)) {
          await rest.post(Routes.channelMessages(channelId), {
            body: { embeds: [embed], allowed_mentions: { parse: [] } },
          });
        }
        return { ok: true };
      } catch (error) {
        if (error instanceof DiscordAPIError && typeof error.code === 'number' && GONE.has(error.code)) {
          return { ok: false, reason: 'gone', detail: `Discord ${error.code}: ${error.message}` };
        }
        return {
          ok: false,
          reason: 'failed',
          detail: error instanceof Error ? error.message : String(error),
        };
      }
    },
  };
}
