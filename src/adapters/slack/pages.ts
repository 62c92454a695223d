import * as z from 'zod';
import type { Caller } from '../../core/caller.ts';
import type { Dispatcher, Reading } from '../../core/dispatcher.ts';
import { FOCUSES, type Invocation, YES_NO_QUESTIONS } from '../../core/parse-command.ts';
import type { Confirmation, Reply } from '../../core/reply.ts';
import { type Lang, langSchema } from '../../i18n/languages.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { clip } from '../../render/plain.ts';
import { type Block, renderSlack, type SlackPage } from '../../render/slack.ts';
import type { KeptPages } from './kept-pages.ts';

/** How people type a command in Slack; help and suggestions show commands this way. */
export const SLASH_COMMAND = '/twin';

/**
 * Each button's action id starts with one of these. Slack refuses a message in which two buttons
 * share an action id (`invalid_blocks`), so buttons of one kind are numbered after a colon
 * (`twin_run:0`, `twin_run:1`), and the router reads the part before it.
 */
export const ACTION_IDS = {
  share: 'twin_share',
  more: 'twin_more',
  run: 'twin_run',
  /** The next page of an answer that cannot be asked again, kept in memory (see KeptPages). */
  page: 'twin_page',
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
 * What Share, More and Run carry: the command to run again (as the text grammar read it when the
 * answer was made, so the button's value is never read as text) and the page to show. The answer is
 * computed afresh when the button is pressed, for whoever presses it; no state is kept here.
 */
interface ActionRef {
  invocation: Invocation;
  page: number;
}

const ActionRefSchema = z.object({
  c: z.string(),
  a: z.record(z.string(), z.string()),
  q: z.enum(YES_NO_QUESTIONS).optional(),
  f: z.enum(FOCUSES).optional(),
  p: z.number().int().min(0),
});

function encodeActionRef({ invocation, page }: ActionRef): string {
  return JSON.stringify({
    c: invocation.command,
    a: invocation.args,
    ...(invocation.asks && { q: invocation.asks }),
    ...(invocation.focus && { f: invocation.focus }),
    p: page,
  });
}

/**
 * The command a pressed button asks to run, or undefined when the value is not one of ours. Whether
 * the command may run from a button at all is checked again by whoever runs it (see answerAction).
 */
export function decodeActionRef(value: string | undefined): ActionRef | undefined {
  try {
    const parsed = ActionRefSchema.safeParse(JSON.parse(value ?? ''));
    if (!parsed.success) return undefined;
    const { c, a, q, f, p } = parsed.data;
    return { invocation: { command: c, args: a, ...(q && { asks: q }), ...(f && { focus: f }) }, page: p };
  } catch {
    return undefined;
  }
}

export interface Answer {
  reply: Reply;
  pages: SlackPage[];
  /**
   * What a button may run again for whoever presses it: only a command everyone may run, since
   * pressing Share or More must never change the store; none for a confirmation (its own buttons are
   * the way on) or a command too long for a button. Without it, the pages are kept in memory instead.
   */
  again: Invocation | undefined;
  /** The reply's suggested commands that a button may run (never a staff command). */
  runnable: { text: string; invocation: Invocation }[];
  /** The command for the next page of an answer made a page at a time (see Paging), for its More button. */
  next?: Invocation;
  /** The reply's picture, uploaded: shown on the first page, after the answer's opening text. */
  image?: Block;
}

/** Reads the question once, answers it, and keeps what its buttons may run again. */
export async function answerQuestion(
  dispatcher: Dispatcher,
  question: string,
  caller: Caller,
): Promise<Answer> {
  const reading = dispatcher.read(question);
  return withButtons(dispatcher, reading, await dispatcher.answerReading(reading, caller));
}

/**
 * Runs what a pressed button carries, for whoever pressed it; undefined when a button may not run it
 * (a staff command in a forged or stale value), so nothing runs.
 */
export async function answerAction(
  dispatcher: Dispatcher,
  invocation: Invocation,
  caller: Caller,
): Promise<Answer | undefined> {
  const reading: Reading = { kind: 'run', invocation };
  const allowed = dispatcher.forAnyone(reading);
  if (allowed === undefined) return undefined;
  return withButtons(dispatcher, reading, await dispatcher.run(allowed, caller));
}

function withButtons(dispatcher: Dispatcher, reading: Reading, reply: Reply): Answer {
  const again = reply.confirm === undefined ? fitting(dispatcher.forAnyone(reading)) : undefined;
  const runnable = (reply.suggestions ?? []).flatMap((text) => {
    const invocation = fitting(dispatcher.forAnyone(dispatcher.read(text)));
    return invocation ? [{ text, invocation }] : [];
  });
  const next = reply.paging?.next && fitting(dispatcher.forAnyone(dispatcher.read(reply.paging.next)));
  return {
    ...answerOnce(reply),
    again,
    runnable: runnable.slice(0, SUGGESTION_BUTTONS),
    ...(next && { next }),
  };
}

function fitting(invocation: Invocation | undefined): Invocation | undefined {
  if (invocation === undefined) return undefined;
  const longest = encodeActionRef({ invocation, page: Number.MAX_SAFE_INTEGER });
  return longest.length <= BUTTON_VALUE_MAX ? invocation : undefined;
}

/** A reply that no button may ask for again: a refusal, a form's outcome, a Confirm button's result. */
export function answerOnce(reply: Reply): Answer {
  return {
    reply,
    pages: renderSlack(reply, { commandPrefix: `${SLASH_COMMAND} ` }),
    again: undefined,
    runnable: [],
  };
}

/** The same answer with another reply (the text answer with a note when its picture failed). */
export function withReply(answer: Answer, reply: Reply): Answer {
  return { ...answer, reply, pages: answerOnce(reply).pages };
}

export interface SlackMessage {
  blocks: Block[];
  text: string;
}

/** Only the asker sees it (with a Share button), or everyone in the conversation sees it. */
type Audience = 'ephemeral' | 'public';

/**
 * The one message to send for a page: the page with its buttons (Share for the asker's private
 * answers, More while pages remain, Run for suggestions). An answer that cannot be asked again keeps
 * its pages in memory and its More button shows the next one: sending every page at once would use a
 * response_url more often than Slack allows (five times).
 */
export function messageFor(answer: Answer, page: number, audience: Audience, kept: KeptPages): SlackMessage {
  if (answer.again === undefined) {
    const pages = withImage(withLastActions(answer), answer.image);
    if (pages.length === 1) return pages[0] as SlackMessage;
    return keptPageMessage(kept.keep(pages), pages, 0, answer.reply.lang);
  }
  const again = answer.again;
  const tr = translator(answer.reply.lang ?? 'en');
  // The store may have changed since the button was made; the last page is the closest still there.
  const index = Math.min(page, answer.pages.length - 1);
  const shown = (index === 0 ? withImage(answer.pages, answer.image) : answer.pages)[index] as SlackPage;
  const buttons = [];
  if (audience === 'ephemeral' && answer.reply.kind === 'answer') {
    buttons.push(
      button(tr.t('ui.share'), ACTION_IDS.share, encodeActionRef({ invocation: again, page: index })),
    );
  }
  if (index + 1 < answer.pages.length) {
    buttons.push(
      button(
        tr.t('ui.more', { page: index + 2, count: answer.pages.length }),
        ACTION_IDS.more,
        encodeActionRef({ invocation: again, page: index + 1 }),
      ),
    );
  } else if (answer.next) {
    // The last page of this part of the answer: More asks for the next part.
    buttons.push(
      button(tr.t('ui.next'), ACTION_IDS.more, encodeActionRef({ invocation: answer.next, page: 0 })),
    );
  }
  buttons.push(...runButtons(answer));
  const actions: Block[] = buttons.length > 0 ? [{ type: 'actions', elements: buttons }] : [];
  return { blocks: [...shown.blocks, ...actions], text: shown.text };
}

/** The first page with the picture after the title and the opening text, where the reader looks first. */
function withImage<P extends SlackMessage>(pages: readonly P[], image: Block | undefined): P[] {
  const [first, ...rest] = pages;
  if (!first || !image) return [...pages];
  const at = first.blocks.findIndex((block) => block.type === 'section') + 1;
  const blocks = [...first.blocks];
  blocks.splice(at > 0 ? at : blocks.length, 0, image);
  return [{ ...first, blocks }, ...rest];
}

/** "Did you mean ...?": each suggested command is a button that runs it for whoever presses it. */
function runButtons(answer: Answer) {
  return answer.runnable.map(({ text, invocation }, i) =>
    button(
      clip(
        translator(answer.reply.lang ?? 'en').t('ui.run', { command: `${SLASH_COMMAND} ${text}` }),
        BUTTON_LABEL_MAX,
      ),
      `${ACTION_IDS.run}:${i}`,
      encodeActionRef({ invocation, page: 0 }),
    ),
  );
}

/** A kept page, with a More button while pages remain; undefined once the pages are forgotten. */
export function keptPage(kept: KeptPages, value: string | undefined): SlackMessage | undefined {
  const ref = KeptRefSchema.safeParse(parseJson(value));
  if (!ref.success) return undefined;
  const pages = kept.get(ref.data.k);
  if (pages === undefined || ref.data.p >= pages.length) return undefined;
  return keptPageMessage(ref.data.k, pages, ref.data.p, ref.data.l);
}

/** A kept page's button: which pages, which page, and the language its label is in. */
const KeptRefSchema = z.object({ k: z.string(), p: z.number().int().min(0), l: langSchema.optional() });

function keptPageMessage(
  key: string,
  pages: readonly SlackMessage[],
  index: number,
  lang: Lang | undefined,
): SlackMessage {
  const shown = pages[index] as SlackMessage;
  if (index + 1 >= pages.length) return shown;
  const more = button(
    translator(lang ?? 'en').t('ui.more', { page: index + 2, count: pages.length }),
    ACTION_IDS.page,
    JSON.stringify({ k: key, p: index + 1, ...(lang && { l: lang }) }),
  );
  return { blocks: [...shown.blocks, { type: 'actions', elements: [more] }], text: shown.text };
}

function parseJson(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? '');
  } catch {
    return undefined;
  }
}

