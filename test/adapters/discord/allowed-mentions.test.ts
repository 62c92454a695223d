import { afterEach, describe, expect, it } from 'vitest';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { type RunningBot, startBot } from './harness.ts';

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** Shanghai renamed "@everyone", and a note that tries to ping a role, @here and a user. */
function hostileStore() {
  const data = smallStore();
  return {
    ...data,
    cities: (data.cities ?? []).map((c) => (c.id === 'shanghai-cn' ? { ...c, name: '@everyone' } : c)),
    partnerships: (data.partnerships ?? []).map((p) =>
      p.id === 'prague-cz--shanghai-cn'
        ? { ...p, notes: 'Call <@&1600000000000000001>, @here and <@1100000000000000001>' }
        : p,
    ),
  };
}

describe('Discord: stored text never pings', () => {
  it('GIVEN a city named @everyone and a note with role/user mentions THEN allowed_mentions is empty and no mention survives', async () => {
    bot = await startBot({ data: hostileStore() });
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'agreement',
      options: { city: 'prague-cz', with: 'shanghai-cn', share: true },
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const text = JSON.stringify(call.body.data);
    expect(text).toContain('everyone');
    expect(text).not.toMatch(/@everyone|@here|<@&\d|<@\d/);
    expect(call.body.data.embeds[0].fields.find((f: { name: string }) => f.name === 'Notes').value).toBe(
      'Call \\<@&\u200b1600000000000000001>, @\u200bhere and \\<@\u200b1100000000000000001>',
    );
  });
});
