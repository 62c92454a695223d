import { afterEach, describe, expect, it } from 'vitest';
import { INTENTS } from '../../fakes/discord.ts';
import { type RunningBot, startBot } from './harness.ts';

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('Discord mentions and direct messages (no Message Content intent)', () => {
  it('GIVEN an app granted no privileged intent THEN never asks for Message Content, and answers a mention and a DM', async () => {
    bot = await startBot({ fake: { privilegedIntents: 0 } });
    const intents = Number(bot.fake.identifies[0]?.intents);
    expect(intents & INTENTS.MessageContent).toBe(0);
    expect(intents).toBe(INTENTS.Guilds | INTENTS.GuildMessages | INTENTS.DirectMessages);
    const messageId = bot.fake.message({ content: `<@${bot.fake.botUserId}> partners prague` });
    const post = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === '/channels/1400000000000000001/messages',
    );
    expect(post.status).toBe(200);
    expect(post.body.message_reference.message_id).toBe(messageId);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post.body.embeds[0].title).toBe('Partner cities of Prague');
    const { channelId } = bot.fake.directMessage({ content: 'city prague' });
    const dm = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`,
    );
    expect(dm.status).toBe(200);
    expect(dm.body.embeds[0].title).toContain('Prague');
  });

  it('GIVEN Message Content granted in the portal anyway THEN still not asked for', async () => {
    bot = await startBot({ fake: { privilegedIntents: INTENTS.MessageContent } });
    expect(Number(bot.fake.identifies[0]?.intents) & INTENTS.MessageContent).toBe(0);
  });

  it('GIVEN a direct message without a mention THEN answers it in the DM', async () => {
    bot = await startBot();
    const { channelId } = bot.fake.directMessage({ content: 'is Prague still twinned with Shanghai?' });
    const post = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`,
    );
    expect(post.status).toBe(200);
    expect(post.body.embeds[0].description).toMatch(/^No: Shanghai ended the partnership on/);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('GIVEN a message that does not start with the mention THEN no answer', async () => {
    bot = await startBot();
    bot.fake.message({ content: 'partners prague' });
    bot.fake.message({ content: `<@${bot.fake.botUserId}> city prague` });
    const post = await bot.fake.waitFor((c) => c.path.endsWith('/messages'));
    expect(post.body.embeds[0].title).toContain('Prague');
    expect(bot.fake.calls.filter((c) => c.path.endsWith('/messages'))).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>]>([
    ['content that is a number', { content: 42 }],
    ['content that is null', { content: null }],
    ['content that is an object', { content: { text: 'partners prague' } }],
    ['no author', { author: undefined }],
    ['more text than Discord lets anyone write', { content: `<@BOT> partners ${'prague '.repeat(600)}` }],
  ])('GIVEN a mention with %s THEN ignored, without a failure', async (_, change) => {
    bot = await startBot();
    const { fake } = bot;
    const template = fake.message({ content: `<@${fake.botUserId}> city prague` });
    await fake.waitFor((c) => c.path.endsWith('/messages'));
    const altered: Record<string, unknown> = { ...fake.payloadOf(template), ...change, id: fake.id() };
    if (typeof altered.content === 'string') altered.content = altered.content.replace('BOT', fake.botUserId);
    fake.dispatch('MESSAGE_CREATE', altered);
    const fence = fake.message({ content: `<@${fake.botUserId}> city shanghai` });
    await fake.waitFor((c) => c.path.endsWith('/messages') && c.body.message_reference?.message_id === fence);
    const answered = fake.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));
    expect(answered.map((c) => c.body.message_reference.message_id)).toEqual([template, fence]);
  });

  it('GIVEN a guild message that does not mention the bot THEN it arrives without content and is ignored, without a failure', async () => {
    bot = await startBot();
    const { fake } = bot;
    fake.message({ content: 'partners prague' });
    const fence = fake.message({ content: `<@${fake.botUserId}> city shanghai` });
    await fake.waitFor((c) => c.path.endsWith('/messages') && c.body.message_reference?.message_id === fence);
    const answered = fake.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));
    expect(answered.map((c) => c.body.message_reference.message_id)).toEqual([fence]);
  });
});
