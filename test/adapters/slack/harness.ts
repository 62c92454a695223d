import { Temporal } from 'temporal-polyfill';
import { expect } from 'vitest';
import { commands } from '../../../commands/index.ts';
import type { DrawPicture } from '../../../src/adapters/picture.ts';
import { ANSWER_IN_ACK_MS } from '../../../src/adapters/slack/deadline.ts';
import { startSlack } from '../../../src/adapters/slack/index.ts';
import type { SlackConfig } from '../../../src/config.ts';
import { type Command, defineCommand } from '../../../src/core/command.ts';
import { Dispatcher } from '../../../src/core/dispatcher.ts';
import { answer } from '../../../src/core/reply.ts';
import type { StoreInput } from '../../../src/store/schema.ts';
import { type ApiCall, FakeSlack, type FakeSlackOptions } from '../../fakes/slack-api.ts';
import { slackMessageError } from '../../fakes/slack-limits.ts';
import { freePort, type SignedBody, sendToApp, slashCommand } from '../../fakes/slack-requests.ts';
import { capturedLog } from '../../fixtures/captured-log.ts';
import { smallStore, storeFrom } from '../../fixtures/knowledge-base.ts';

export const BOT_TOKEN = 'xoxb-1111-2222-secretbottoken';
export const APP_TOKEN = 'xapp-1-A0TWIN-3333-secretapptoken';
export const SIGNING_SECRET = 'signing-secret-never-logged-42';

/** A command for tests only: answers with where the dispatcher was told the question was asked. */
export const whereCommand: Command = defineCommand({
  name: 'where',
  args: [],
  examples: ['where'],
  permission: 'everyone',
  handler: ({ caller }) => answer({ text: `asked in ${caller.channel ?? 'no channel'} by ${caller.userId}` }),
});

/** A command for tests only: an answer slower than an acknowledgement may wait for. */
export const slowCommand: Command = defineCommand({
  name: 'slow',
  args: [],
  examples: ['slow'],
  permission: 'everyone',
  handler: async () => {
    await new Promise((resolve) => setTimeout(resolve, ANSWER_IN_ACK_MS + 300));
    return answer({ text: 'finally' });
  },
});

/** How long the `busy` probe keeps the event loop. */
export const BUSY_MS = 25;

/** A command for tests only: an answer that holds the event loop, as a long list does on a large store. */
export const busyCommand: Command = defineCommand({
  name: 'busy',
  args: [],
  examples: ['busy'],
  permission: 'everyone',
  handler: () => {
    const until = performance.now() + BUSY_MS;
    while (performance.now() < until) {
      // Holding the event loop is the point.
    }
    return answer({ text: 'worked hard' });
  },
});

/** A slash command's acknowledgement: the HTTP status, how long it took, and the answer it carried. */
export interface Acked {
  status: number;
  ms: number;
  /** The message in the acknowledgement (undefined when Slack got an empty ack). */
  answer: { response_type?: string; blocks?: unknown; text?: string } | undefined;
  /** The id of the response_url given with the command, for answers that come later. */
  responseId: string;
}

/**
 * The real adapter in HTTP mode on loopback, against a fake Slack, over a store built for the test
 * and the shared commands (plus the `where` probe).
 */
export async function startHttpHarness(
  data: StoreInput = smallStore(),
  fakeOptions: Omit<FakeSlackOptions, 'botToken'> = {},
  {
    probes = true,
    ...adapterOptions
  }: {
    calendarToken?: string;
    /** Off for `help`, which lists every command it is given: the probes have no words in the catalogs. */
    probes?: boolean;
    /** Draws the answers' pictures; the real renderer unless given. */
    draw?: DrawPicture;
  } = {},
) {
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN, ...fakeOptions });
  const store = await storeFrom(data);
  const dispatcher = new Dispatcher({
    store,
    commands: probes ? [...commands, whereCommand, slowCommand, busyCommand] : commands,
    today: () => Temporal.PlainDate.from('2026-11-26'),
  });
  const port = await freePort();
  const { log, lines: logs } = capturedLog('info');
  const config: SlackConfig = {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    port,
    apiUrl: fake.apiUrl,
  };
  const adapter = await startSlack(config, { dispatcher, log, ...adapterOptions });
  let stopped = false;
  const baseUrl = `http://127.0.0.1:${port}`;
  const send = (request: SignedBody, forged?: { timestamp?: number; signature?: string }) =>
    sendToApp(baseUrl, SIGNING_SECRET, request, forged);
  return {
    fake,
    store,
    adapter,
    logs,
    baseUrl,
    send,
    /** Sends `/twin <text>`; an answer in the acknowledgement must pass Slack's limits like any message. */
    async ask(
      text: string,
      options: { userId?: string; channelId?: string; triggerId?: string } = {},
    ): Promise<Acked> {
      const responseUrl = fake.responseUrl();
      const started = performance.now();
      const res = await send(slashCommand({ text, responseUrl, ...options }));
      const ms = performance.now() - started;
      const body = await res.text();
      const answer = body === '' ? undefined : (JSON.parse(body) as Acked['answer']);
      if (answer !== undefined) {
        const error = slackMessageError(answer);
        if (error) throw new Error(`Slack would refuse the acknowledgement: ${error}`);
      }
      return { status: res.status, ms, answer, responseId: responseUrl.split('/').pop() as string };
    },
    /** The first chat.postMessage the bot made, which Slack must have accepted. */
    async posted(): Promise<ApiCall> {
      const [call] = await fake.waitFor((c) => c.kind === 'api' && c.method === 'chat.postMessage');
      if (call?.kind !== 'api') throw new Error('expected chat.postMessage');
      expect(call.error).toBeUndefined();
      return call;
    },
    /** Stops the adapter alone (close() then leaves it stopped). */
    async stop() {
      stopped = true;
      await adapter.stop();
    },
    async close() {
      if (!stopped) await adapter.stop();
      await fake.close();
      await store.close();
    },
  };
}

export type HttpHarness = Awaited<ReturnType<typeof startHttpHarness>>;

/** Every piece of text in a message's blocks, in order (what a reader sees, before Slack's formatting). */
export function blockTexts(blocks: unknown): string[] {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'text' && typeof inner === 'string') texts.push(inner);
        else visit(inner);
      }
    }
  };
  visit(blocks);
  return texts;
}

/** The buttons of a message, by action id. */
export function buttons(blocks: unknown): Map<string, { value: string; label: string }> {
  const found = new Map<string, { value: string; label: string }>();
  for (const block of (blocks ?? []) as { type: string; elements?: Record<string, unknown>[] }[]) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements ?? []) {
      found.set(String(element.action_id), {
        value: String(element.value),
        label: String((element.text as { text: string }).text),
      });
    }
  }
  return found;
}
