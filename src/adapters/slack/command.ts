import { within } from '../within.ts';
import { ANSWER_IN_ACK_MS } from './deadline.ts';
import { deliver, sharePage } from './deliver.ts';
import { formAskedFor, openForm } from './forms.ts';
import { readQuestion } from './incoming.ts';
import { type ListenerDeps, slackCaller } from './listeners.ts';
import { answerQuestion, messagesFor, SLASH_COMMAND } from './pages.ts';
import type { Router } from './router.ts';

/**
 * `/twin <question>`: answered privately, or for everyone with `--share`; `/twin add` alone opens a
 * form instead.
 */
export function listenForSlashCommand(router: Router, { dispatcher, afterAck }: ListenerDeps): void {
  router.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const question = readQuestion(command.text);
    const asker = { kind: 'private' as const, respond };
    const tellUser = (text: string) => respond({ response_type: 'ephemeral', text });
    const caller = slackCaller(command.user_id, command.team_id, command.channel_id, client);
    const form = formAskedFor(dispatcher, question.text);
    if (form && dispatcher.mayRun(form, caller)) {
      await ack();
      const origin = { command: form.name, responseUrl: command.response_url, channelId: command.channel_id };
      await afterAck.run(
        `${SLASH_COMMAND} ${form.name} form`,
        () => openForm(client, command.trigger_id, form, origin),
        tellUser,
      );
      return;
    }
    // Anyone else asking for a form gets the dispatcher's refusal, like any staff command.
    const answering = answerQuestion(dispatcher, question.text, caller);
    // Marked as handled at once: a failure is reported after the ack, where the user can be told.
    answering.catch(() => undefined);

    const quick = question.share ? undefined : await within(answering, ANSWER_IN_ACK_MS);
    if (quick) {
      const [first, ...rest] = messagesFor(quick, 0, 'ephemeral');
      await ack({ response_type: 'ephemeral', ...first });
      if (rest.length > 0) await afterAck.run(SLASH_COMMAND, () => deliver(asker, rest), tellUser);
      return;
    }
    await ack();
    await afterAck.run(
      SLASH_COMMAND,
      async () => {
        const answer = await answering;
        if (!question.share) {
          await deliver(asker, messagesFor(answer, 0, 'ephemeral'));
          return;
        }
        const channel = { kind: 'conversation' as const, client, channel: command.channel_id };
        await sharePage(answer, 0, channel, asker, { answerPrivatelyIfRefused: true });
      },
      tellUser,
    );
  });
}
