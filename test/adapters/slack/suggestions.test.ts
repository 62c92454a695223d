import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonPress } from '../../fakes/slack-requests.ts';
import { blockTexts, buttons, type HttpHarness, startHttpHarness } from './harness.ts';

let slack: HttpHarness;
beforeEach(async () => {
  slack = await startHttpHarness();
});
afterEach(async () => {
  await slack.close();
});

describe('Slack suggestion buttons', () => {
  it('GIVEN a question the bot is not sure of THEN the suggested command is a button, and pressing it answers privately', async () => {
    const acked = await slack.ask('prague shanghai 2020');
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain("I'm not sure what you are asking");
    const run = buttons(acked.answer?.blocks).get('twin_run:0');
    expect(run?.label).toBe('Run: /twin agreement Prague Shanghai');
    await slack.send(
      buttonPress({ actionId: 'twin_run:0', value: run?.value ?? '', responseUrl: slack.fake.responseUrl() }),
    );
    const [response] = await slack.fake.waitFor((c) => c.kind === 'respond');
    const body = response?.kind === 'respond' ? response.body : {};
    expect(body.response_type).toBe('ephemeral');
    expect(blockTexts(body.blocks).join('\n')).toContain('terminated by Shanghai');
  });

  it('GIVEN agreement for two known cities without a tie THEN both suggestions are buttons Slack accepts, and each runs its own command', async () => {
    // ask() fails if Slack would refuse the acknowledgement (two buttons with one action_id: invalid_blocks).
    const acked = await slack.ask('agreement Taipei Shanghai');
    const shown = buttons(acked.answer?.blocks);
    const runs = [...shown].filter(([id]) => id.startsWith('twin_run'));
    expect(runs.map(([, b]) => b.label)).toEqual([
      'Run: /twin partners taipei-tw',
      'Run: /twin partners shanghai-cn',
    ]);
    for (const [actionId, { value }] of runs) {
      await slack.send(buttonPress({ actionId, value, responseUrl: slack.fake.responseUrl() }));
    }
    const answers = await slack.fake.waitFor((c) => c.kind === 'respond', 2);
    const titles = answers.map((c) => (c.kind === 'respond' ? blockTexts(c.body.blocks)[0] : ''));
    expect(titles.sort()).toEqual(['Partner cities of Shanghai', 'Partner cities of Taipei']);
  });
});

/**
 * Buttons carry the command they run as structured values. Before that, a button carried text that
 * was checked by splitting on plain spaces and then run by the text grammar, which splits on any
 * whitespace and drops `--yes`: a tab, a newline, a leading or non-breaking space turned a "harmless"
 * value into a staff write. Every forged value below, pressed by a staff member, must run nothing.
 */
describe('Slack buttons with forged values', () => {
  const STAFF = 'UOFFICE';
  const texts = [
    'home\tPrague',
    'home\nPrague',
    ' home Prague',
    'home\u00a0Prague',
    '\u3000home Prague',
    '--yes home Prague',
    'city --yes set Prague tz Asia/Tokyo',
    'city\tset Prague tz Asia/Tokyo',
    'home Prague',
  ];
  const asText = texts.map((text) => JSON.stringify({ t: text, p: 0 }));
  const asAction = [
    { c: 'home', a: { city: 'Prague' }, p: 0 },
    { c: 'home\t', a: { city: 'Prague' }, p: 0 },
    { c: 'city set', a: { city: 'Prague', field: 'tz', value: 'Asia/Tokyo' }, p: 0 },
    { c: 'alias', a: { city: 'Prague', name: 'Praga' }, p: 0 },
  ].map((value) => JSON.stringify(value));

  it.each(
    ['twin_run', 'twin_share', 'twin_more'].flatMap((actionId) =>
      [...asText, ...asAction].map((value) => ({ actionId, value })),
    ),
  )(
    'GIVEN $actionId carrying $value, pressed by staff, THEN nothing runs and the presser is told the button no longer works',
    async ({ actionId, value }) => {
      const before = JSON.stringify(slack.store.catalog.data);
      await slack.send(
        buttonPress({
          actionId,
          value,
          userId: STAFF,
          channelId: 'C0OFFICE',
          responseUrl: slack.fake.responseUrl(),
        }),
      );
      const [response] = await slack.fake.waitFor((c) => c.kind === 'respond');
      expect(JSON.stringify((response as { body: unknown }).body)).toContain('no longer works');
      expect(JSON.stringify(slack.store.catalog.data)).toBe(before);
      expect(slack.store.catalog.data.settings.homeCity).toBeUndefined();
    },
  );
});
