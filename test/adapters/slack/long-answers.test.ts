import { afterEach, describe, expect, it } from 'vitest';
import type { FakeCall } from '../../fakes/slack-api.ts';
import { buttonPress } from '../../fakes/slack-requests.ts';
import { smallStoreWithAudit } from '../../fixtures/knowledge-base.ts';
import { blockTexts, buttons, type HttpHarness, startHttpHarness } from './harness.ts';

const STAFF = 'UOFFICE';
const ENTRIES = 700;

/** 700 changes in the audit log, each with a summary that names its number. */
function storeWithLongHistory() {
  return smallStoreWithAudit(
    ...Array.from({ length: ENTRIES }, (_, i) => ({
      at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      actor: `slack:${STAFF}`,
      platform: 'slack' as const,
      action: 'alias',
      summary: `Added the alias "Praga" (pl) for Prague, Czechia: change number ${String(i).padStart(3, '0')}`,
    })),
  );
}

function changeNumbers(pages: unknown[]): string[] {
  return pages.flatMap(
    (blocks) =>
      blockTexts(blocks)
        .join('\n')
        .match(/change number \d{3}/g) ?? [],
  );
}

/**
 * An answer no button may ask for again (a staff command) used to go out as every page at once
 * through the command's response_url, which Slack accepts five times: `history` with 700 entries
 * needs eight pages. Now its pages are kept and each More press brings a response_url of its own.
 */
describe('Slack: long answers that cannot be asked again', () => {
  let slack: HttpHarness;
  afterEach(async () => {
    await slack.close();
  });

  it('GIVEN history with 700 entries THEN every page reaches the asker, none refused by Slack, and no response_url is used more than Slack allows', async () => {
    slack = await startHttpHarness(storeWithLongHistory());
    const acked = await slack.ask('history', { userId: STAFF });
    const pages: unknown[] = [acked.answer?.blocks];
    let more = buttons(acked.answer?.blocks).get('twin_page');
    while (more !== undefined && pages.length < 30) {
      const responseUrl = slack.fake.responseUrl();
      await slack.send(buttonPress({ actionId: 'twin_page', value: more.value, userId: STAFF, responseUrl }));
      const [next] = await slack.fake.waitFor(
        (c) => c.kind === 'respond' && responseUrl.endsWith(`/${c.id}`),
      );
      pages.push((next as FakeCall & { kind: 'respond' }).body.blocks);
      more = buttons(pages.at(-1)).get('twin_page');
    }
    // Stopping waits for answers under way; anything the command's own response_url got is part of the answer.
    await slack.stop();
    for (const call of slack.fake.responses(acked.responseId)) pages.push(call.body.blocks);
    expect(slack.fake.calls.filter((c) => c.error !== undefined)).toEqual([]);
    expect(pages.length).toBeGreaterThan(5);
    const numbers = changeNumbers(pages);
    expect(new Set(numbers).size).toBe(ENTRIES);
    expect(pages.length).toBeGreaterThanOrEqual(7);
  });

  it('GIVEN the pages are no longer kept THEN More tells the presser to ask again', async () => {
    slack = await startHttpHarness(storeWithLongHistory());
    await slack.send(
      buttonPress({
        actionId: 'twin_page',
        value: JSON.stringify({ k: 'not-a-kept-answer', p: 1 }),
        userId: STAFF,
        responseUrl: slack.fake.responseUrl(),
      }),
    );
    const [response] = await slack.fake.waitFor((c) => c.kind === 'respond');
    expect(JSON.stringify(response)).toContain('no longer works');
  });
});
