import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreInput } from '../../../src/store/schema.ts';
import { type FakeDiscordOptions, type FakeMember, PERMISSIONS } from '../../fakes/discord.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { GUILD, type RunningBot, startBot } from './harness.ts';

const STAFF: FakeMember = { userId: '1100000000000000003' };
const GENERAL = '1400000000000000001';
/** The bot can read here but not write: a channel for announcements by people only. */
const READ_ONLY = '1400000000000000002';
/** The bot can write here, but its links would not unfurl into embeds. */
const NO_EMBEDS = '1400000000000000003';

const { ViewChannel, SendMessages } = PERMISSIONS;
const CHANNELS = [
  { id: GENERAL, name: 'general' },
  { id: READ_ONLY, name: 'announcements', botPermissions: ViewChannel },
  { id: NO_EMBEDS, name: 'chat', botPermissions: ViewChannel | SendMessages },
];

let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

function staffStore(): StoreInput {
  const data = smallStore();
  return { ...data, settings: { staff: [`discord:user:${STAFF.userId}`], homeCity: 'prague-cz' } };
}

function start(fake: Partial<FakeDiscordOptions> = {}) {
  return startBot({ data: staffStore(), fake: { guilds: [{ ...GUILD, channels: CHANNELS }], ...fake } });
}

/** `/twin-staff remind action:here` in a channel: the text of the answer, and whether the store file changed. */
async function remindHere(running: RunningBot, channelId: string) {
  const before = await readFile(running.store.path, 'utf8');
  const { id } = running.fake.slashCommand({
    command: 'twin-staff',
    subcommand: 'remind',
    options: { action: 'here' },
    member: STAFF,
    channelId,
  });
  const call = await running.fake.callbackOf(id);
  expect(call.status).toBe(204);
  const text = JSON.stringify(call.body.data.embeds);
  return { text, unchanged: (await readFile(running.store.path, 'utf8')) === before };
}

describe('Discord: remind here checks that the bot can post in the channel', () => {
  it('GIVEN a channel where the bot has the permissions of its invite THEN reminders are set up there, as before', async () => {
    bot = await start();
    const { text } = await remindHere(bot, GENERAL);
    expect(text).toContain('Reminders set up for this channel');
    expect(bot.store.catalog.data.reminders.targets).toMatchObject([
      { id: `discord:${GUILD.id}:${GENERAL}`, timeZone: 'Europe/Prague', enabled: true },
    ]);
  });

  it('GIVEN a channel where the bot may not send messages THEN refuses, names what is missing and how to grant it, and writes nothing', async () => {
    bot = await start();
    const { text, unchanged } = await remindHere(bot, READ_ONLY);
    expect(text).toContain(
      "I can't post reminders in this channel: I lack Send Messages and Embed Links here.",
    );
    expect(text).toContain(
      'give me View Channel, Send Messages and Embed Links in this channel (Edit Channel > Permissions), or invite me again with the link in the README',
    );
    expect(text).toContain('Nothing was set up.');
    expect(unchanged).toBe(true);
    expect(bot.store.catalog.data.reminders.targets).toEqual([]);
  });

  it('GIVEN a server the app was added to without its bot THEN refuses and says to invite the bot with the README link, nothing written', async () => {
    bot = await start({ commandsOnly: true });
    const { text, unchanged } = await remindHere(bot, GENERAL);
    expect(text).toContain(
      "I can't post reminders in this channel: I am not in this server, only my commands are.",
    );
    expect(text).toContain('invite me with the link in the README');
    expect(unchanged).toBe(true);
  });

  it('GIVEN a mention in a channel where the bot lacks Embed Links THEN the same check, worked out from the cached roles and overwrites, refuses it', async () => {
    bot = await start();
    bot.fake.message({
      content: `<@${bot.fake.botUserId}> remind here`,
      member: STAFF,
      channelId: NO_EMBEDS,
    });
    const reply = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === `/channels/${NO_EMBEDS}/messages`,
    );
    expect(JSON.stringify(reply.body.embeds)).toContain('I lack Embed Links here');
    expect(bot.store.catalog.data.reminders.targets).toEqual([]);
  });

  it('GIVEN a mention in a channel with the invite permissions THEN reminders are set up there', async () => {
    bot = await start();
    bot.fake.message({ content: `<@${bot.fake.botUserId}> remind here`, member: STAFF, channelId: GENERAL });
    const reply = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === `/channels/${GENERAL}/messages`,
    );
    expect(JSON.stringify(reply.body.embeds)).toContain('Reminders set up for this channel');
    expect(bot.store.catalog.data.reminders.targets.map((t) => t.id)).toEqual([
      `discord:${GUILD.id}:${GENERAL}`,
    ]);
  });

  it('GIVEN a mention in a server whose details lack the bot itself THEN says it could not check and to use the slash command, nothing written', async () => {
    bot = await start({ omitBotMember: true });
    bot.fake.message({ content: `<@${bot.fake.botUserId}> remind here`, member: STAFF, channelId: GENERAL });
    const reply = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === `/channels/${GENERAL}/messages`,
    );
    const text = JSON.stringify(reply.body.embeds);
    expect(text).toContain('I could not check whether I can post in this channel');
    expect(text).toContain('Use `/twin-staff remind` instead');
    expect(bot.store.catalog.data.reminders.targets).toEqual([]);
  });
});
