import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack } from '../../../src/adapters/slack/index.ts';
import { ConfigError, type SlackConfig } from '../../../src/config.ts';
import { FakeSlack } from '../../fakes/slack-api.ts';
import { eventCallback, freePort, signedHeaders, slashCommand } from '../../fakes/slack-requests.ts';
import { capturedLog } from '../../fixtures/captured-log.ts';
import { dispatcherFor } from '../../fixtures/knowledge-base.ts';
import { BOT_TOKEN, blockTexts, type HttpHarness, SIGNING_SECRET, startHttpHarness } from './harness.ts';

/** An Events API body around `event`, as Slack wraps it. */
function eventBody(event: Record<string, unknown>) {
  return JSON.parse(eventCallback(event).body) as Record<string, unknown>;
}

describe('Slack HTTP receiver', () => {
  let slack: HttpHarness;
  beforeEach(async () => {
    slack = await startHttpHarness();
  });
  afterEach(async () => {
    await slack.close();
  });

  /**
   * The refused requests ask to share an answer, which a handler would post to the fake Slack. A good
   * request afterwards proves the path works, and that its post is the only one that arrived.
   */
  const refusedRequest = () =>
    slashCommand({ text: 'partners Prague --share', responseUrl: slack.fake.responseUrl() });

  async function onlyTheNextGoodRequestIsAnswered(): Promise<void> {
    const good = slashCommand({ text: 'partners Taipei --share', responseUrl: slack.fake.responseUrl() });
    expect((await slack.send(good)).status).toBe(200);
    await slack.fake.waitFor((c) => c.kind === 'api' && c.method === 'chat.postMessage');
    // Start-up's auth.test and the asker's language look-up (users.info) are no answers.
    const reachedSlack = slack.fake.calls.filter(
      (c) => c.kind !== 'api' || (c.method !== 'auth.test' && c.method !== 'users.info'),
    );
    expect(reachedSlack).toHaveLength(1);
    expect(blockTexts(reachedSlack[0]?.kind === 'api' ? reachedSlack[0].args.blocks : [])[0]).toBe(
      'Partner cities of Taipei',
    );
  }

  it('GIVEN a bad signature THEN 401 and no handler runs', async () => {
    const res = await slack.send(refusedRequest(), { signature: `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    await onlyTheNextGoodRequestIsAnswered();
  });

  it('GIVEN a body changed after signing THEN 401 and no handler runs', async () => {
    const request = refusedRequest();
    const res = await fetch(`${slack.baseUrl}/slack/events`, {
      method: 'POST',
      headers: signedHeaders(SIGNING_SECRET, request),
      body: request.body.replace('Prague', 'Taipei'),
    });
    expect(res.status).toBe(401);
    await onlyTheNextGoodRequestIsAnswered();
  });

  it('GIVEN a timestamp older than 5 minutes THEN 401 and no handler runs', async () => {
    const res = await slack.send(refusedRequest(), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    await onlyTheNextGoodRequestIsAnswered();
  });

  it('GIVEN a timestamp ten minutes in the future THEN 401 and no handler runs', async () => {
    const res = await slack.send(refusedRequest(), { timestamp: Math.floor(Date.now() / 1000) + 10 * 60 });
    expect(res.status).toBe(401);
    await onlyTheNextGoodRequestIsAnswered();
  });

  it.each([
    ['a JSON body of null', { body: 'null', contentType: 'application/json' }],
    ['a JSON number', { body: '42', contentType: 'application/json' }],
    ['a JSON array', { body: '[{"type":"event_callback"}]', contentType: 'application/json' }],
    ['a form payload of null', { body: 'payload=null', contentType: 'application/x-www-form-urlencoded' }],
    [
      'a form payload that is no JSON',
      { body: 'payload=%7B', contentType: 'application/x-www-form-urlencoded' },
    ],
  ])('GIVEN a signed request with %s THEN 400, and the app goes on answering', async (_, request) => {
    const res = await slack.send(request);
    expect(res.status).toBe(400);
    await onlyTheNextGoodRequestIsAnswered();
  });

  it.each([
    ['an event of null', { type: 'event_callback', event_id: 'Ev1', event: null }],
    [
      'an event with a channel that is no string',
      eventBody({ type: 'app_mention', channel: 42, text: 'hi', ts: '1' }),
    ],
    ['an event we do not answer', eventBody({ type: 'reaction_added', user: 'U1', item: null })],
    ['a slash command without a user', { command: '/twin', text: 'partners Prague' }],
    [
      'a button press whose actions are not a list',
      { type: 'block_actions', actions: 'twin_run', user: { id: 'U1' } },
    ],
    ['a type nobody sends', { type: 'telepathy', payload: { x: 1 } }],
  ])('GIVEN a signed request with %s THEN 200 and nothing runs', async (_, body) => {
    const res = await slack.send({ body: JSON.stringify(body), contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await onlyTheNextGoodRequestIsAnswered();
  });

  it('GIVEN a body over 1 MB THEN 413 and no handler runs', async () => {
    const request = slashCommand({
      text: `partners ${'x'.repeat(1_100_000)}`,
      responseUrl: slack.fake.responseUrl(),
    });
    const res = await slack.send(request);
    expect(res.status).toBe(413);
    await onlyTheNextGoodRequestIsAnswered();
  });

  it('GIVEN the same signed staff command sent again within five minutes THEN it runs once', async () => {
    const request = slashCommand({
      text: 'alias Prague Praga pl',
      userId: 'UOFFICE',
      responseUrl: slack.fake.responseUrl(),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await slack.send(request, { timestamp });
    const replayed = await slack.send(request, { timestamp });
    expect([first.status, replayed.status]).toEqual([200, 200]);
    expect(await first.text()).toContain('Praga');
    expect(await replayed.text()).toBe('');
    expect(slack.store.catalog.data.audit.filter((entry) => entry.action === 'alias')).toHaveLength(1);
  });

  it('GIVEN an event Slack delivers again (X-Slack-Retry-Num, same event_id) THEN it is answered once', async () => {
    const mention = eventCallback({
      type: 'app_mention',
      user: 'UVISITOR',
      text: '<@UBOT> partners Taipei',
      ts: '1700000300.000100',
      channel: 'C0GENERAL',
    });
    expect((await slack.send(mention)).status).toBe(200);
    for (const retry of [1, 2]) {
      // Slack signs each retry afresh, with the time it sends it.
      const headers = {
        ...signedHeaders(SIGNING_SECRET, mention, Math.floor(Date.now() / 1000) + retry),
        'X-Slack-Retry-Num': String(retry),
        'X-Slack-Retry-Reason': 'http_timeout',
      };
      const res = await fetch(`${slack.baseUrl}/slack/events`, {
        method: 'POST',
        headers,
        body: mention.body,
      });
      expect(res.status).toBe(200);
    }
    await slack.stop();
    expect(slack.fake.apiCalls('chat.postMessage')).toHaveLength(1);
  });

  it('GIVEN GET /healthz THEN 200', async () => {
    const res = await fetch(`${slack.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('Slack start-up', () => {
  async function attempt(config: (fake: FakeSlack) => Promise<SlackConfig>, fakeToken = BOT_TOKEN) {
    const fake = await FakeSlack.start({ botToken: fakeToken });
    const { store, dispatcher } = await dispatcherFor();
    const { log, lines: logs } = capturedLog('info');
    try {
      const error = await startSlack(await config(fake), { dispatcher, log }).then(
        async (running) => {
          await running.stop();
          return undefined;
        },
        (e: unknown) => e as Error,
      );
      return { error, logs };
    } finally {
      await fake.close();
      await store.close();
    }
  }

  it('GIVEN a bot token Slack refuses THEN start-up stops naming SLACK_BOT_TOKEN, without the token', async () => {
    const { error, logs } = await attempt(
      async (fake) => ({
        mode: 'http',
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        port: await freePort(),
        apiUrl: fake.apiUrl,
      }),
      'xoxb-the-right-one',
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toContain('SLACK_BOT_TOKEN was refused by Slack (invalid_auth)');
    expect(error?.message).not.toContain(BOT_TOKEN);
    expect(logs.join('\n')).not.toContain(BOT_TOKEN);
  });

  it('GIVEN a PORT already in use THEN start-up stops naming PORT', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { error } = await attempt(async (fake) => ({
        mode: 'http',
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        port,
        apiUrl: fake.apiUrl,
      }));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error?.message).toBe(
        `PORT ${port} is already in use: stop the other program or choose another PORT.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('GIVEN Slack cannot be reached THEN start-up stops saying so, without the token', async () => {
    const { error } = await attempt(async () => ({
      mode: 'http',
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      port: await freePort(),
      apiUrl: `http://127.0.0.1:${await freePort()}/api/`,
    }));
    expect(error?.message).toMatch(/^Slack could not be reached to check SLACK_BOT_TOKEN: /);
    expect(error?.message).not.toContain(BOT_TOKEN);
  });
});
