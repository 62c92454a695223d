import type { RespondFn, webApi } from '@slack/bolt';
import type { KeptPages } from './kept-pages.ts';
import { type Answer, messageFor, type SlackMessage } from './pages.ts';

/** Where an answer goes: privately through the interaction's response_url, or posted in a conversation. */
type Destination =
  | { kind: 'private'; respond: RespondFn }
  | { kind: 'conversation'; client: webApi.WebClient; channel: string; threadTs?: string };

/** Sends one message: long answers go one page at a time, with a More button for the next. */
export async function deliver(destination: Destination, message: SlackMessage): Promise<void> {
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
  kept: KeptPages,
): Promise<void> {
  if (answer.reply.kind !== 'answer' || answer.reply.confirm !== undefined) {
    await deliver(asker, messageFor(answer, page, 'ephemeral', kept));
    return;
  }
  try {
    await deliver(conversation, messageFor(answer, page, 'public', kept));
  } catch (error) {
    if (!cannotPostHere(error)) throw error;
    await asker.respond({ response_type: 'ephemeral', replace_original: false, text: CANNOT_POST_TEXT });
    if (options.answerPrivatelyIfRefused) await deliver(asker, messageFor(answer, page, 'ephemeral', kept));
  }
}
