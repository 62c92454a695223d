import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { registerCommands } from '../../../src/adapters/discord/register-commands.ts';
import { openLedger } from '../../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../../src/reminders/scheduler.ts';
import type { StoreInput } from '../../../src/store/schema.ts';
import { PERMISSIONS } from '../../fakes/discord.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { APPLICATION_ID, GUILD, type RunningBot, startBot, TOKEN } from './harness.ts';

const CHANNEL = GUILD.channels[0]?.id ?? '';
const TARGET = `discord:${GUILD.id}:${CHANNEL}`;

let running: RunningBot | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** The seed with a reminder target in the guild's channel, posting on the day (3 June: Le Mans – Paderborn, 60 years). */
function withTarget(extra: Partial<StoreInput['settings']> = {}, lang?: string): StoreInput {
  const data = smallStore();
  return {
    ...data,
    settings: { ...data.settings, ...extra },
    reminders: {
      targets: [{ id: TARGET, timeZone: 'Europe/Paris', leads: [0], ...(lang && { lang }) }],
    },
  } as StoreInput;
}

async function postedEmbed(bot: RunningBot) {
  const scheduler = new ReminderScheduler(bot.store, await openLedger(bot.store.path), {
    discord: bot.bot.reminders?.delivery,
  });
  const report = await scheduler.tick(Temporal.Instant.from('2027-06-03T07:00:00Z'));
  expect(report.posted.map((p) => p.target)).toEqual([TARGET]);
  const post = bot.fake.calls.find(
    (c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages` && c.status === 200,
  );
  return post?.body.embeds[0];
}

describe('Discord: whose language', () => {
  it('GIVEN an interaction with locale fr THEN the answer is a French embed', async () => {
    running = await startBot();
    const { id } = running.fake.slashCommand({
      command: 'twin',
      subcommand: 'partners',
      options: { city: 'prague-cz' },
      locale: 'fr',
    });
    const call = await running.fake.callbackOf(id);
    expect(call.body.data.embeds[0].title).toBe('Villes jumelles : Prague');
  });

  it('GIVEN the commands registered with German names THEN a German member’s /twin partnerstädte stadt:… (sent, as Discord does, with the default names) is answered in German', async () => {
    running = await startBot();
    await registerCommands(
      { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: running.fake.apiUrl },
      commands,
      GUILD.id,
    );
    const put = running.fake.calls.find((c) => c.method === 'PUT' && c.path.endsWith('/commands'));
    expect(put?.status).toBe(200);
    const partners = put?.body[0].options.find((o: { name: string }) => o.name === 'partners');
    expect(partners.name_localizations.de).toBe('partnerstädte');
    expect(partners.options[0].name_localizations.de).toBe('stadt');
    const { id } = running.fake.slashCommand({
      command: 'twin',
      subcommand: 'partners',
      options: { city: 'prague-cz' },
      locale: 'de',
    });
    const call = await running.fake.callbackOf(id);
    expect(call.body.data.embeds[0].title).toBe('Partnerstädte von Prag');
  });

  it('GIVEN a member whose Discord is in Japanese, in a German server THEN the person’s language wins: Japanese', async () => {
    running = await startBot({ fake: { guilds: [{ ...GUILD, locale: 'de' }] } });
    const { id } = running.fake.slashCommand({
      command: 'twin',
      subcommand: 'partners',
      options: { city: 'prague-cz' },
      locale: 'ja',
    });
    const call = await running.fake.callbackOf(id);
    expect(call.body.data.embeds[0].title).toBe('Pragueの姉妹都市・提携都市');
  });

  it('GIVEN a server whose guild_locale is de THEN its reminder is posted in German', async () => {
    running = await startBot({ data: withTarget(), fake: { guilds: [{ ...GUILD, locale: 'de' }] } });
    const embed = await postedEmbed(running);
    expect(embed.title).toBe(
      '🎉 60. Jahrestag der Städtepartnerschaft Le Mans – Paderborn (rundes Jubiläum)',
    );
    expect(embed.description).toContain('Der 60. Jahrestag ist heute.');
  });

  it('GIVEN a bot added with its commands only (no guild object) THEN the server’s language is learned from an interaction there', async () => {
    running = await startBot({
      data: withTarget(),
      fake: { guilds: [{ ...GUILD, locale: 'de' }], commandsOnly: true },
    });
    const { id } = running.fake.slashCommand({ command: 'twin', subcommand: 'help', locale: 'en-GB' });
    await running.fake.callbackOf(id);
    const embed = await postedEmbed(running);
    expect(embed.title).toContain('60. Jahrestag');
  });

  it('GIVEN staff chose French for the server THEN its reminder is French although the server is German', async () => {
    running = await startBot({
      data: withTarget({ languages: { [`discord:${GUILD.id}`]: 'fr' } }),
      fake: { guilds: [{ ...GUILD, locale: 'de' }] },
    });
    const embed = await postedEmbed(running);
    expect(embed.title).toBe('🎉 60e anniversaire du jumelage Le Mans – Paderborn (anniversaire marquant)');
  });

  it('GIVEN a target set with lang es THEN its reminder is Spanish whatever the server and staff say', async () => {
    running = await startBot({
      data: withTarget({ languages: { [`discord:${GUILD.id}`]: 'fr' } }, 'es'),
      fake: { guilds: [{ ...GUILD, locale: 'de' }] },
    });
    const embed = await postedEmbed(running);
    expect(embed.description).toContain('El 60.º aniversario es hoy.');
  });

  it('GIVEN staff whose Discord is in Czech, in a channel where the bot may only read THEN the refusal names the missing permissions in Czech', async () => {
    const staff = { userId: '1100000000000000003' };
    const data = smallStore();
    running = await startBot({
      data: { ...data, settings: { staff: [`discord:user:${staff.userId}`], homeCity: 'prague-cz' } },
      fake: {
        guilds: [
          { ...GUILD, channels: [{ id: CHANNEL, name: 'news', botPermissions: PERMISSIONS.ViewChannel }] },
        ],
      },
    });
    const { id } = running.fake.slashCommand({
      command: 'twin-staff',
      subcommand: 'remind',
      options: { action: 'here' },
      member: staff,
      locale: 'cs',
    });
    // Czech lists join with a no-break space after "a", as Intl writes them.
    const text = JSON.stringify((await running.fake.callbackOf(id)).body.data.embeds).replace(/\u00a0/g, ' ');
    expect(text).toContain(
      'Do tohoto kanálu nemohu posílat připomínky: chybí mi zde oprávnění „Posílat zprávy“ a „Vkládat odkazy“.',
    );
    expect(running.store.catalog.data.reminders.targets).toEqual([]);
  });
});
