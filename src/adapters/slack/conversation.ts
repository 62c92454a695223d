import type { App, webApi } from '@slack/bolt';
import { deliver } from './deliver.ts';
import { readQuestion } from './incoming.ts';
import { type ListenerDeps, slackCaller } from './listeners.ts';
import { answerQuestion, messagesFor } from './pages.ts';

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
export function listenForConversations(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, context, client }) => {
    // Direct messages are answered by the message listener below; answering here too would answer twice.
    if (event.user === undefined || event.channel.startsWith('D')) return;
    await answerInConversation(deps, {
      client,
      channel: event.channel,
      // A mention at the top of a channel is answered in a thread under it, keeping the channel quiet.
      threadTs: event.thread_ts ?? event.ts,
      userId: event.user,
      teamId: context.teamId,
      text: readQuestion(event.text, context.botUserId).text,
    });
  });

  app.message(async ({ message, context, client }) => {
    // Only what a person typed in a DM: not edits, joins or other bots' messages.
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined)
      return;
    await answerInConversation(deps, {
      client,
      channel: message.channel,
      threadTs: message.thread_ts,
      userId: message.user,
      teamId: context.teamId,
      text: readQuestion(message.text ?? '', context.botUserId).text,
    });
  });
}

async function answerInConversation({ dispatcher, afterAck }: ListenerDeps, asked: Asked): Promise<void> {
  const destination = {
    kind: 'conversation' as const,
    client: asked.client,
    channel: asked.channel,
    ...(asked.threadTs !== undefined && { threadTs: asked.threadTs }),
  };
  await afterAck.run(
    'answering a message',
    async () => {
      const caller = slackCaller(asked.userId, asked.teamId, asked.channel);
      const answer = await answerQuestion(dispatcher, asked.text, caller);
      await deliver(destination, messagesFor(answer, 0, 'public'));
    },
    (text) =>
      asked.client.chat.postMessage({
        channel: asked.channel,
        ...(asked.threadTs !== undefined && { thread_ts: asked.threadTs }),
        text,
      }),
  );
}
