import { afterEach, describe, expect, it } from 'vitest';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { type RunningBot, startBot } from './harness.ts';

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('Discord suggestion buttons', () => {
  it('GIVEN a question the bot is not sure of THEN the suggestion is a button that runs it privately for whoever presses it', async () => {
    bot = await startBot();
    bot.fake.message({ content: `<@${bot.fake.botUserId}> prague shanghai 2020` });
    const post = await bot.fake.waitFor((c) => c.method === 'POST' && c.path.endsWith('/messages'));
    const run = post.body.components[0].components[0];
    expect(run).toMatchObject({
      label: 'Run: agreement Prague Shanghai',
      custom_id: 'twin:run:agreement Prague Shanghai',
    });

    const click = bot.fake.button({ customId: run.custom_id, message: { ...post.body, id: bot.fake.id() } });
    const answer = await bot.fake.callbackOf(click.id);
    expect(answer.status).toBe(204);
    expect(answer.body.type).toBe(4);
    expect(answer.body.data.flags).toBe(64);
    expect(JSON.stringify(answer.body.data.embeds)).toContain('terminated by Shanghai');
    expect(answer.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it.each([
    'home Prague',
    // Its first word is the everyone command `city`: the whole name must be read.
    'city set Prague tz Asia/Tokyo',
    // The text grammar drops `--yes` before it reads the command's name: the check must read the same.
    'city --yes set Prague tz Asia/Tokyo',
    '--yes home Prague',
    'home\tPrague',
    ' home\nPrague',
    'home\u00a0Prague',
    '\u3000home Prague',
  ])(
    'GIVEN a forged button for the staff command "%s", pressed by staff, THEN nothing runs and the store is unchanged',
    async (text) => {
      const member = { userId: '1100000000000000042' };
      bot = await startBot({
        data: { ...smallStore(), settings: { staff: [`discord:user:${member.userId}`] } },
      });
      const before = JSON.stringify(bot.store.catalog.data);
      const click = bot.fake.button({
        customId: `twin:run:${text}`,
        message: { id: bot.fake.id(), embeds: [], components: [] },
        member,
      });
      const answer = await bot.fake.callbackOf(click.id);
      expect(JSON.stringify(answer.body.data.embeds)).toContain('cannot run this command');
      expect(JSON.stringify(bot.store.catalog.data)).toBe(before);
    },
  );
});
