import type { webApi } from '@slack/bolt';
import type { Delivery, DeliveryResult } from '../../reminders/delivery.ts';
import { renderSlack } from '../../render/slack.ts';
import { SLASH_COMMAND } from './pages.ts';

/** Slack's answers that mean the channel is gone for the bot: disable the target, don't retry. */
const GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'access_denied']);

/**
 * Posts reminders into `slack:<team>:<channel>` targets, one message per rendered page. The Web API
 * client waits out rate limits itself; other failures are retried on a later tick.
 */
export function slackReminderDelivery(client: webApi.WebClient): Delivery {
  return {
    deliver: async (targetId, message): Promise<DeliveryResult> => {
      const channel = targetId.split(':')[2];
      if (channel === undefined)
        return { ok: false, reason: 'gone', detail: `not a Slack channel: ${targetId}` };
      try {
        for (const page of renderSlack(message, { commandPrefix: `${SLASH_COMMAND} ` })) {
          await client.chat.postMessage({
            channel,
            blocks: page.blocks,
            text: page.text,
            unfurl_links: false,
            unfurl_media: false,
          });
        }
        return { ok: true };
      } catch (error) {
        const code = (error as { data?: { error?: unknown } }).data?.error;
        if (typeof code === 'string' && GONE.has(code)) return { ok: false, reason: 'gone', detail: code };
        return {
          ok: false,
          reason: 'failed',
          detail: typeof code === 'string' ? code : (error as Error).message,
        };
      }
    },
  };
}
