import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot, variantOf } from './harness.ts';

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('Gateway events that discord.js cannot handle', () => {
  it('GIVEN dispatches that make discord.js throw THEN each is dropped and logged by name and sequence, and the next command is answered', async () => {
    bot = await startBot();
    const { fake } = bot;
    const template = fake.slashCommand({
      command: 'twin',
      subcommand: 'city',
      options: { city: 'prague-cz' },
    });
    await fake.callbackOf(template.id);

    fake.deliverInteraction(null);
    variantOf(fake, template.id, (d) => ({ ...d, data: undefined }));
    variantOf(fake, template.id, (d) => ({ ...d, entitlements: undefined }));
    variantOf(fake, template.id, (d) => ({ ...d, app_permissions: 'not a number' }));
    fake.dispatch('GUILD_CREATE', null);

    const { id } = fake.slashCommand({
      command: 'twin',
      subcommand: 'partners',
      options: { city: 'prague-cz' },
    });
    const call = await fake.callbackOf(id);
    expect(call.status).toBe(204);
    expect(call.body.data.embeds[0].title).toBe('Partner cities of Prague');
    const dropped = bot.logs.filter((line) => line.includes('dropped the gateway event'));
    expect(dropped).toEqual([
      expect.stringMatching(
        /INTERACTION_CREATE #\d+, which discord\.js could not handle: TypeError: .* \| at /,
      ),
      expect.stringMatching(/INTERACTION_CREATE #\d+, .*TypeError/),
      expect.stringMatching(/INTERACTION_CREATE #\d+, .*TypeError/),
      expect.stringMatching(/INTERACTION_CREATE #\d+, .*BitFieldInvalid/),
      expect.stringMatching(/GUILD_CREATE #\d+, .*TypeError/),
    ]);
  });

  it('GIVEN a payload value that discord.js repeats in its error THEN the log line stays one short line', async () => {
    bot = await startBot();
    const { fake } = bot;
    const template = fake.slashCommand({ command: 'twin', subcommand: 'help' });
    await fake.callbackOf(template.id);
    variantOf(fake, template.id, (d) => ({ ...d, app_permissions: 'forged\nlog line '.repeat(100_000) }));
    const { id } = fake.slashCommand({ command: 'twin', subcommand: 'help' });
    await fake.callbackOf(id);
    const [line] = bot.logs.filter((l) => l.includes('dropped the gateway event'));
    expect(line).toMatch(/BitFieldInvalid.*forged log line forged/);
    expect(line).not.toContain('\n');
    expect(line?.length).toBeLessThan(1000);
  });
});
