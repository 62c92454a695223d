import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot, variantOf } from './harness.ts';

const EPHEMERAL = 64;

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('Discord interactions whatever comes', () => {
  it('GIVEN a handler that fails before answering THEN the user is told privately, and the failure logged', async () => {
    bot = await startBot();
    const { fake } = bot;
    const template = fake.slashCommand({
      command: 'twin',
      subcommand: 'city',
      options: { city: 'prague-cz' },
    });
    await fake.callbackOf(template.id);
    // discord.js keeps `roles: null` as given, and throws when the caller's roles are read.
    const id = variantOf(fake, template.id, (d) => ({ ...d, member: { ...d.member, roles: null } }));
    const call = await fake.callbackOf(id);
    expect(call.status).toBe(204);
    expect(call.body.data.flags).toBe(EPHEMERAL);
    expect(call.body.data.embeds[0].description).toBe(
      'Something went wrong on our side. Please try again later.',
    );
    const failures = bot.logs.filter((line) => line.includes('failed'));
    expect(failures).toEqual([expect.stringMatching(/^discord: interaction failed: .*roles/)]);
    bot.logs.length = 0;
  });

  it.each([
    [
      'a select menu',
      (d: Record<string, unknown>) => ({
        ...d,
        data: { custom_id: 'twin:pick', component_type: 3, values: ['a'] },
      }),
      'button',
    ],
    [
      'a button whose custom_id is a number',
      (d: Record<string, unknown>) => ({ ...d, data: { custom_id: 5, component_type: 2 } }),
      'button',
    ],
    [
      'a button whose custom_id is null',
      (d: Record<string, unknown>) => ({ ...d, data: { custom_id: null, component_type: 2 } }),
      'button',
    ],
    [
      'a button whose custom_id is longer than Discord allows',
      (d: Record<string, unknown>) => ({
        ...d,
        data: { custom_id: `twin:run:${'partners '.repeat(12)}`, component_type: 2 },
      }),
      'button',
    ],
    [
      'a user context-menu command',
      (d: Record<string, unknown>) => ({
        ...d,
        data: {
          id: '1',
          name: 'twin',
          type: 2,
          target_id: '1100000000000000002',
          resolved: { users: { '1100000000000000002': { id: '1100000000000000002', username: 'someone' } } },
        },
      }),
      'slash',
    ],
  ])(
    'GIVEN %s, which the bot never sends THEN a private answer pointing to /twin help',
    async (_, alter, kind) => {
      bot = await startBot();
      const { fake } = bot;
      const template =
        kind === 'button'
          ? fake.button({ customId: 'twin:page:1:1', message: { id: fake.id() } })
          : fake.slashCommand({ command: 'twin', subcommand: 'help' });
      await fake.callbackOf(template.id);
      const call = await fake.callbackOf(variantOf(fake, template.id, alter));
      expect(call.status).toBe(204);
      expect(call.body.data.flags).toBe(EPHEMERAL);
      expect(call.body.data.embeds[0].description).toBe(
        'I have nothing to answer to this. `/twin help` lists what I can do.',
      );
    },
  );
});
