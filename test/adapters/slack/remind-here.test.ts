import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreInput } from '../../../src/store/schema.ts';
import type { ApiCall, RespondCall } from '../../fakes/slack-api.ts';
import { eventCallback } from '../../fakes/slack-requests.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { type Acked, blockTexts, type HttpHarness, startHttpHarness } from './harness.ts';

const STAFF = 'UOFFICE';

let slack: HttpHarness | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

/** The small store with Prague as the home city, so `remind here` needs no options. */
function withHome(): StoreInput {
  const data = smallStore();
  return { ...data, settings: { ...data.settings, homeCity: 'prague-cz' } };
}

/** The answer to a `/twin` command as its asker reads it: in the acknowledgement, or sent later. */
async function answerText(h: HttpHarness, acked: Acked): Promise<string> {
  if (acked.answer) return blockTexts(acked.answer.blocks).join('\n');
  const [response] = (await h.fake.waitFor(
    (c) => c.kind === 'respond' && c.id === acked.responseId,
    1,
    10_000,
  )) as RespondCall[];
  expect(response?.error).toBeUndefined();
  return blockTexts(response?.body.blocks).join('\n');
}

async function remindHere(h: HttpHarness, channelId: string) {
  const before = await readFile(h.store.path, 'utf8');
  const acked = await h.ask('remind here', { userId: STAFF, channelId });
  expect(acked.status).toBe(200);
  const text = await answerText(h, acked);
  const unchanged = (await readFile(h.store.path, 'utf8')) === before;
  return { text, unchanged };
}

const asked = (h: HttpHarness) =>
  h.fake.apiCalls('conversations.info').map((call: ApiCall) => call.args.channel);

describe('Slack: remind here checks that the bot can post in the channel', () => {
  it('GIVEN a channel the bot is in THEN reminders are set up there, as before', async () => {
    slack = await startHttpHarness(withHome());
    const { text } = await remindHere(slack, 'C0GENERAL');
    expect(text).toContain('Reminders set up for this channel');
    expect(slack.store.catalog.data.reminders.targets).toMatchObject([
      { id: 'slack:T0TWIN:C0GENERAL', timeZone: 'Europe/Prague', enabled: true },
    ]);
    expect(asked(slack)).toEqual(['C0GENERAL']);
  });

  it('GIVEN a public channel the bot is not a member of THEN refuses, says to /invite @twinbot, and writes nothing', async () => {
    slack = await startHttpHarness(withHome());
    slack.fake.notInChannel.add('C0ELSEWHERE');
    const { text, unchanged } = await remindHere(slack, 'C0ELSEWHERE');
    expect(text).toContain("I can't post reminders in this channel: I am not a member of this channel.");
    expect(text).toContain('Type `/invite @twinbot` in this channel, then `/twin remind here` again.');
    expect(unchanged).toBe(true);
    expect(slack.store.catalog.data.reminders.targets).toEqual([]);
  });

  it('GIVEN a private channel the bot is not in (Slack says channel_not_found) THEN the same refusal, nothing written', async () => {
    slack = await startHttpHarness(withHome());
    slack.fake.notInChannel.add('C0SECRET');
    slack.fake.privateChannels.add('C0SECRET');
    const { text, unchanged } = await remindHere(slack, 'C0SECRET');
    expect(text).toContain('`/invite @twinbot`');
    expect(unchanged).toBe(true);
    expect(slack.fake.apiCalls('conversations.info')[0]?.error).toBe('channel_not_found');
  });

  it('GIVEN an app installed before the read scopes were added THEN says it could not check and how to reinstall, nothing written', async () => {
    slack = await startHttpHarness(withHome(), {
      scopes: ['commands', 'chat:write', 'app_mentions:read', 'im:history'],
    });
    const { text, unchanged } = await remindHere(slack, 'C0GENERAL');
    expect(text).toContain('I could not check whether I can post in this channel');
    expect(text).toContain('nothing was set up');
    expect(text).toContain('reinstall the app from the manifest in the README');
    expect(unchanged).toBe(true);
  });

  it('GIVEN Slack unreachable for the check THEN says it could not check and to try again, nothing written', async () => {
    slack = await startHttpHarness(withHome());
    slack.fake.unreachable.add('conversations.info');
    const { text, unchanged } = await remindHere(slack, 'C0GENERAL');
    expect(text).toContain(
      'I could not check whether I can post in this channel (Slack could not be reached), so nothing was set up. Try again in a moment.',
    );
    expect(unchanged).toBe(true);
    expect(slack.store.catalog.data.reminders.targets).toEqual([]);
  });

  it('GIVEN remind here in a direct message with the bot THEN it is set up there', async () => {
    slack = await startHttpHarness(withHome());
    await slack.send(
      eventCallback({
        type: 'message',
        channel_type: 'im',
        user: STAFF,
        text: 'remind here',
        ts: '1700000100.000400',
        channel: 'D0OFFICE',
      }),
    );
    const call = await slack.posted();
    expect(blockTexts(call.args.blocks).join('\n')).toContain('Reminders set up for this channel');
    expect(slack.store.catalog.data.reminders.targets.map((t) => t.id)).toEqual(['slack:T0TWIN:D0OFFICE']);
  });
});
