import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeCall } from '../../fakes/slack-api.ts';
import { buttonPress } from '../../fakes/slack-requests.ts';
import { blockTexts, buttons, type HttpHarness, startHttpHarness } from './harness.ts';
import { hubStore } from './stores.ts';

const PARTNERS = 200;

function blocksOf(call: FakeCall | undefined): unknown {
  if (call?.kind !== 'respond') throw new Error('expected a response');
  expect(call.error).toBeUndefined();
  return call.body.blocks;
}

describe('Slack: a year of anniversaries made a page at a time', () => {
  let slack: HttpHarness;
  beforeEach(async () => {
    slack = await startHttpHarness(hubStore(PARTNERS));
  });
  afterEach(async () => {
    await slack.close();
  });

  it('GIVEN 200 anniversaries in 2027 THEN each page has a Next button that brings the next 20, until all 200 are shown once', async () => {
    const acked = await slack.ask('anniversaries 2027');
    let blocks: unknown = acked.answer?.blocks;
    const names: string[] = [];
    for (let page = 1; page <= 10; page++) {
      const text = blockTexts(blocks).join('\n');
      expect(text).toContain(
        `200 anniversaries, shown here ${page * 20 - 19} to ${page * 20} (page ${page} of 10).`,
      );
      names.push(...(text.match(/Partnerville \d{3}/g) ?? []));
      const next = buttons(blocks).get('twin_more');
      if (page === 10) {
        expect(next).toBeUndefined();
        break;
      }
      expect(next?.label).toBe('Next');
      await slack.send(
        buttonPress({
          actionId: 'twin_more',
          value: next?.value as string,
          responseUrl: slack.fake.responseUrl(),
          ephemeral: true,
        }),
      );
      blocks = blocksOf((await slack.fake.waitFor((c) => c.kind === 'respond', page)).at(-1));
    }
    expect(names).toHaveLength(PARTNERS);
    expect(new Set(names).size).toBe(PARTNERS);
  });
});
