import type { ServerResponse } from 'node:http';
import { App, webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.ts';
import type { Logger } from '../../core/logger.ts';
import type { PathRoute } from '../calendar-feed.ts';
import { listenForButtons } from './buttons.ts';
import { listenForSlashCommand } from './command.ts';
import { listenForConfirmations } from './confirm.ts';
import { listenForConversations } from './conversation.ts';
import { SeenDeliveries } from './deliveries.ts';
import { listenForForms } from './forms.ts';
import type { ListenerDeps } from './listeners.ts';
import { boltLevelOf, boltLogger } from './log.ts';
import { SlackHttpReceiver } from './receiver.ts';
import { Router } from './router.ts';
import { GuardedSocketModeReceiver } from './socket-receiver.ts';
import { SlackUserLocales } from './user-locales.ts';

/**
 * The Bolt app for the configured mode: HTTP (requests signed with the signing secret, `POST
 * /slack/events`, `GET /healthz`, and the calendar feed when it is on) or Socket Mode (a WebSocket opened with the
 * app-level token). Either way requests pass our FrontDoor before Bolt: checked, and run once.
 */
export function createSlackApp(
  config: SlackConfig,
  log: Logger,
  deps: ListenerDeps,
  calendar?: PathRoute,
): { app: App; socket?: GuardedSocketModeReceiver } {
  const common = {
    token: config.botToken,
    logger: boltLogger(log),
    logLevel: boltLevelOf(log),
    // Start-up calls init() itself, so a refused bot token stops start-up with a clear message.
    deferInitialization: true,
    // Bolt's conversation store keeps state between events; every answer here is stateless.
    convoStore: false as const,
    // Bolt's ignoreSelf is one more middleware step on every request; the only handler it could
    // protect, conversations, skips the bot's own messages itself.
    ignoreSelf: false,
    clientOptions: {
      ...(config.apiUrl !== undefined && { slackApiUrl: config.apiUrl }),
      // Bolt's default retries for about 30 minutes; an answer that late helps no one.
      retryConfig: { retries: 2 },
    },
  };
  const seen = new SeenDeliveries();
  const receiver =
    config.mode === 'socket'
      ? new GuardedSocketModeReceiver(
          {
            appToken: config.appToken,
            logger: common.logger,
            logLevel: common.logLevel,
            installerOptions: { clientOptions: common.clientOptions },
          },
          seen,
          log,
        )
      : new SlackHttpReceiver({
          signingSecret: config.signingSecret,
          seen,
          log,
          routes: { '/healthz': healthy },
          ...(calendar !== undefined && { pathRoutes: [calendar] }),
        });
  const app = new App({ ...common, receiver });
  const router = new Router(app);
  const withLocales = { ...deps, locales: new SlackUserLocales(localeClient(config, common), log) };
  listenForSlashCommand(router, withLocales);
  listenForButtons(router, withLocales);
  listenForConfirmations(router, withLocales);
  listenForForms(router, withLocales);
  listenForConversations(router, withLocales);
  return receiver instanceof GuardedSocketModeReceiver ? { app, socket: receiver } : { app };
}

/**
 * The client that asks for people's languages: it never retries and gives up after 2 s, because an
 * answer waits on it and falls back to the workspace's language anyway.
 */
function localeClient(
  config: SlackConfig,
  common: { logger: webApi.WebClientOptions['logger']; clientOptions: { slackApiUrl?: string } },
): webApi.WebClient {
  return new webApi.WebClient(config.botToken, {
    ...common.clientOptions,
    ...(common.logger && { logger: common.logger }),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: LOCALE_TIMEOUT_MS,
  });
}

const LOCALE_TIMEOUT_MS = 2000;

function healthy(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('{"ok":true}');
}
