import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config.ts';
import { INTENTS } from '../../fakes/discord.ts';
import { type RunningBot, startBot } from './harness.ts';

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('Discord mentions (MessageContent opt-in)', () => {
  it('GIVEN the opt-in THEN identifies with the message intents and answers "@bot partners prague" in the channel', async () => {
    bot = await startBot({ messageContent: true, fake: { privilegedIntents: INTENTS.MessageContent } });
    expect(bot.fake.identifies[0]?.intents).toBe(
      INTENTS.Guilds | INTENTS.GuildMessages | INTENTS.MessageContent | INTENTS.DirectMessages,
    );
    const messageId = bot.fake.message({ content: `<@${bot.fake.botUserId}> partners prague` });
    const post = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === '/channels/1400000000000000001/messages',
    );
    expect(post.status).toBe(200);
    expect(post.body.message_reference.message_id).toBe(messageId);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post.body.embeds[0].title).toBe('Partner cities of Prague');
  });

  it('GIVEN a direct message without a mention THEN answers it in the DM', async () => {
    bot = await startBot({ messageContent: true, fake: { privilegedIntents: INTENTS.MessageContent } });
    const { channelId } = bot.fake.directMessage({ content: 'is Prague still twinned with Shanghai?' });
    const post = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`,
    );
    expect(post.status).toBe(200);
    expect(post.body.embeds[0].description).toMatch(/^No: Shanghai ended the partnership on/);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('GIVEN a message that does not start with the mention THEN no answer', async () => {
    bot = await startBot({ messageContent: true, fake: { privilegedIntents: INTENTS.MessageContent } });
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
    bot = await startBot({ messageContent: true, fake: { privilegedIntents: INTENTS.MessageContent } });
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

  it('GIVEN the opt-in but MessageContent not enabled for the app THEN start-up fails saying how to fix it', async () => {
    const started = startBot({ messageContent: true, fake: { privilegedIntents: 0 } });
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow(/Privileged Gateway Intents.*DISCORD_MESSAGE_CONTENT/);
  });
});
