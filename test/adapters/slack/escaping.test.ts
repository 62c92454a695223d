import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventCallback } from '../../fakes/slack-requests.ts';
import { blockTexts, type HttpHarness, startHttpHarness } from './harness.ts';
import { storeWithEvilCity } from './stores.ts';

/** Anything Slack would turn into a ping: `<!channel>`, `<!here>`, `<!everyone>`, `<@U…>`, `<!subteam^…>`. */
const PING = /<[!@]/;

describe('Slack: stored text cannot ping anyone', () => {
  let slack: HttpHarness;
  beforeEach(async () => {
    slack = await startHttpHarness(storeWithEvilCity());
  });
  afterEach(async () => {
    await slack.close();
  });

  /** Every text we sent, except our own `<!date^…>` tokens, which are the one markup we mean. */
  function sentTexts(blocks: unknown, text: unknown): string[] {
    return [...blockTexts(blocks), String(text)].map((t) => t.replace(/<!date\^[^>]*>/g, 'DATE'));
  }

  it('GIVEN a city named with <!channel>, <@U123> and &lt; THEN blocks and fallback text show it as text', async () => {
    const { answer } = await slack.ask('partners evil-town-cz');
    const texts = sentTexts(answer?.blocks, answer?.text);
    for (const text of texts) expect(text).not.toMatch(PING);
    expect(texts[0]).toBe(
      'Partner cities of Evil &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;!subteam^S1&gt; &amp;lt; Town',
    );
    expect(answer?.text).toContain('Evil &lt;!channel&gt;');
  });

  it('GIVEN notes and reasons with <!everyone> THEN the agreement posted in a channel pings no one', async () => {
    await slack.send(
      eventCallback({
        type: 'app_mention',
        user: 'UVISITOR',
        text: '<@UBOT> agreement prague / evil-town-cz',
        ts: '1700000300.000100',
        channel: 'C0GENERAL',
      }),
    );
    const [posted] = await slack.fake.waitFor((c) => c.kind === 'api' && c.method === 'chat.postMessage');
    if (posted?.kind !== 'api') throw new Error('expected a post');
    const texts = sentTexts(posted.args.blocks, posted.args.text);
    for (const text of texts) expect(text).not.toMatch(PING);
    const all = texts.join('\n');
    expect(all).toContain('Ask &lt;!everyone&gt; &amp; &lt;@U999&gt;');
    expect(all).toContain('&lt;!channel&gt; rejoice');
  });
});
