import { within } from '../within.ts';
import { ANSWER_IN_ACK_MS } from './deadline.ts';
import { deliver, sharePage } from './deliver.ts';
import { formAskedFor, openForm } from './forms.ts';
import { readQuestion } from './incoming.ts';
import { type ListenerDeps, slackCaller } from './listeners.ts';
import { answerQuestion, messageFor, SLASH_COMMAND } from './pages.ts';
import { withPicture } from './picture.ts';
import type { Router } from './router.ts';

/**
 * `/twin <question>`: answered privately, or for everyone with `--share`; `/twin add` alone opens a
 * form instead. The answer travels in the acknowledgement when it is ready at once and nothing else
 * is waiting; otherwise the acknowledgement goes first and the answer follows through the response_url.
 */
export function listenForSlashCommand(
  router: Router,
  { dispatcher, afterAck, kept, locales, draw, log }: ListenerDeps,
): void {
  router.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const question = readQuestion(command.text);
    const asker = { kind: 'private' as const, respond };
    const tellUser = (text: string) => respond({ response_type: 'ephemeral', text });
    const caller = slackCaller(command.user_id, command.team_id, command.channel_id, client, locales);
    const form = formAskedFor(dispatcher, question.text);
    if (form && dispatcher.mayRun(form, caller)) {
      await ack();
      const origin = { command: form.name, responseUrl: command.response_url, channelId: command.channel_id };
      // The trigger_id lapses 3 s after the command: the form cannot wait in the queue.
      await afterAck.now(
        `${SLASH_COMMAND} ${form.name} form`,
        () => openForm(client, command.trigger_id, form, origin),
        tellUser,
      );
      return;
    }
    // Anyone else asking for a form gets the dispatcher's refusal, like any staff command.
    const answer = () => answerQuestion(dispatcher, question.text, caller);
    const started = question.share ? undefined : afterAck.tryNow(answer);
    // Marked as handled at once: a failure is reported after the ack, where the user can be told.
    started?.catch(() => undefined);
    const quick = started && (await within(started, ANSWER_IN_ACK_MS));
    // A picture is drawn and uploaded after the acknowledgement: rasterizing holds the event loop.
    if (quick && quick.reply.figure === undefined) {
      await ack({ response_type: 'ephemeral', ...messageFor(quick, 0, 'ephemeral', kept) });
      return;
    }
    await ack();
    await afterAck.run(
      SLASH_COMMAND,
      async () => {
        const answered = await withPicture(await (started ?? answer()), client, draw, log);
        if (!question.share) {
          await deliver(asker, messageFor(answered, 0, 'ephemeral', kept));
          return;
        }
        const channel = { kind: 'conversation' as const, client, channel: command.channel_id };
        await sharePage(answered, 0, channel, asker, { answerPrivatelyIfRefused: true }, kept);
      },
      tellUser,
    );
  });
}