/** The pages, with the suggestions' Run buttons, or Confirm and Cancel, under the last one. */
function withLastActions(answer: Answer): SlackMessage[] {
  const last = answer.pages.length - 1;
  const confirm = answer.reply.confirm;
  const runs = runButtons(answer);
  const actions: Block[] = [
    ...(runs.length > 0 ? [{ type: 'actions' as const, elements: runs }] : []),
    ...(confirm ? [confirmActions(confirm, translator(answer.reply.lang ?? 'en'))] : []),
  ];
  return answer.pages.map(({ blocks, text }, index) => ({
    blocks: index === last ? [...blocks, ...actions] : blocks,
    text,
  }));
}

function button(label: string, actionId: string, value: string) {
  return {
    type: 'button' as const,
    action_id: actionId,
    text: { type: 'plain_text' as const, text: label },
    value,
  };
}

/** Confirm (red, since it changes the store for everyone) and Cancel, under the question. */
function confirmActions(confirm: Confirmation, tr: Translator): Block {
  // The token alone names the pending change; the dispatcher keeps the rest.
  const value = confirm.token;
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: ACTION_IDS.confirm,
        style: 'danger',
        text: { type: 'plain_text', text: tr.t('ui.confirm') },
        value,
      },
      {
        type: 'button',
        action_id: ACTION_IDS.cancel,
        text: { type: 'plain_text', text: tr.t('ui.cancel') },
        value,
      },
    ],
  };
}
