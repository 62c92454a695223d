import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeCall } from '../../fakes/slack-api.ts';
import { buttonPress, eventCallback } from '../../fakes/slack-requests.ts';
import { blockTexts, buttons, type HttpHarness, startHttpHarness } from './harness.ts';
import { hubStore } from './stores.ts';

const PARTNERS = 200;

function messageOf(call: FakeCall | undefined): { blocks: unknown; error?: string | undefined } {
  if (call === undefined || call.kind === 'upload') throw new Error('no message');
  return call.kind === 'respond'
    ? { blocks: call.body.blocks, error: call.error }
    : { blocks: call.args.blocks, error: call.error };
}

/** The partner names in the pages, in order of appearance. */
function partnerNames(pages: unknown[]): string[] {
  return pages.flatMap(
    (blocks) =>
      blockTexts(blocks)
        .join('\n')
        .match(/Partnerville \d{3}/g) ?? [],
  );
}

describe('Slack paging of long answers', () => {
  let slack: HttpHarness;
  beforeEach(async () => {
    slack = await startHttpHarness(hubStore(PARTNERS));
  });
  afterEach(async () => {
    await slack.close();
  });

  it('GIVEN 200 partners privately THEN each page of 20 passes Slack limits, says where it is, and Next walks through all 200, in order', async () => {
    const acked = await slack.ask('partners Hubov');
    const pages: unknown[] = [];
    for (let page = 1; page <= 10; page++) {
      // The first page comes back in the acknowledgement (checked against Slack's limits there).
      const message =
        page === 1
          ? { blocks: acked.answer?.blocks }
          : messageOf((await slack.fake.waitFor((c) => c.kind === 'respond', page - 1)).at(-1));
      expect(message.error, `page ${page} refused by Slack`).toBeUndefined();
      pages.push(message.blocks);
      expect(blockTexts(message.blocks).join('\n')).toContain(
        `200 recorded, shown here ${page * 20 - 19} to ${page * 20} (page ${page} of 10).`,
      );
      const next = buttons(message.blocks).get('twin_more');
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
          // Whether or not Slack includes the ephemeral message itself, the container says it is ephemeral.
          ...(page % 2 === 0 && { message: { ts: `1700000000.00000${page}` } }),
          ephemeral: true,
        }),
      );
    }
    expect(pages).toHaveLength(10);
    const names = partnerNames(pages);
    expect(names).toHaveLength(PARTNERS);
    expect(new Set(names).size).toBe(PARTNERS);
    expect(names).toEqual([...names].sort());
    expect(slack.fake.responses().every((r) => r.body.response_type === 'ephemeral')).toBe(true);
  });

  it('GIVEN 200 partners asked by mention THEN the first page is in the thread and More continues in that thread', async () => {
    await slack.send(
      eventCallback({
        type: 'app_mention',
        user: 'UVISITOR',
        text: '<@UBOT> partners Hubov',
        ts: '1700000200.000100',
        channel: 'C0GENERAL',
      }),
    );
    const [first] = await slack.fake.waitFor((c) => c.kind === 'api' && c.method === 'chat.postMessage');
    if (first?.kind !== 'api') throw new Error('expected a post');
    expect(first.error).toBeUndefined();
    expect(first.args.thread_ts).toBe('1700000200.000100');
    const more = buttons(first.args.blocks).get('twin_more');
    expect(buttons(first.args.blocks).has('twin_share')).toBe(false);
    await slack.send(
      buttonPress({
        actionId: 'twin_more',
        value: more?.value ?? '',
        responseUrl: slack.fake.responseUrl(),
        message: { ts: '1700000000.000100', thread_ts: '1700000200.000100' },
      }),
    );
    const [, second] = await slack.fake.waitFor(
      (c) => c.kind === 'api' && c.method === 'chat.postMessage',
      2,
    );
    if (second?.kind !== 'api') throw new Error('expected a post');
    expect(second.error).toBeUndefined();
    expect(second.args.thread_ts).toBe('1700000200.000100');
    expect(second.args.channel).toBe('C0GENERAL');
    const names = partnerNames([first.args.blocks, second.args.blocks]);
    expect(new Set(names).size).toBe(names.length);
    expect(partnerNames([second.args.blocks])[0]).not.toBe(partnerNames([first.args.blocks])[0]);
  });
});
