import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningAdapter } from '../../src/adapters/adapter.ts';
import { connectDiscord } from '../../src/adapters/discord/client.ts';
import { startSlack } from '../../src/adapters/slack/index.ts';
import type { Dispatcher } from '../../src/core/dispatcher.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Store } from '../../src/store/store.ts';
import { FakeDiscord, type FakeMember } from '../fakes/discord.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { freePort, sendToApp, slashCommand } from '../fakes/slack-requests.ts';
import { dispatcherFor, smallStore } from '../fixtures/knowledge-base.ts';
import { APPLICATION_ID, GUILD, TOKEN } from './discord/harness.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './slack/harness.ts';

const SLACK_STAFF = 'UOFFICE';
const DISCORD_STAFF: FakeMember = { userId: '1100000000000000003' };

/** One store and one dispatcher, answered on Slack and on Discord at once, as `npm start` runs them. */
interface Both {
  store: Store;
  dispatcher: Dispatcher;
  slackFake: FakeSlack;
  discordFake: FakeDiscord;
  slack: RunningAdapter;
  discord: RunningAdapter;
  slackUrl: string;
}

let both: Both;

beforeEach(async () => {
  const { store, dispatcher } = await dispatcherFor({
    ...smallStore(),
    settings: { staff: [`slack:${SLACK_STAFF}`, `discord:user:${DISCORD_STAFF.userId}`] },
  });
  const slackFake = await FakeSlack.start({ botToken: BOT_TOKEN });
  const discordFake = await FakeDiscord.start({
    token: TOKEN,
    applicationId: APPLICATION_ID,
    guilds: [GUILD],
  });
  const port = await freePort();
  const log = silentLogger;
  const slack = await startSlack(
    { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port, apiUrl: slackFake.apiUrl },
    { dispatcher, log },
  );
  const discord = await connectDiscord(
    { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: discordFake.apiUrl },
    { dispatcher, log },
  );
  both = { store, dispatcher, slackFake, discordFake, slack, discord, slackUrl: `http://127.0.0.1:${port}` };
});

afterEach(async () => {
  await both.slack.stop();
  await both.discord.stop();
  await both.slackFake.close();
  await both.discordFake.close();
  await both.store.close();
});

/** `/twin <text>` on Slack by the office's Slack staff member: the acknowledgement's text. */
async function onSlack(text: string): Promise<string> {
  const res = await sendToApp(
    both.slackUrl,
    SIGNING_SECRET,
    slashCommand({ text, userId: SLACK_STAFF, responseUrl: both.slackFake.responseUrl() }),
  );
  expect(res.status).toBe(200);
  return res.text();
}

/** `/twin-staff <subcommand>` on Discord by the office's Discord staff member: the answer's embeds as text. */
async function onDiscord(subcommand: string, options: Record<string, string>): Promise<string> {
  const { id } = both.discordFake.slashCommand({
    command: 'twin-staff',
    subcommand,
    options,
    member: DISCORD_STAFF,
  });
  const call = await both.discordFake.callbackOf(id);
  expect(call.status).toBe(204);
  return JSON.stringify(call.body.data?.embeds);
}

describe('Staff edits from Slack and Discord over one store', () => {
  it('GIVEN 20 edits at the same moment, 10 on Slack and 10 on Discord THEN all 20 are kept, each audited with its author and platform', async () => {
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => onSlack(`alias Prague Praga${i} pl`)),
      ...Array.from({ length: 10 }, (_, i) =>
        onDiscord('alias', { city: 'prague-cz', name: `Prahopolis${i}`, lang: 'hu' }),
      ),
    ]);
    // Slack acknowledges a command first when others are waiting, and makes the change right after.
    const namesOfPrague = () => both.store.catalog.city('prague-cz')?.names.map((n) => n.name) ?? [];
    const expected = Array.from({ length: 10 }, (_, i) => [`Praga${i}`, `Prahopolis${i}`]).flat();
    await expect.poll(namesOfPrague, { timeout: 5000 }).toEqual(expect.arrayContaining(expected));
    const names = namesOfPrague();
    // What a clean stop leaves on disk: the journal folded into the file.
    await both.store.journal.compactNow();
    const onDisk = JSON.parse(await readFile(both.store.path, 'utf8'));
    expect(onDisk.cities.find((c: { id: string }) => c.id === 'prague-cz').names).toHaveLength(names.length);
    const audit = onDisk.audit as { actor: string; platform: string; action: string }[];
    expect(audit).toHaveLength(20);
    expect(audit.filter((e) => e.actor === `slack:${SLACK_STAFF}` && e.platform === 'slack')).toHaveLength(
      10,
    );
    expect(
      audit.filter((e) => e.actor === `discord:user:${DISCORD_STAFF.userId}` && e.platform === 'discord'),
    ).toHaveLength(10);
    expect(new Set(audit.map((e) => e.action))).toEqual(new Set(['alias']));
  });

  it('GIVEN a change the store would refuse, asked on either platform THEN refused with the field and reason, file unchanged', async () => {
    const before = await readFile(both.store.path);
    expect(await onSlack('add Skövde, SE / Skövde, SE')).toContain('a city cannot be partnered with itself');
    expect(await onDiscord('add', { city: 'Skövde, SE', with: 'Skövde, SE' })).toContain(
      'a city cannot be partnered with itself',
    );
    expect(await readFile(both.store.path)).toEqual(before);
  });

  it('GIVEN a record made on Discord THEN Slack staff see it in history with who, platform and when, and cannot undo it as theirs', async () => {
    expect(
      await onDiscord('record', {
        city: 'paderborn-de',
        with: 'le-mans-fr',
        milestone: 'renewal',
        date: '2017',
      }),
    ).toContain('Recorded: Paderborn – Le Mans');
    const history = await onSlack('history paderborn le mans');
    expect(history).toContain('Recorded for Paderborn – Le Mans: renewed in 2017');
    expect(history).toContain(`discord:user:${DISCORD_STAFF.userId} · discord`);
    expect(history).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(await onSlack('undo')).toContain('You have no change to undo.');
    expect(await onDiscord('undo', {})).toContain('Undone: Recorded for Paderborn – Le Mans');
    expect(
      both.store.catalog.partnershipBetween('paderborn-de', 'le-mans-fr')?.milestones.map((m) => m.kind),
    ).not.toContain('renewal');
  });
});
