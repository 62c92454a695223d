import type { types, webApi } from '@slack/bolt';
import { deliver } from './deliver.ts';
import { readQuestion } from './incoming.ts';
import { type ListenerDeps, slackCaller } from './listeners.ts';
import { answerQuestion, messageFor } from './pages.ts';
import { withPicture } from './picture.ts';
import type { ConversationArgs, Handler, Router } from './router.ts';

interface Asked {
  client: webApi.WebClient;
  channel: string;
  /** The thread to answer in; none for a message at the top of a DM. */
  threadTs: string | undefined;
  userId: string;
  teamId: string | undefined;
  text: string;
}

/** `@twinbot partners Kitakami` in a channel, and direct messages: the same grammar, answered in place. */
export function listenForConversations(router: Router, deps: ListenerDeps): void {
  const answer: Handler<ConversationArgs> = async ({ event, context, client }) => {
    const asked =
      event.type === 'app_mention' ? mentioned(event) : directMessage(event as types.MessageEvent);
    // The bot's own messages (ignoreSelf is off in app.ts): answering them could answer forever.
    if (asked === undefined || asked.userId === context.botUserId) return;
    await answerInConversation(deps, {
      client,
      ...asked,
      teamId: context.teamId,
      text: readQuestion(asked.text, context.botUserId).text,
    });
  };
  router.event('app_mention', answer);
  router.event('message', answer);
}

type Where = Omit<Asked, 'client' | 'teamId'>;

function mentioned(event: types.AppMentionEvent): Where | undefined {
  // Direct messages are answered as messages below; answering the mention too would answer twice.
  if (event.user === undefined || event.channel.startsWith('D')) return undefined;
  // A mention at the top of a channel is answered in a thread under it, keeping the channel quiet.
  return {
    channel: event.channel,
    threadTs: event.thread_ts ?? event.ts,
    userId: event.user,
    text: event.text,
  };
}

function directMessage(message: types.MessageEvent): Where | undefined {
  // Only what a person typed in a DM: not edits, joins or other bots' messages.
  if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined)
    return undefined;
  return {
    channel: message.channel,
    threadTs: message.thread_ts,
    userId: message.user,
    text: message.text ?? '',
  };
}

async function answerInConversation(
  { dispatcher, afterAck, kept, locales, draw, log }: ListenerDeps,
  asked: Asked,
): Promise<void> {
  const destination = {
    kind: 'conversation' as const,
    client: asked.client,
    channel: asked.channel,
    ...(asked.threadTs !== undefined && { threadTs: asked.threadTs }),
  };
  await afterAck.run(
    'answering a message',
    async () => {
      const caller = slackCaller(asked.userId, asked.teamId, asked.channel, asked.client, locales);
      const answered = await answerQuestion(dispatcher, asked.text, caller);
      const answer = await withPicture(answered, asked.client, draw, log);
      await deliver(destination, messageFor(answer, 0, 'public', kept));
    },
    (text) =>
      asked.client.chat.postMessage({
        channel: asked.channel,
        ...(asked.threadTs !== undefined && { thread_ts: asked.threadTs }),
        text,
      }),
  );
}
