import type { RespondFn, webApi } from '@slack/bolt';
import { type Answer, messagesFor, type SlackMessage } from './pages.ts';

/** Where an answer goes: privately through the interaction's response_url, or posted in a conversation. */
type Destination =
  | { kind: 'private'; respond: RespondFn }
  | { kind: 'conversation'; client: webApi.WebClient; channel: string; threadTs?: string };

/** Sends the messages in order, so a multi-page answer reads top to bottom. */
export async function deliver(destination: Destination, messages: readonly SlackMessage[]): Promise<void> {
  for (const message of messages) {
    if (destination.kind === 'private') {
      // A new message rather than a replacement: earlier pages stay readable above the next one.
      await destination.respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } else {
      await destination.client.chat.postMessage({
        channel: destination.channel,
        ...(destination.threadTs !== undefined && { thread_ts: destination.threadTs }),
        ...message,
        // Source links would otherwise each unfold into a preview card under the answer.
        unfurl_links: false,
        unfurl_media: false,
      });
    }
  }
}

/** Slack's answers when the bot may not post in a conversation (not invited, or a DM between others). */
const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

function cannotPostHere(error: unknown): boolean {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === 'string' && CANNOT_POST_HERE.has(code);
}

const CANNOT_POST_TEXT =
  "I can't post in this conversation: invite me first (`/invite @twinbot`), then share again.";

/**
 * Posts a page for everyone in the conversation. Errors stay private: they are about how the question
 * was asked; so do requests to confirm a change, which only the asker can settle. Where the bot may
 * not post, the asker is told how to fix that, and (when they have not seen it yet) gets the answer
 * privately meanwhile.
 */
export async function sharePage(
  answer: Answer,
  page: number,
  conversation: Destination & { kind: 'conversation' },
  asker: Destination & { kind: 'private' },
  options: { answerPrivatelyIfRefused: boolean },
): Promise<void> {
  if (answer.reply.kind !== 'answer' || answer.reply.confirm !== undefined) {
    await deliver(asker, messagesFor(answer, page, 'ephemeral'));
    return;
  }
  try {
    await deliver(conversation, messagesFor(answer, page, 'public'));
  } catch (error) {
    if (!cannotPostHere(error)) throw error;
    await asker.respond({ response_type: 'ephemeral', replace_original: false, text: CANNOT_POST_TEXT });
    if (options.answerPrivatelyIfRefused) await deliver(asker, messagesFor(answer, page, 'ephemeral'));
  }
}
