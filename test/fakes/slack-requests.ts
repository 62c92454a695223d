import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { FAKE_IDS } from './slack-api.ts';

/**
 * Requests as Slack sends them to an app: signed over the exact bytes, slash commands as exactly
 * `application/x-www-form-urlencoded` (Bolt answers 400 to `; charset=UTF-8`), interactions as one
 * `payload` form field, events as JSON.
 */

export interface SignedBody {
  body: string;
  contentType: string;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function signedHeaders(
  secret: string,
  request: SignedBody,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'Content-Type': request.contentType,
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': slackSignature(secret, timestamp, request.body),
  };
}

/** POSTs to the app's events endpoint; `timestamp` and `signature` let a test forge bad ones. */
export async function sendToApp(
  baseUrl: string,
  secret: string,
  request: SignedBody,
  forged: { timestamp?: number; signature?: string } = {},
): Promise<Response> {
  const headers = signedHeaders(secret, request, forged.timestamp);
  if (forged.signature !== undefined) headers['X-Slack-Signature'] = forged.signature;
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body: request.body });
}

export interface SlashCommand {
  text: string;
  userId?: string;
  channelId?: string;
  responseUrl: string;
}

export function slashCommand(command: SlashCommand): SignedBody {
  const fields = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: FAKE_IDS.team,
    team_domain: 'city-office',
    channel_id: command.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: command.userId ?? 'UVISITOR',
    user_name: 'someone',
    command: '/twin',
    text: command.text,
    api_app_id: 'A0TWIN',
    response_url: command.responseUrl,
    trigger_id: '1.2.3',
  });
  return { body: fields.toString(), contentType: 'application/x-www-form-urlencoded' };
}

export interface ButtonPress {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  /** The message the button is on: its ts (and thread). */
  message?: { ts: string; thread_ts?: string };
  /** Whether that message is ephemeral; by default, when no message is given. */
  ephemeral?: boolean;
}

export function buttonPress(press: ButtonPress): SignedBody {
  const channel = press.channelId ?? 'C0GENERAL';
  const messageTs = press.message?.ts ?? '1700000000.000001';
  const payload = {
    type: 'block_actions',
    user: { id: press.userId ?? 'UVISITOR', username: 'someone', name: 'someone', team_id: FAKE_IDS.team },
    api_app_id: 'A0TWIN',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channel,
      is_ephemeral: press.ephemeral ?? press.message === undefined,
    },
    trigger_id: '1.2.3',
    team: { id: FAKE_IDS.team, domain: 'city-office' },
    channel: { id: channel, name: 'general' },
    ...(press.message && { message: { type: 'message', user: FAKE_IDS.botUser, ...press.message } }),
    response_url: press.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: press.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'button' },
        value: press.value,
        action_ts: '1700000000.000002',
      },
    ],
  };
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** An Events API callback around one event. */
export function eventCallback(event: Record<string, unknown>): SignedBody {
  return {
    body: JSON.stringify({
      token: 'legacy-verification-token',
      team_id: FAKE_IDS.team,
      api_app_id: 'A0TWIN',
      event: { event_ts: event.ts, ...event },
      type: 'event_callback',
      event_id: `Ev${Math.random().toString(36).slice(2)}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: FAKE_IDS.team, user_id: FAKE_IDS.botUser, is_bot: true }],
    }),
    contentType: 'application/json',
  };
}

/** A loopback port free right now (for the app's PORT, which must be known before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
