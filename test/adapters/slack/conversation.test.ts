import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventCallback } from '../../fakes/slack-requests.ts';
import { blockTexts, type HttpHarness, startHttpHarness } from './harness.ts';

describe('Slack mentions and direct messages', () => {
  let slack: HttpHarness;
  beforeEach(async () => {
    slack = await startHttpHarness();
  });
  afterEach(async () => {
    await slack.close();
  });

  it('GIVEN @twinbot partners Kitakami in a channel THEN answers in a thread under the mention', async () => {
    const res = await slack.send(
      eventCallback({
        type: 'app_mention',
        user: 'UVISITOR',
        text: '<@UBOT> partners Kitakami',
        ts: '1700000100.000200',
        channel: 'C0GENERAL',
      }),
    );
    expect(res.status).toBe(200);
    const call = await slack.posted();
    expect(call.args.channel).toBe('C0GENERAL');
    expect(call.args.thread_ts).toBe('1700000100.000200');
    const texts = blockTexts(call.args.blocks);
    expect(texts[0]).toBe('Partner cities of Kitakami');
    expect(texts.join('\n')).toContain('Concord, California (sister city)');
    expect(texts.join('\n')).toContain('October 1974');
  });

  it('GIVEN a mention inside a thread THEN answers in that thread', async () => {
    await slack.send(
      eventCallback({
        type: 'app_mention',
        user: 'UVISITOR',
        text: 'and <@UBOT> agreement san francisco osaka',
        ts: '1700000100.000300',
        thread_ts: '1700000000.000100',
        channel: 'C0GENERAL',
      }),
    );
    const call = await slack.posted();
    expect(call.args.thread_ts).toBe('1700000000.000100');
    expect(blockTexts(call.args.blocks).join('\n')).toContain('disputed');
  });

  it('GIVEN a direct message THEN answers in the DM, not in a thread', async () => {
    await slack.send(
      eventCallback({
        type: 'message',
        channel_type: 'im',
        user: 'UVISITOR',
        text: 'agreement prague shanghai',
        ts: '1700000100.000400',
        channel: 'D0VISITOR',
      }),
    );
    const call = await slack.posted();
    expect(call.args.channel).toBe('D0VISITOR');
    expect(call.args.thread_ts).toBeUndefined();
    expect(blockTexts(call.args.blocks).join('\n')).toContain('terminated by Shanghai');
  });

  it('GIVEN a mention THEN the dispatcher knows the asker and the channel', async () => {
    await slack.send(
      eventCallback({
        type: 'app_mention',
        user: 'UVISITOR',
        text: '<@UBOT> where',
        ts: '1700000100.000900',
        channel: 'C0TOWN',
      }),
    );
    const call = await slack.posted();
    expect(blockTexts(call.args.blocks)).toEqual(['asked in slack:T0TWIN:C0TOWN by UVISITOR']);
  });

  it('GIVEN a mention inside a DM, delivered both as a mention and as a DM THEN it is answered once', async () => {
    const asked = {
      user: 'UVISITOR',
      text: '<@UBOT> partners Taipei',
      ts: '1700000100.000950',
      channel: 'D0VISITOR',
    };
    await slack.send(eventCallback({ type: 'app_mention', ...asked }));
    await slack.send(eventCallback({ type: 'message', channel_type: 'im', ...asked }));
    const call = await slack.posted();
    expect(blockTexts(call.args.blocks)[0]).toBe('Partner cities of Taipei');
    await slack.send(
      eventCallback({ type: 'message', channel_type: 'im', ...asked, text: 'partners Prague' }),
    );
    await slack.fake.waitFor((c) => c.kind === 'api' && c.method === 'chat.postMessage', 2);
    expect(slack.fake.apiCalls('chat.postMessage').map((c) => blockTexts(c.args.blocks)[0])).toEqual([
      'Partner cities of Taipei',
      'Partner cities of Prague',
    ]);
  });

  it('GIVEN a direct message in a thread THEN answers in that thread', async () => {
    await slack.send(
      eventCallback({
        type: 'message',
        channel_type: 'im',
        user: 'UVISITOR',
        text: 'city rzeszow',
        ts: '1700000100.000500',
        thread_ts: '1700000100.000400',
        channel: 'D0VISITOR',
      }),
    );
    const call = await slack.posted();
    expect(call.args.thread_ts).toBe('1700000100.000400');
    expect(blockTexts(call.args.blocks)[0]).toContain('Rzeszów');
  });

  /**
   * Sends events that must go unanswered, then a visitor's question in the same place: the only
   * answer posted must be the visitor's.
   */
  async function expectOnlyTheVisitorAnswered(
    where: Record<string, unknown>,
    ignored: Record<string, unknown>[],
  ) {
    for (const [index, event] of ignored.entries()) {
      const res = await slack.send(eventCallback({ ...where, ts: `1700000100.00070${index}`, ...event }));
      expect(res.status).toBe(200);
    }
    const question = where.type === 'app_mention' ? '<@UBOT> partners Taipei' : 'partners Taipei';
    await slack.send(eventCallback({ ...where, user: 'UVISITOR', text: question, ts: '1700000100.000800' }));
    await slack.posted();
    const answers = slack.fake.apiCalls('chat.postMessage');
    expect(answers).toHaveLength(1);
    expect(blockTexts(answers[0]?.args.blocks)[0]).toBe('Partner cities of Taipei');
  }

  it("GIVEN the bot's own DM message, an edit or another bot THEN nothing is answered", async () => {
    await expectOnlyTheVisitorAnswered({ type: 'message', channel_type: 'im', channel: 'D0VISITOR' }, [
      { user: 'UBOT', text: 'partners Prague' },
      { subtype: 'message_changed', text: 'partners Prague' },
      { user: 'UOTHERBOT', bot_id: 'B0OTHER', text: 'partners Prague' },
    ]);
  });

  it("GIVEN the bot's own message mentioning itself in a channel THEN nothing is answered", async () => {
    await expectOnlyTheVisitorAnswered({ type: 'app_mention', channel: 'C0GENERAL' }, [
      { user: 'UBOT', text: '<@UBOT> partners Prague' },
    ]);
  });
});
