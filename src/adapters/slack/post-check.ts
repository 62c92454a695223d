import { webApi } from '@slack/bolt';
import type { PostCheck } from '../../core/caller.ts';

const INVITE = 'Type `/invite @twinbot` in this channel, then `/twin remind here` again.';

/** The bot scopes `conversations.info` needs, one per kind of conversation (see manifest.json). */
const READ_SCOPES = 'channels:read, groups:read, im:read and mpim:read';

/**
 * Whether the bot can post in a Slack conversation: it must be a member (with `chat:write` alone,
 * Slack refuses a post elsewhere with `not_in_channel`), and the conversation must not be archived.
 * `conversations.info` tells both without posting anything. A private channel the bot is not in is
 * `channel_not_found` to it, like a deleted one.
 */
export async function slackPostCheck(client: webApi.WebClient, channel: string): Promise<PostCheck> {
  try {
    const { channel: info } = await client.conversations.info({ channel });
    if (info?.is_archived) {
      return {
        canPost: false,
        why: 'this channel is archived',
        fix: 'Set up reminders in a channel that is not archived.',
      };
    }
    // A direct message the bot can see at all is one of its own.
    if (info?.is_member || info?.is_im) return { canPost: true };
    return { canPost: false, why: 'I am not a member of this channel', fix: INVITE };
  } catch (error) {
    return failedCheck(error, channel);
  }
}

function failedCheck(error: unknown, channel: string): PostCheck {
  if (!(error instanceof webApi.SlackError)) throw error;
  if (error.code === webApi.ErrorCode.PlatformError) {
    const { data } = error as webApi.WebAPIPlatformError;
    if (data.error === 'channel_not_found' && channel.startsWith('D')) {
      return {
        canPost: false,
        why: 'this is a direct message between people, which I am not part of',
        fix: 'Set up reminders in a channel, or in your direct messages with me.',
      };
    }
    if (data.error === 'channel_not_found')
      return { canPost: false, why: 'I am not a member of this channel', fix: INVITE };
    if (data.error === 'missing_scope') {
      return {
        canPost: 'unknown',
        why: 'Slack did not let me look: the app was installed without the scopes for it',
        fix: `A workspace admin can reinstall the app from the manifest in the README, which asks for ${READ_SCOPES}.`,
      };
    }
    return { canPost: 'unknown', why: `Slack answered ${data.error}`, fix: 'Try again in a moment.' };
  }
  return { canPost: 'unknown', why: 'Slack could not be reached', fix: 'Try again in a moment.' };
}
