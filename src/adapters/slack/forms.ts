import type { RespondFn, ViewOutput, webApi } from '@slack/bolt';
import type { Command } from '../../core/command.ts';
import type { Dispatcher } from '../../core/dispatcher.ts';
import { findCommand } from '../../core/parse-command.ts';
import { renderPlain } from '../../render/plain.ts';
import { renderForm } from '../../render/slack-form.ts';
import { within } from '../within.ts';
import { ANSWER_IN_ACK_MS } from './deadline.ts';
import { deliver } from './deliver.ts';
import { decodeOrigin, encodeOrigin, type FormOrigin, readEntries } from './form-values.ts';
import { type ListenerDeps, slackCaller } from './listeners.ts';
import { answerOnce, messageFor, SLASH_COMMAND } from './pages.ts';
import type { Router } from './router.ts';

/** Commands with many arguments, easier to fill in a form than to type in the right order. */
const FORM_COMMANDS: ReadonlySet<string> = new Set(['add', 'record']);
const FORM_CALLBACK_ID = 'twin_form';

const STALE_FORM_TEXT = `This form no longer works. Start again with ${SLASH_COMMAND} and the command.`;

/** The command whose form `/twin <text>` asks for: a command with a form, typed with no arguments. */
export function formAskedFor(dispatcher: Dispatcher, text: string): Command | undefined {
  const command = findCommand(dispatcher.commands, text);
  return command && FORM_COMMANDS.has(command.name) ? command : undefined;
}

/** Opens the form; `triggerId` comes from the slash command and lapses after 3 s. */
export async function openForm(
  client: webApi.WebClient,
  triggerId: string,
  command: Command,
  origin: FormOrigin,
): Promise<void> {
  const view = renderForm(command, {
    callbackId: FORM_CALLBACK_ID,
    privateMetadata: encodeOrigin(origin),
    commandPrefix: `${SLASH_COMMAND} `,
  });
  await client.views.open({ trigger_id: triggerId, view });
}

/**
 * A submitted form runs its command like a typed one. A problem keeps the form open with the message
 * beside the field it is about; an answer closes it and goes privately to the channel it came from.
 */
export function listenForForms(router: Router, { dispatcher, afterAck, kept, locales }: ListenerDeps): void {
  router.form(FORM_CALLBACK_ID, async ({ ack, body, view }) => {
    const origin = decodeOrigin(view.private_metadata);
    const command = origin && findCommand(dispatcher.commands, origin.command);
    const entries = command && readEntries(command, view.state.values);
    if (!origin || !command || !entries) {
      await ackWithError(ack, firstInputBlock(view), STALE_FORM_TEXT);
      return;
    }
    const caller = slackCaller(
      body.user.id,
      body.team?.id ?? body.user.team_id,
      origin.channelId,
      undefined,
      locales,
    );
    const running = dispatcher.run({ command: command.name, args: entries.args }, caller);
    const quick = await within(running, ANSWER_IN_ACK_MS);
    if (quick?.kind === 'error') {
      const field = quick.field === undefined ? undefined : entries.blocks[quick.field];
      await ackWithError(ack, field ?? firstInputBlock(view), renderPlain(quick));
      return;
    }
    await ack();
    const respond = respondAt(origin.responseUrl);
    await afterAck.run(
      `${SLASH_COMMAND} ${command.name} form`,
      async () =>
        deliver({ kind: 'private', respond }, messageFor(answerOnce(await running), 0, 'ephemeral', kept)),
      (text) => respond({ response_type: 'ephemeral', text }),
    );
  });
}

type ViewAck = (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;

async function ackWithError(ack: ViewAck, blockId: string | undefined, text: string): Promise<void> {
  // Slack shows form errors only beside an input; a form without one can only be closed.
  await (blockId === undefined ? ack() : ack({ response_action: 'errors', errors: { [blockId]: text } }));
}

function firstInputBlock(view: ViewOutput): string | undefined {
  const input = view.blocks.find((block) => block.type === 'input');
  return input?.block_id;
}

/**
 * What Bolt's respond() does (Bolt does not export it), for a response_url kept in the form rather
 * than given with the request.
 */
function respondAt(url: string): RespondFn {
  return async (message) => {
    const body = typeof message === 'string' ? { text: message } : message;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`the response_url answered HTTP ${res.status}`);
    return res;
  };
}
