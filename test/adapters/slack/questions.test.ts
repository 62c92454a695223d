import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventCallback } from '../../fakes/slack-requests.ts';
import { blockTexts, type HttpHarness, startHttpHarness } from './harness.ts';

describe('Slack: questions in plain words', () => {
  let slack: HttpHarness;
  beforeEach(async () => {
    slack = await startHttpHarness();
  });
  afterEach(async () => {
    await slack.close();
  });

  it('GIVEN "@twinbot is Prague still twinned with Shanghai?" THEN the thread answer starts with "No: Shanghai ended ..."', async () => {
    const res = await slack.send(
      eventCallback({
        type: 'app_mention',
        user: 'UVISITOR',
        text: '<@UBOT> is Prague still twinned with Shanghai?',
        ts: '1700000300.000100',
        channel: 'C0GENERAL',
      }),
    );
    expect(res.status).toBe(200);
    const [call] = await slack.fake.waitFor((c) => c.kind === 'api' && c.method === 'chat.postMessage');
    if (call?.kind !== 'api') throw new Error('expected chat.postMessage');
    expect(call.args.thread_ts).toBe('1700000300.000100');
    const texts = blockTexts(call.args.blocks);
    expect(texts[0]).toBe('Prague – Shanghai');
    expect(texts[1]).toMatch(
      /^No: Shanghai ended the partnership on <!date\^\d+\^[^|]+\|14 January 2020>\.$/,
    );
  });
});
