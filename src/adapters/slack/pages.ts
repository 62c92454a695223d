import { z } from 'zod';
import type { Caller } from '../../core/caller.ts';
import type { Dispatcher } from '../../core/dispatcher.ts';
import { leadingCommand } from '../../core/parse-command.ts';
import type { Confirmation, Reply } from '../../core/reply.ts';
import { clip } from '../../render/plain.ts';
import { type Block, renderSlack, type SlackPage } from '../../render/slack.ts';

/** How people type a command in Slack; help and suggestions show commands this way. */
export const SLASH_COMMAND = '/twin';

export const ACTION_IDS = {
  share: 'twin_share',
  more: 'twin_more',
  run: 'twin_run',
  confirm: 'twin_confirm',
  cancel: 'twin_cancel',
} as const;

/** Slack's limit on a button's label. */
const BUTTON_LABEL_MAX = 75;
/** Buttons for at most this many suggested commands, so the answer stays the main thing. */
const SUGGESTION_BUTTONS = 3;

/** Slack's limit on a button's value. */
const BUTTON_VALUE_MAX = 2000;

/**
 * What a button needs to show a page again without any state kept here: the question and the page.
 * The answer is computed afresh when the button is pressed, for whoever presses it.
 */
interface PageRef {
  text: string;
  page: number;
}

const PageRefSchema = z.object({ t: z.string(), p: z.number().int().min(0) });

function encodePageRef(ref: PageRef): string {
  return JSON.stringify({ t: ref.text, p: ref.page });
}

export function decodePageRef(value: string | undefined): PageRef | undefined {
  try {
    const parsed = PageRefSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? { text: parsed.data.t, page: parsed.data.p } : undefined;
  } catch {
    return undefined;
  }
}

export interface Answer {
  question: string;
  reply: Reply;
  pages: SlackPage[];
  /**
   * Whether a button may ask the question again. Never for staff commands, since they write: pressing
   * Share or More must not change the store a second time. Nor for a question too long for a button.
   */
  rerunnable: boolean;
  /** The reply's suggested commands that a button may run (never a staff command). */
  runnable: string[];
}

export async function answerQuestion(
  dispatcher: Dispatcher,
  question: string,
  caller: Caller,
): Promise<Answer> {
  const reply = await dispatcher.answerText(question, caller);
  return {
    ...answerOnce(reply),
    question,
    // Asking a confirmation again would only make a second one; its own buttons are the way on.
    rerunnable: reply.confirm === undefined && isRerunnable(dispatcher, question),
    runnable: (reply.suggestions ?? [])
      .filter((s) => isRerunnable(dispatcher, s))
      .slice(0, SUGGESTION_BUTTONS),
  };
}

/** A reply that no button may ask for again: a refusal, a form's outcome, a Confirm button's result. */
export function answerOnce(reply: Reply): Answer {
  return {
    question: '',
    reply,
    pages: renderSlack(reply, { commandPrefix: `${SLASH_COMMAND} ` }),
    rerunnable: false,
    runnable: [],
  };
}

/** Checked again when a button is pressed, before anything runs: a button must never cause a write. */
export function isRerunnable(dispatcher: Dispatcher, question: string): boolean {
  const command = leadingCommand(dispatcher.commands, question.split(' '));
  const fits = encodePageRef({ text: question, page: Number.MAX_SAFE_INTEGER }).length <= BUTTON_VALUE_MAX;
  return command?.permission !== 'staff' && fits;
}

export interface SlackMessage {
  blocks: Block[];
  text: string;
}

/** Only the asker sees it (with a Share button), or everyone in the conversation sees it. */
type Audience = 'ephemeral' | 'public';

/**
 * The messages to send: one page with its buttons (Share for the asker's private answers, More while
 * pages remain), or, for an answer that cannot be asked again, every page at once, so none is lost.
 */
export function messagesFor(answer: Answer, page: number, audience: Audience): SlackMessage[] {
  if (!answer.rerunnable) {
    const last = answer.pages.length - 1;
    const confirm = answer.reply.confirm;
    return answer.pages.map(({ blocks, text }, index) => ({
      blocks: confirm && index === last ? [...blocks, confirmActions(confirm)] : blocks,
      text,
    }));
  }
  // The store may have changed since the button was made; the last page is the closest still there.
  const index = Math.min(page, answer.pages.length - 1);
  const shown = answer.pages[index] as SlackPage;
  const buttons = [];
  if (audience === 'ephemeral' && answer.reply.kind === 'answer') {
    buttons.push(button('Share in channel', ACTION_IDS.share, { text: answer.question, page: index }));
  }
  if (index + 1 < answer.pages.length) {
    buttons.push(
      button(`More (${index + 2} of ${answer.pages.length})`, ACTION_IDS.more, {
        text: answer.question,
        page: index + 1,
      }),
    );
  }
  // "Did you mean ...?": each suggested command is a button that runs it for whoever presses it.
  for (const command of answer.runnable) {
    buttons.push(
      button(clip(`Run: ${SLASH_COMMAND} ${command}`, BUTTON_LABEL_MAX), ACTION_IDS.run, {
        text: command,
        page: 0,
      }),
    );
  }
  const actions: Block[] = buttons.length > 0 ? [{ type: 'actions', elements: buttons }] : [];
  return [{ blocks: [...shown.blocks, ...actions], text: shown.text }];
}

function button(label: string, actionId: string, ref: PageRef) {
  return {
    type: 'button' as const,
    action_id: actionId,
    text: { type: 'plain_text' as const, text: label },
    value: encodePageRef(ref),
  };
}

/** Confirm (red, since it changes the store for everyone) and Cancel, under the question. */
function confirmActions(confirm: Confirmation): Block {
  // The token alone names the pending change; the dispatcher keeps the rest.
  const value = confirm.token;
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: ACTION_IDS.confirm,
        style: 'danger',
        text: { type: 'plain_text', text: 'Confirm' },
        value,
      },
      { type: 'button', action_id: ACTION_IDS.cancel, text: { type: 'plain_text', text: 'Cancel' }, value },
    ],
  };
}
