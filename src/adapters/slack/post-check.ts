import { webApi } from '@slack/bolt';
import type { PostCheck } from '../../core/caller.ts';

const INVITE = { key: 'remind.check.inviteFix' };
const NOT_MEMBER = { key: 'remind.check.notMember' };
const TRY_AGAIN = { key: 'remind.check.tryAgain' };

/** The bot scopes `conversations.info` needs, one per kind of conversation (see manifest.json). */
const READ_SCOPES = 'channels:read, groups:read, im:read, mpim:read';

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
        why: { key: 'remind.check.archived' },
        fix: { key: 'remind.check.archivedFix' },
      };
    }
    // A direct message the bot can see at all is one of its own.
    if (info?.is_member || info?.is_im) return { canPost: true };
    return { canPost: false, why: NOT_MEMBER, fix: INVITE };
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
        why: { key: 'remind.check.othersDm' },
        fix: { key: 'remind.check.othersDmFix' },
      };
    }
    if (data.error === 'channel_not_found') return { canPost: false, why: NOT_MEMBER, fix: INVITE };
    if (data.error === 'missing_scope') {
      return {
        canPost: 'unknown',
        why: { key: 'remind.check.missingScope' },
        fix: { key: 'remind.check.missingScopeFix', values: { scopes: READ_SCOPES } },
      };
    }
    return {
      canPost: 'unknown',
      why: { key: 'remind.check.slackAnswered', values: { error: String(data.error) } },
      fix: TRY_AGAIN,
    };
  }
  return { canPost: 'unknown', why: { key: 'remind.check.slackUnreachable' }, fix: TRY_AGAIN };
}
