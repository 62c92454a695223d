import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { deliver, sharePage } from './deliver.ts';
import { type ListenerDeps, slackCaller } from './listeners.ts';
import {
  ACTION_IDS,
  answerQuestion,
  decodePageRef,
  isRerunnable,
  messagesFor,
  SLASH_COMMAND,
} from './pages.ts';

const STALE_BUTTON_TEXT = `That button no longer works. Ask again with \`${SLASH_COMMAND} ...\`.`;

/**
 * Share, More and Run (a suggested command): each button carries the question and the page, and the
 * answer is computed again for whoever pressed it (so their permissions apply), with no state kept
 * between messages.
 */
export function listenForButtons(app: App, { dispatcher, afterAck }: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async ({ ack, body, action, respond, client }) => {
    await ack();
    const asker = { kind: 'private' as const, respond };
    await afterAck.run(
      'Share',
      async () => {
        const ref = decodePageRef(action.value);
        const channel = body.channel?.id;
        if (!ref || !isRerunnable(dispatcher, ref.text) || channel === undefined) {
          await respond({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON_TEXT });
          return;
        }
        const answer = await answerQuestion(dispatcher, ref.text, callerOf(body));
        const conversation = { kind: 'conversation' as const, client, channel };
        await sharePage(answer, ref.page, conversation, asker, { answerPrivatelyIfRefused: false });
      },
      (text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
    );
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.more, async ({ ack, body, action, respond, client }) => {
    await ack();
    await afterAck.run(
      'More',
      async () => {
        const ref = decodePageRef(action.value);
        if (!ref || !isRerunnable(dispatcher, ref.text)) {
          await respond({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON_TEXT });
          return;
        }
        const answer = await answerQuestion(dispatcher, ref.text, callerOf(body));
        // The next page goes where the pressed one is: privately, or in the same conversation and thread.
        const message = body.message;
        const channel = body.channel?.id;
        if (body.container.is_ephemeral === true || message === undefined || channel === undefined) {
          await deliver({ kind: 'private', respond }, messagesFor(answer, ref.page, 'ephemeral'));
        } else {
          const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : message.ts;
          await deliver(
            { kind: 'conversation', client, channel, threadTs },
            messagesFor(answer, ref.page, 'public'),
          );
        }
      },
      (text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
    );
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.run, async ({ ack, body, action, respond }) => {
    await ack();
    const asker = { kind: 'private' as const, respond };
    await afterAck.run(
      'Run',
      async () => {
        const ref = decodePageRef(action.value);
        if (!ref || !isRerunnable(dispatcher, ref.text)) {
          await respond({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON_TEXT });
          return;
        }
        const answer = await answerQuestion(dispatcher, ref.text, callerOf(body));
        await deliver(asker, messagesFor(answer, 0, 'ephemeral'));
      },
      (text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
    );
  });
}

function callerOf(body: BlockAction) {
  return slackCaller(body.user.id, body.team?.id ?? body.user.team_id, body.channel?.id);
}
