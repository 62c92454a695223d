import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { ConfigError, type SlackConfig } from '../../config.ts';
import type { Logger } from '../../core/logger.ts';
import type { AdapterDeps, Health, RunningAdapter } from '../adapter.ts';
import { calendarFeed } from '../calendar-feed.ts';
import { drawPicture } from '../picture.ts';
import { createSlackApp } from './app.ts';
import { KeptPages } from './kept-pages.ts';
import { describeError, redactingLog } from './log.ts';
import { slackReminderDelivery } from './reminder-delivery.ts';
import { AfterAck } from './work.ts';

/** Starts the Slack adapter in the configured mode; resolves once it can receive questions. */
export async function startSlack(config: SlackConfig, deps: AdapterDeps): Promise<RunningAdapter> {
  const secrets = [
    config.botToken,
    config.mode === 'http' ? config.signingSecret : config.appToken,
    ...(deps.calendarToken !== undefined ? [deps.calendarToken] : []),
  ];
  const log = redactingLog(deps.log, secrets);
  const afterAck = new AfterAck(log);
  const calendar =
    deps.calendarToken === undefined
      ? undefined
      : calendarFeed(deps.calendarToken, () => deps.dispatcher.calendar(), log);
  const { app, socket } = createSlackApp(
    config,
    log,
    { dispatcher: deps.dispatcher, afterAck, kept: new KeptPages(), draw: deps.draw ?? drawPicture, log },
    calendar,
  );
  await app.init().catch((error: unknown) => {
    throw startError('SLACK_BOT_TOKEN', error);
  });
  let health: () => Health;
  if (config.mode === 'http') {
    const server = await app.start(config.port).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new ConfigError(
          `PORT ${config.port} is already in use: stop the other program or choose another PORT.`,
        );
      }
      throw error;
    });
    health = () =>
      server.listening
        ? { ok: true, detail: 'HTTP receiver listening' }
        : { ok: false, detail: 'HTTP receiver closed' };
    const { port } = server.address() as AddressInfo;
    const feed = calendar === undefined ? 'calendar feed off' : 'GET /calendar/<CALENDAR_TOKEN>.ics';
    log.info(`slack: HTTP mode on port ${port} (POST /slack/events, GET /healthz, ${feed})`);
  } else {
    await (app.start() as Promise<unknown>).catch((error: unknown) => {
      throw startError('SLACK_APP_TOKEN', error);
    });
    log.info('slack: Socket Mode, connected');
    health = () =>
      socket?.connected() === true
        ? { ok: true, detail: 'Socket Mode connected' }
        : { ok: false, detail: 'Socket Mode disconnected' };
  }
  return {
    name: 'slack',
    reminders: { platform: 'slack', delivery: slackReminderDelivery(app.client) },
    health,
    stop: () => stop(app, afterAck, log),
  };
}

/** Stops taking questions first, then waits for answers (and their store writes) still under way. */
async function stop(app: App, afterAck: AfterAck, log: Logger): Promise<void> {
  await app.stop();
  await afterAck.drain();
  log.info('slack: stopped');
}

/** Slack's answers that mean the token itself is wrong, as opposed to Slack being unreachable. */
const REFUSED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

function startError(variable: string, error: unknown): Error {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  if (typeof code === 'string' && REFUSED.has(code)) {
    return new ConfigError(
      `${variable} was refused by Slack (${code}): copy it again from the app's settings.`,
    );
  }
  return new Error(`Slack could not be reached to check ${variable}: ${describeError(error)}`);
}
