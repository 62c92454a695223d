import { Client, Events, GatewayCloseCodes, GatewayIntentBits, Partials } from 'discord.js';
import { ConfigError, type DiscordConfig } from '../../config.ts';
import type { Logger } from '../../core/logger.ts';
import { renderDiscordPages } from '../../render/discord.ts';
import type { AdapterDeps, RunningAdapter } from '../adapter.ts';
import { drawPicture } from '../picture.ts';
import { ContainedShardingStrategy } from './contained-shards.ts';
import { type DiscordContext, NO_MENTIONS } from './context.ts';
import { GuildLocales } from './guild-locales.ts';
import { discordHealth } from './health.ts';
import { answerInteraction, messageOf } from './interactions.ts';
import { answerMention } from './mentions.ts';
import { PageStore } from './paging.ts';
import { discordReminderDelivery } from './reminder-delivery.ts';
import { SeenIds } from './seen-ids.ts';
import { slashUsage } from './slash-usage.ts';
import { UnderWay } from './under-way.ts';

export interface DiscordOptions {
  /** Defer answers not ready after this long; default 1.5 s, half of Discord's deadline. */
  deferAfterMs?: number;
}

const DEFAULT_DEFER_AFTER_MS = 1500;

/**
 * Logs the discord.js client in and answers interactions, mentions and direct messages until stopped.
 * No privileged intent: Discord sends the text of messages that mention the bot and of direct
 * messages without Message Content, and other guild messages arrive empty and are ignored.
 */
export async function connectDiscord(
  config: DiscordConfig,
  deps: AdapterDeps,
  options: DiscordOptions = {},
): Promise<RunningAdapter> {
  const { dispatcher, log } = deps;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // A direct message arrives in a channel the client has not cached: without this it is dropped.
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    ...(config.apiUrl !== undefined && { rest: { api: config.apiUrl } }),
    ws: {
      buildStrategy: (manager) =>
        new ContainedShardingStrategy(manager, (event, error) =>
          log.error(
            `discord: dropped the gateway event ${event}, which discord.js could not handle: ${withFrames(error)}`,
          ),
        ),
    },
  });
  const ctx: DiscordContext = {
    dispatcher,
    log,
    pages: new PageStore(),
    render: (reply) =>
      renderDiscordPages(reply, {
        formatCommand: (text, lang) => slashUsage(text, dispatcher.commands, lang),
      }),
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    draw: deps.draw ?? drawPicture,
  };
  // Each interaction and message runs once, however often the gateway delivers it.
  const interactions = new SeenIds();
  const underWay = new UnderWay();
  const guildLocales = new GuildLocales((id) => client.guilds.cache.get(id)?.preferredLocale);
  client.on(Events.InteractionCreate, (interaction) => {
    if (!firstTime(interactions, interaction.id, 'interaction', log)) return;
    guildLocales.learn(interaction.guildId, interaction.guildLocale);
    underWay.start(() => answerInteraction(interaction, ctx));
  });
  const messages = new SeenIds();
  client.on(Events.MessageCreate, (message) => {
    if (!firstTime(messages, message.id, 'message', log)) return;
    underWay.start(() =>
      answerMention(message, client.user?.id ?? '', ctx).catch((error: unknown) =>
        log.error(`discord: mention answer failed: ${messageOf(error)}`),
      ),
    );
  });
  client.on(Events.Error, (error) => log.error(`discord: ${error.message}`));
  // discord.js and @discordjs/ws (gateway, heartbeats, reconnects) report through these events.
  client.on(Events.Warn, (message) => log.warn(`discord: ${message}`));
  if (log.enabled('debug')) client.on(Events.Debug, (message) => log.debug(`discord: ${message}`));
  // Not the route: an interaction's route carries its token.
  client.rest.on('rateLimited', (limit) =>
    log.warn(`discord: rate limited (${limit.global ? 'global' : limit.method}) for ${limit.timeToReset} ms`),
  );

  try {
    await loggedIn(client, config.token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info(
    `discord: connected as ${client.user?.tag ?? '?'} to ${client.guilds.cache.size} server(s), answering mentions and direct messages`,
  );
  // The fuzzy name index is built on first use: build it now, not during someone's first keystroke.
  dispatcher.completeCity('a', 1);
  return {
    name: 'discord',
    reminders: {
      platform: 'discord',
      delivery: discordReminderDelivery(client.rest, ctx.render, guildLocales),
    },
    health: () => discordHealth(client),
    stop: async () => {
      await underWay.finish();
      await client.destroy();
      log.info('discord: stopped');
    },
  };
}

/** Whether an interaction or message is new; a repeat, or an id Discord cannot have sent, is logged. */
function firstTime(seen: SeenIds, id: unknown, what: string, log: Logger): boolean {
  const taken = seen.take(id);
  // The id itself is logged only once known to be a snowflake: anything else could be a megabyte.
  if (taken === 'again') log.info(`discord: ${what} ${String(id)} came again; it runs only once`);
  if (taken === 'not-an-id') log.warn(`discord: ignored the ${what}: its id is not a Discord id`);
  return taken === 'first';
}

/**
 * Resolves once the client is ready. A gateway that closes for good (a refused token or intent)
 * would otherwise leave start-up waiting forever, so that becomes an error saying what to fix.
 */
async function loggedIn(client: Client, token: string): Promise<void> {
  let disconnected: ((event: { code: number }) => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    disconnected = (event) => reject(new ConfigError(refusal(event.code)));
    client.once(Events.ShardDisconnect, disconnected);
  });
  const login = client.login(token).catch((error: unknown) => {
    throw new ConfigError(`Discord login failed: ${messageOf(error)}`);
  });
  try {
    await Promise.all([login, ready]);
  } finally {
    if (disconnected) client.off(Events.ShardDisconnect, disconnected);
  }
}

function refusal(code: number): string {
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return 'Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot > Reset Token).';
    case GatewayCloseCodes.DisallowedIntents:
      // twinbot asks for no privileged intent, so this is Discord's side (or a proxy's), not a setting here.
      return 'Discord refused the gateway intents (Guilds, Guild Messages, Direct Messages; none privileged): check the bot in the Developer Portal, or DISCORD_API_URL if it points elsewhere than Discord.';
    default:
      return `Discord closed the gateway connection (code ${code}).`;
  }
}

/** The error and the first frames of its stack: where discord.js choked, to find the cause. */
function withFrames(error: unknown): string {
  if (!(error instanceof Error)) return messageOf(error);
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 3)
    .map((line) => line.trim());
  return [`${error.name}: ${messageOf(error)}`, ...frames].join(' | ');
}
