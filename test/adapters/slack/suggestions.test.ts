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
    const acked = await slack.ask('prague shanghai');
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain("I'm not sure what you are asking");
    const run = buttons(acked.answer?.blocks).get('twin_run');
    expect(run?.label).toBe('Run: /twin agreement Prague Shanghai');
    await slack.send(
      buttonPress({ actionId: 'twin_run', value: run?.value ?? '', responseUrl: slack.fake.responseUrl() }),
    );
    const [response] = await slack.fake.waitFor((c) => c.kind === 'respond');
    const body = response?.kind === 'respond' ? response.body : {};
    expect(body.response_type).toBe('ephemeral');
    expect(blockTexts(body.blocks).join('\n')).toContain('terminated by Shanghai');
  });

  it.each([
    'home Prague',
    // Its first word is the everyone command `city`: the whole name must be read.
    'city set Prague tz Asia/Tokyo',
  ])(
    'GIVEN a forged Run button for the staff command "%s", pressed by staff, THEN it runs nothing and says the button no longer works',
    async (text) => {
      const before = JSON.stringify(slack.store.catalog.data);
      await slack.send(
        buttonPress({
          actionId: 'twin_run',
          value: JSON.stringify({ t: text, p: 0 }),
          userId: 'UOFFICE',
          responseUrl: slack.fake.responseUrl(),
        }),
      );
      const [response] = await slack.fake.waitFor((c) => c.kind === 'respond');
      expect(JSON.stringify((response as { body: unknown }).body)).toContain('no longer works');
      expect(JSON.stringify(slack.store.catalog.data)).toBe(before);
    },
  );
});
