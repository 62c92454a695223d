import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_IN_ACK_MS } from '../../../src/adapters/slack/deadline.ts';
import type { RespondCall } from '../../fakes/slack-api.ts';
import { buttonPress, slashCommand } from '../../fakes/slack-requests.ts';
import { BOT_TOKEN, blockTexts, buttons, type HttpHarness, startHttpHarness } from './harness.ts';

describe('Slack /twin over HTTP', () => {
  let slack: HttpHarness;
  beforeEach(async () => {
    slack = await startHttpHarness();
  });
  afterEach(async () => {
    await slack.close();
  });

  it('GIVEN /twin agreement prague shanghai THEN the acknowledgement is a private answer that Shanghai terminated it', async () => {
    const acked = await slack.ask('agreement prague shanghai');
    expect(acked.status).toBe(200);
    expect(acked.ms).toBeLessThan(3000);
    expect(acked.answer?.response_type).toBe('ephemeral');
    const texts = blockTexts(acked.answer?.blocks);
    expect(texts[0]).toBe('Prague – Shanghai');
    expect(texts.join('\n')).toContain(
      'terminated by Shanghai on <!date^1578996000^{date_long}|14 January 2020>',
    );
    expect(buttons(acked.answer?.blocks).has('twin_share')).toBe(true);
    expect(acked.answer?.text).toBe('Prague – Shanghai');
    expect(slack.fake.responses()).toEqual([]);
  });

  it('GIVEN an answer slower than an acknowledgement may wait THEN acks empty in time and answers through the response_url', async () => {
    const acked = await slack.ask('slow');
    expect(acked.status).toBe(200);
    expect(acked.answer).toBeUndefined();
    expect(acked.ms).toBeLessThan(ANSWER_IN_ACK_MS + 1000);
    const [late] = (await slack.fake.waitFor(
      (c) => c.kind === 'respond' && c.id === acked.responseId,
    )) as RespondCall[];
    expect(late?.error).toBeUndefined();
    expect(late?.body.response_type).toBe('ephemeral');
    expect(blockTexts(late?.body.blocks)[0]).toBe('finally');
  });

  it('GIVEN an answer still under way THEN stopping waits until it is delivered', async () => {
    const acked = await slack.ask('slow');
    expect(slack.fake.responses()).toEqual([]);
    await slack.stop();
    expect(slack.fake.responses(acked.responseId)).toHaveLength(1);
    expect(slack.logs.at(-1)).toBe('slack: stopped');
  });

  it('GIVEN the Share button pressed THEN the same answer is posted in the channel for everyone, with the bot token', async () => {
    const acked = await slack.ask('agreement prague shanghai', { channelId: 'C0OFFICE' });
    const share = buttons(acked.answer?.blocks).get('twin_share');
    expect(share).toBeDefined();

    const res = await slack.send(
      buttonPress({
        actionId: 'twin_share',
        value: share?.value ?? '',
        responseUrl: slack.fake.responseUrl(),
        channelId: 'C0OFFICE',
      }),
    );
    expect(res.status).toBe(200);
    const call = await slack.posted();
    expect(call.error).toBeUndefined();
    expect(call.token).toBe(BOT_TOKEN);
    expect(call.args.channel).toBe('C0OFFICE');
    expect(call.args.thread_ts).toBeUndefined();
    const withoutButtons = (blocks: unknown) => blockTexts(blocks).filter((t) => !/^(Share|More)/.test(t));
    expect(withoutButtons(call.args.blocks)).toEqual(withoutButtons(acked.answer?.blocks));
    expect(buttons(call.args.blocks).has('twin_share')).toBe(false);
  });

  it('GIVEN --share THEN the answer goes to the channel and nothing private is sent', async () => {
    const acked = await slack.ask('partners Prague --share', { channelId: 'C0OFFICE' });
    expect(acked.answer).toBeUndefined();
    const call = await slack.posted();
    expect(call.args.channel).toBe('C0OFFICE');
    expect(blockTexts(call.args.blocks)[0]).toBe('Partner cities of Prague');
    expect(slack.fake.responses()).toEqual([]);
  });

  it('GIVEN --share in a channel the bot is not in THEN says how to invite it and answers privately', async () => {
    slack.fake.notInChannel.add('C0PRIVATE');
    const acked = await slack.ask('partners Prague --share', { channelId: 'C0PRIVATE' });
    const [notice, answer] = (await slack.fake.waitFor(
      (c) => c.kind === 'respond' && c.id === acked.responseId,
      2,
    )) as RespondCall[];
    expect(String(notice?.body.text)).toContain('/invite @twinbot');
    expect(blockTexts(answer?.body.blocks)[0]).toBe('Partner cities of Prague');
    expect(answer?.body.response_type).toBe('ephemeral');
  });

  it('GIVEN a mistyped city with --share THEN the error stays private', async () => {
    const acked = await slack.ask('partners Pargue --share');
    const [answer] = (await slack.fake.waitFor(
      (c) => c.kind === 'respond' && c.id === acked.responseId,
    )) as RespondCall[];
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(blockTexts(answer?.body.blocks).join('\n')).toContain('No city named "Pargue"');
    expect(buttons(answer?.body.blocks).has('twin_share')).toBe(false);
    expect(slack.fake.apiCalls('chat.postMessage')).toEqual([]);
  });

  it('GIVEN /twin help THEN lists the commands as /twin commands', async () => {
    await slack.close();
    slack = await startHttpHarness(undefined, {}, { probes: false });
    const text = blockTexts((await slack.ask('help')).answer?.blocks).join('\n');
    expect(text).toContain('`/twin partners [city] [in &lt;country&gt;] [page &lt;number&gt;]`');
    expect(text).toContain('`/twin anniversaries [city] [with] [window]`');
  });

  it('GIVEN a non-staff user runs home Prague THEN it is refused and the store is unchanged', async () => {
    const auditBefore = slack.store.catalog.data.audit.length;
    const acked = await slack.ask('home Prague', { userId: 'UVISITOR' });
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain('is for office staff only');
    expect(slack.store.catalog.data.settings.homeCity).toBeUndefined();
    expect(slack.store.catalog.data.audit.length).toBe(auditBefore);
  });

  it('GIVEN a staff user runs home Prague THEN the home city is set, audited as that Slack user, with no button to repeat it', async () => {
    const acked = await slack.ask('home Prague', { userId: 'UOFFICE' });
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain('The home city is now Prague');
    expect(buttons(acked.answer?.blocks).size).toBe(0);
    expect(slack.store.catalog.data.settings.homeCity).toBe('prague-cz');
    expect(slack.store.catalog.data.audit.at(-1)?.actor).toBe('slack:UOFFICE');
  });

  it('GIVEN /twin in a channel THEN the dispatcher knows the asker and the channel as slack:<team>:<channel>', async () => {
    const acked = await slack.ask('where', { userId: 'UOFFICE', channelId: 'C0OFFICE' });
    expect(blockTexts(acked.answer?.blocks)[0]).toBe('asked in slack:T0TWIN:C0OFFICE by UOFFICE');
  });

  it('GIVEN a forged Share button for a staff command THEN nothing runs and the user is told', async () => {
    await slack.send(
      buttonPress({
        actionId: 'twin_share',
        value: JSON.stringify({ t: 'home Prague', p: 0 }),
        responseUrl: slack.fake.responseUrl(),
        userId: 'UOFFICE',
      }),
    );
    const [answer] = (await slack.fake.waitFor((c) => c.kind === 'respond')) as RespondCall[];
    expect(String(answer?.body.text)).toContain('That button no longer works');
    expect(slack.store.catalog.data.settings.homeCity).toBeUndefined();
    expect(slack.fake.apiCalls('chat.postMessage')).toEqual([]);
  });

  it('GIVEN an answer that cannot be delivered THEN the failure is logged without any secret', async () => {
    slack.fake.notInChannel.add('C0PRIVATE');
    const res = await slack.send(
      slashCommand({
        text: 'partners Prague --share',
        channelId: 'C0PRIVATE',
        responseUrl: `${slack.fake.url}/gone`,
      }),
    );
    expect(res.status).toBe(200);
    await expect.poll(() => slack.logs.join('\n')).toContain('could not tell the user');
    const logged = slack.logs.join('\n');
    expect(logged).toContain('/twin failed');
    expect(logged).not.toContain(BOT_TOKEN);
    expect(logged).not.toMatch(/xox[a-z]-/);
  });

  it('GIVEN start-up THEN the bot token was checked once with auth.test', () => {
    const checks = slack.fake.apiCalls('auth.test');
    expect(checks).toHaveLength(1);
    expect(checks[0]?.token).toBe(BOT_TOKEN);
  });
});
