import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from './harness.ts';

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('Discord: questions in plain words', () => {
  it('GIVEN "@bot is Prague still twinned with Shanghai?" THEN the channel answer starts with "No: Shanghai ended ..."', async () => {
    bot = await startBot();
    const messageId = bot.fake.message({
      content: `<@${bot.fake.botUserId}> is Prague still twinned with Shanghai?`,
    });
    const post = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === '/channels/1400000000000000001/messages',
    );
    expect(post.body.message_reference.message_id).toBe(messageId);
    const embed = post.body.embeds[0];
    expect(embed.title).toBe('Prague – Shanghai');
    expect(embed.description).toMatch(/^No: Shanghai ended the partnership on <t:\d+:D>\./);
  });
});
