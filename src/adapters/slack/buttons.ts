import type { BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import { deliver, sharePage } from './deliver.ts';
import { type ListenerDeps, presserOf } from './listeners.ts';
import {
  ACTION_IDS,
  type Answer,
  answerQuestion,
  decodePageRef,
  isRerunnable,
  messagesFor,
  SLASH_COMMAND,
} from './pages.ts';
import type { ButtonArgs, Router } from './router.ts';
import type { AfterAck } from './work.ts';

const STALE_BUTTON_TEXT = `That button no longer works. Ask again with \`${SLASH_COMMAND} ...\`.`;

interface Pressed {
  answer: Answer;
  page: number;
  body: BlockAction<ButtonAction>;
  respond: RespondFn;
  client: webApi.WebClient;
}

/**
 * Share, More and Run (a suggested command): each button carries the question and the page, and the
 * answer is computed again for whoever pressed it (so their permissions apply), with no state kept
 * between messages.
 */
export function listenForButtons(router: Router, deps: ListenerDeps): void {
  onButton(router, ACTION_IDS.share, 'Share', deps, async ({ answer, page, body, respond, client }) => {
    const channel = body.channel?.id;
    if (channel === undefined) return tellPresser(respond, STALE_BUTTON_TEXT);
    const conversation = { kind: 'conversation' as const, client, channel };
    await sharePage(
      answer,
      page,
      conversation,
      { kind: 'private', respond },
      { answerPrivatelyIfRefused: false },
    );
  });

  onButton(router, ACTION_IDS.more, 'More', deps, async ({ answer, page, body, respond, client }) => {
    // The next page goes where the pressed one is: privately, or in the same conversation and thread.
    const message = body.message;
    const channel = body.channel?.id;
    if (body.container.is_ephemeral === true || message === undefined || channel === undefined) {
      await deliver({ kind: 'private', respond }, messagesFor(answer, page, 'ephemeral'));
    } else {
      const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : message.ts;
      await deliver({ kind: 'conversation', client, channel, threadTs }, messagesFor(answer, page, 'public'));
    }
  });

  onButton(router, ACTION_IDS.run, 'Run', deps, async ({ answer, respond }) => {
    await deliver({ kind: 'private', respond }, messagesFor(answer, 0, 'ephemeral'));
  });
}

/** Acknowledges a button, reads the question it carries (refusing staff commands) and answers it again. */
function onButton(
  router: Router,
  actionId: string,
  label: string,
  { dispatcher, afterAck }: ListenerDeps,
  handle: (pressed: Pressed) => Promise<void>,
): void {
  onPress(router, actionId, label, afterAck, async ({ body, action, respond, client }) => {
    const ref = decodePageRef(action.value);
    if (!ref || !isRerunnable(dispatcher, ref.text)) return tellPresser(respond, STALE_BUTTON_TEXT);
    const answer = await answerQuestion(dispatcher, ref.text, presserOf(body));
    await handle({ answer, page: ref.page, body, respond, client });
  });
}

/**
 * Acknowledges a press at once (Slack waits 3 s at most) and does the work after; a failure is told
 * to the presser in a message of its own.
 */
export function onPress(
  router: Router,
  actionId: string,
  label: string,
  afterAck: AfterAck,
  work: (args: ButtonArgs) => Promise<void>,
): void {
  router.button(actionId, async (args) => {
    await args.ack();
    await afterAck.run(
      label,
      () => work(args),
      (text) => tellPresser(args.respond, text),
    );
  });
}

/** A private note to whoever pressed, leaving the message with the button as it was. */
async function tellPresser(respond: RespondFn, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}
