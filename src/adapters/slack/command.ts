import type { App } from '@slack/bolt';
import { deliver, sharePage } from './deliver.ts';
import { readQuestion } from './incoming.ts';
import { type ListenerDeps, slackCaller } from './listeners.ts';
import { answerQuestion, messagesFor, SLASH_COMMAND } from './pages.ts';

/**
 * How long an answer may take to travel back inside the acknowledgement itself. Slack gives up on an
 * acknowledgement after 3 s, so slower work (a write to a large store, say) is acknowledged first and
 * answered through the response_url. Answers from memory take well under a millisecond.
 */
export const ANSWER_IN_ACK_MS = 1500;

/** `/twin <question>`: answered privately, or for everyone with `--share`. */
export function listenForSlashCommand(app: App, { dispatcher, afterAck }: ListenerDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const question = readQuestion(command.text);
    const asker = { kind: 'private' as const, respond };
    const tellUser = (text: string) => respond({ response_type: 'ephemeral', text });
    const answering = answerQuestion(
      dispatcher,
      question.text,
      slackCaller(command.user_id, command.team_id, command.channel_id),
    );
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

/** The work's result if it succeeds within `ms`, else undefined (it keeps running). */
function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  return Promise.race([work.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
