import type { ServerResponse } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import type { SlackConfig } from '../../config.ts';
import { listenForButtons } from './buttons.ts';
import { listenForSlashCommand } from './command.ts';
import { listenForConfirmations } from './confirm.ts';
import { listenForConversations } from './conversation.ts';
import { listenForForms } from './forms.ts';
import type { ListenerDeps } from './listeners.ts';
import { boltLogger, type Log } from './log.ts';
import { Router } from './router.ts';

/**
 * The Bolt app for the configured mode: HTTP (requests signed with the signing secret, `POST
 * /slack/events`, `GET /healthz`, `GET /calendar.ics`) or Socket Mode (a WebSocket opened with the app-level token).
 */
export function createSlackApp(config: SlackConfig, log: Log, deps: ListenerDeps): App {
  const common = {
    token: config.botToken,
    logger: boltLogger(log),
    logLevel: LogLevel.WARN,
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
  const app =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({
          ...common,
          signingSecret: config.signingSecret,
          customRoutes: [
            { path: '/healthz', method: ['GET'], handler: (_req, res) => healthy(res) },
            { path: '/calendar.ics', method: ['GET'], handler: (_req, res) => calendar(res, deps) },
          ],
        });
  const router = new Router(app);
  listenForSlashCommand(router, deps);
  listenForButtons(router, deps);
  listenForConfirmations(router, deps);
  listenForForms(router, deps);
  listenForConversations(router, deps);
  return app;
}

/** The anniversaries calendar that offices subscribe to in Outlook or Google Calendar. */
function calendar(res: ServerResponse, deps: ListenerDeps): void {
  res.writeHead(200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': 'inline; filename="anniversaries.ics"',
  });
  res.end(deps.dispatcher.calendar());
}

function healthy(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('{"ok":true}');
}
