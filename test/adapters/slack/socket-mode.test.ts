import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningAdapter } from '../../../src/adapters/adapter.ts';
import { startSlack } from '../../../src/adapters/slack/index.ts';
import { ConfigError } from '../../../src/config.ts';
import type { Store } from '../../../src/store/store.ts';
import { FakeSlack } from '../../fakes/slack-api.ts';
import { slackMessageError } from '../../fakes/slack-limits.ts';
import { eventCallback, slashCommand } from '../../fakes/slack-requests.ts';
import { FakeSocketGateway } from '../../fakes/slack-socket.ts';
import { capturedLog } from '../../fixtures/captured-log.ts';
import { dispatcherFor } from '../../fixtures/knowledge-base.ts';
import { APP_TOKEN, BOT_TOKEN, blockTexts } from './harness.ts';

describe('Slack Socket Mode', () => {
  let fake: FakeSlack;
  let gateway: FakeSocketGateway;
  let store: Store;
  let adapter: RunningAdapter;
  const { log, lines: logs } = capturedLog('info');

  beforeEach(async () => {
    fake = await FakeSlack.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
    gateway = await FakeSocketGateway.start();
    fake.socketUrl = gateway.url;
    const built = await dispatcherFor();
    store = built.store;
    adapter = await startSlack(
      { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl },
      { dispatcher: built.dispatcher, log },
    );
  });
  afterEach(async () => {
    await adapter.stop();
    await gateway.close();
    await fake.close();
    await store.close();
  });

  it('GIVEN /twin agreement prague shanghai over the socket THEN acks the envelope and answers privately', async () => {
    const [connect] = fake.apiCalls('apps.connections.open');
    expect(connect?.token).toBe(APP_TOKEN);
    const responseUrl = fake.responseUrl();
    const payload = Object.fromEntries(
      new URLSearchParams(slashCommand({ text: 'agreement prague shanghai', responseUrl }).body),
    );
    const ack = await gateway.deliver('slash_commands', payload);
    expect(ack.envelope_id).toBe('env-1');
    const answer = ack.payload as { response_type?: string; blocks?: unknown; text?: string };
    expect(slackMessageError(answer)).toBeUndefined();
    expect(answer.response_type).toBe('ephemeral');
    expect(blockTexts(answer.blocks).join('\n')).toContain('terminated by Shanghai');
    expect(logs).toContain('slack: Socket Mode, connected');
  });

  it('GIVEN the socket dropped and Slack down (503) when the client reconnects THEN it keeps trying and answers again once Slack is back', async () => {
    const back = await FakeSocketGateway.start();
    try {
      fake.down.add('apps.connections.open');
      await gateway.close();
      // The socket client's own attempt (5 s after the drop, with the Web API client's two retries)
      // fails, and the socket client gives up for good; after that, only our retry asks again.
      const gaveUp = () => logs.filter((line) => line.includes('could not reconnect'));
      await expect.poll(gaveUp, { timeout: 20_000 }).toHaveLength(1);
      fake.socketUrl = back.url;
      fake.down.delete('apps.connections.open');
      await back.connected();
      const payload = Object.fromEntries(
        new URLSearchParams(slashCommand({ text: 'partners Taipei', responseUrl: fake.responseUrl() }).body),
      );
      const ack = await back.deliver('slash_commands', payload);
      expect(blockTexts((ack.payload as { blocks?: unknown }).blocks).join('\n')).toContain('Prague');
      expect(gaveUp()).toEqual([
        expect.stringMatching(/^slack: Socket Mode could not reconnect: .*503.*; trying again in 2 s$/),
      ]);
    } finally {
      await back.close();
    }
  }, 40_000);

  describe('redeliveries and hostile envelopes', () => {
    async function answersACommand(): Promise<void> {
      const payload = Object.fromEntries(
        new URLSearchParams(slashCommand({ text: 'partners Taipei', responseUrl: fake.responseUrl() }).body),
      );
      const ack = await gateway.deliver('slash_commands', payload);
      expect(blockTexts((ack.payload as { blocks?: unknown }).blocks)[0]).toBe('Partner cities of Taipei');
    }

    it('GIVEN an event delivered again with retry_attempt THEN it is answered once', async () => {
      const mention = JSON.parse(
        eventCallback({
          type: 'app_mention',
          user: 'UVISITOR',
          text: '<@UBOT> partners Taipei',
          ts: '1.1',
          channel: 'C0GENERAL',
        }).body,
      );
      await gateway.deliver('events_api', mention);
      await gateway.deliver('events_api', mention, { attempt: 1, reason: 'timeout' });
      await gateway.deliver('events_api', mention, { attempt: 2, reason: 'timeout' });
      await adapter.stop();
      expect(fake.apiCalls('chat.postMessage')).toHaveLength(1);
    });

    it.each([
      ['slash_commands', null],
      ['slash_commands', { command: '/twin', text: 42 }],
      ['interactive', 'payload'],
      ['interactive', { type: 'block_actions', actions: [null] }],
      ['events_api', { type: 'event_callback', event_id: 'Ev9', event: { type: 'app_mention', channel: 7 } }],
    ] as const)(
      'GIVEN a %s envelope carrying %j THEN it is acknowledged and the next command answered',
      async (type, payload) => {
        const ack = await gateway.deliver(type, payload);
        expect(ack.envelope_id).toMatch(/^env-/);
        await answersACommand();
      },
    );

    it.each([{ type: 'event_callback', event_id: 'Ev9', event: null }, [1, 2, 3]])(
      'GIVEN an events_api envelope carrying %j, which the socket client itself cannot read, THEN it is logged and the next command answered',
      async (payload) => {
        void gateway.deliver('events_api', payload);
        await answersACommand();
        expect(logs.join('\n')).toContain('dropped a Socket Mode message the socket client could not read');
      },
    );
  });
});

describe('Slack Socket Mode start-up', () => {
  it('GIVEN an app-level token Slack refuses THEN start-up stops naming SLACK_APP_TOKEN, without the token', async () => {
    const fake = await FakeSlack.start({ botToken: BOT_TOKEN, appToken: 'xapp-the-right-one' });
    const { store, dispatcher } = await dispatcherFor();
    const { log, lines: logs } = capturedLog('info');
    try {
      const error = await startSlack(
        { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl },
        { dispatcher, log },
      ).then(
        async (running) => {
          await running.stop();
          return undefined;
        },
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect(error?.message).toContain('SLACK_APP_TOKEN was refused by Slack (invalid_auth)');
      expect(`${error?.message}\n${logs.join('\n')}`).not.toContain(APP_TOKEN);
    } finally {
      await fake.close();
      await store.close();
    }
  });
});
