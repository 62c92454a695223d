import type { BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import type { Caller } from '../../core/caller.ts';
import { translator } from '../../i18n/translator.ts';
import { deliver, sharePage } from './deliver.ts';
import { type ListenerDeps, presserOf } from './listeners.ts';
import {
  ACTION_IDS,
  type Answer,
  answerAction,
  decodeActionRef,
  keptPage,
  messageFor,
  SLASH_COMMAND,
  type SlackMessage,
} from './pages.ts';
import { withPicture } from './picture.ts';
import type { ButtonArgs, Router } from './router.ts';
import type { AfterAck } from './work.ts';

/** Says, in the presser's language, that a button's answer can no longer be made. */
async function staleButtonText(presser: Caller): Promise<string> {
  const lang = presser.lang ?? (await presser.lookUpLang?.()) ?? 'en';
  return translator(lang).t('ui.staleButton', { command: SLASH_COMMAND });
}

interface Pressed {
  answer: Answer;
  page: number;
  body: BlockAction<ButtonAction>;
  respond: RespondFn;
  client: webApi.WebClient;
}

/**
 * Share, More and Run (a suggested command): each button carries the command it runs and the page,
 * and the answer is computed again for whoever pressed it (so their permissions apply), with no state
 * kept between messages. More under an answer that cannot be asked again shows its kept pages.
 */
export function listenForButtons(router: Router, deps: ListenerDeps): void {
  const { kept } = deps;
  onButton(router, ACTION_IDS.share, 'Share', deps, async ({ answer, page, body, respond, client }) => {
    const channel = body.channel?.id;
    if (channel === undefined)
      return tellPresser(respond, await staleButtonText(presserOf(body, deps.locales)));
    const conversation = { kind: 'conversation' as const, client, channel };
    // The picture belongs to the first page, shared with it.
    const shared = page === 0 ? await withPicture(answer, client, deps.draw, deps.log) : answer;
    await sharePage(
      shared,
      page,
      conversation,
      { kind: 'private', respond },
      { answerPrivatelyIfRefused: false },
      kept,
    );
  });

  onButton(router, ACTION_IDS.more, 'More', deps, async ({ answer, page, body, respond, client }) => {
    await showNextPage(body, respond, client, (audience) => messageFor(answer, page, audience, kept));
  });

  onButton(router, ACTION_IDS.run, 'Run', deps, async ({ answer, respond, client }) => {
    const pictured = await withPicture(answer, client, deps.draw, deps.log);
    await deliver({ kind: 'private', respond }, messageFor(pictured, 0, 'ephemeral', kept));
  });

  onPress(router, ACTION_IDS.page, 'More', deps.afterAck, async ({ body, action, respond, client }) => {
    const message = keptPage(kept, action.value);
    if (message === undefined)
      return tellPresser(respond, await staleButtonText(presserOf(body, deps.locales)));
    await showNextPage(body, respond, client, () => message);
  });
}

/** The next page goes where the pressed one is: privately, or in the same conversation and thread. */
async function showNextPage(
  body: BlockAction<ButtonAction>,
  respond: RespondFn,
  client: webApi.WebClient,
  page: (audience: 'ephemeral' | 'public') => SlackMessage,
): Promise<void> {
  const message = body.message;
  const channel = body.channel?.id;
  if (body.container.is_ephemeral === true || message === undefined || channel === undefined) {
    await deliver({ kind: 'private', respond }, page('ephemeral'));
  } else {
    const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : message.ts;
    await deliver({ kind: 'conversation', client, channel, threadTs }, page('public'));
  }
}

/**
 * Acknowledges a button, reads the command it carries and runs it again for the presser, unless a
 * button may not run it (a staff command: only a forged or stale value can carry one).
 */
function onButton(
  router: Router,
  actionId: string,
  label: string,
  { dispatcher, afterAck, locales }: ListenerDeps,
  handle: (pressed: Pressed) => Promise<void>,
): void {
  onPress(router, actionId, label, afterAck, async ({ body, action, respond, client }) => {
    const ref = decodeActionRef(action.value);
    const presser = presserOf(body, locales);
    const answer = ref && (await answerAction(dispatcher, ref.invocation, presser));
    if (!ref || !answer) return tellPresser(respond, await staleButtonText(presser));
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
