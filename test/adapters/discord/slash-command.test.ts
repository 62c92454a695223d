import { afterEach, describe, expect, it } from 'vitest';
import { INTENTS } from '../../fakes/discord.ts';
import { type RunningBot, startBot } from './harness.ts';

const EPHEMERAL = 64;
let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('Discord slash commands (real discord.js against a fake Discord)', () => {
  it('GIVEN no privileged intent granted THEN the client identifies with Guilds, Guild Messages and Direct Messages only', async () => {
    bot = await startBot();
    expect(bot.fake.identifies.map((d) => d.intents)).toEqual([
      INTENTS.Guilds | INTENTS.GuildMessages | INTENTS.DirectMessages,
    ]);
  });

  it('GIVEN /twin agreement city:prague-cz with:shanghai-cn THEN an ephemeral embed: terminated by Shanghai', async () => {
    bot = await startBot();
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'agreement',
      options: { city: 'prague-cz', with: 'shanghai-cn' },
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.status).toBe(204);
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags).toBe(EPHEMERAL);
    expect(call.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const [embed] = call.body.data.embeds;
    expect(embed.title).toBe('Prague – Shanghai');
    const status = embed.fields.find((f: { name: string }) => f.name === 'Status');
    expect(status.value).toBe(`terminated by Shanghai on <t:${Date.UTC(2020, 0, 14, 12) / 1000}:D>`);
    expect(call.body.data.components).toEqual([]);
  });

  it('GIVEN share:true THEN the answer is posted without the ephemeral flag', async () => {
    bot = await startBot();
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'partners',
      options: { city: 'prague-cz', share: true },
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.status).toBe(204);
    expect(call.body.data.flags ?? 0).toBe(0);
    expect(call.body.data.embeds[0].title).toBe('Partner cities of Prague');
  });

  it('GIVEN share:true but an unknown city THEN the error stays ephemeral and says what was not found', async () => {
    bot = await startBot();
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'city',
      options: { city: 'Atlantis', share: true },
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.body.data.flags).toBe(EPHEMERAL);
    expect(call.body.data.embeds[0].description).toContain('No city named "Atlantis"');
  });

  it('GIVEN a name that several cities share, typed instead of picked THEN the candidates, never a guess', async () => {
    bot = await startBot();
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'partners',
      options: { city: 'Concord' },
    });
    const call = await bot.fake.callbackOf(id);
    const text = JSON.stringify(call.body.data.embeds);
    expect(text).toContain('Concord, California, United States');
    expect(text).toContain('Concord, Massachusetts, United States');
  });

  it('GIVEN /twin help THEN commands are shown as the slash commands to type', async () => {
    bot = await startBot();
    const { id } = bot.fake.slashCommand({ command: 'twin', subcommand: 'help' });
    const call = await bot.fake.callbackOf(id);
    const description = call.body.data.embeds[0].description as string;
    expect(description).toContain('`/twin agreement city:<city> with:<with>`');
    expect(description).toContain('`/twin-staff home city:<city>`');
  });

  it('GIVEN /twin help from a German member THEN the slash commands show the names German members see in their picker', async () => {
    bot = await startBot();
    const { id } = bot.fake.slashCommand({ command: 'twin', subcommand: 'help', locale: 'de' });
    const call = await bot.fake.callbackOf(id);
    const description = call.body.data.embeds[0].description as string;
    expect(description).toContain('`/twin vereinbarung stadt:<city> partner:<with>`');
    expect(description).toContain('`/twin-staff heimatstadt stadt:<city>`');
    expect(description).not.toContain('/twin agreement');
  });

  it('GIVEN a staff command sent under /twin (stale or forged registration) THEN refused as unknown, nothing run', async () => {
    bot = await startBot();
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'home',
      options: { city: 'prague-cz' },
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.body.data.flags).toBe(EPHEMERAL);
    expect(call.body.data.embeds[0].description).toContain('register-commands');
    expect(bot.store.catalog.data.settings.homeCity).toBeUndefined();
  });
});
