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

/** Slack gives every user action (a command, a press, a submitted form) a trigger_id of its own. */
function triggerId(): string {
  return `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${Math.random().toString(16).slice(2, 10)}`;
}

export interface SlashCommand {
  text: string;
  /** By default a fresh one, as Slack sends; the same one twice is the same action delivered twice. */
  triggerId?: string;
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
    trigger_id: command.triggerId ?? triggerId(),
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
    trigger_id: triggerId(),
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

export interface ViewSubmission {
  /** The view as the app opened it (the `view` given to views.open). */
  view: Record<string, unknown>;
  /** What the user entered, by block id: typed text, a picked date (YYYY-MM-DD) or a chosen option's value. */
  values: Record<string, string>;
  userId?: string;
}

interface InputBlock {
  type: string;
  block_id: string;
  element: { type: string; action_id: string; options?: { text: unknown; value: string }[] };
}

/** A modal submitted: Slack sends every input's state, null where the user left it empty. */
export function viewSubmission(submission: ViewSubmission): SignedBody {
  const blocks = (submission.view.blocks ?? []) as InputBlock[];
  const inputs = blocks.filter((block) => block.type === 'input');
  const unknown = Object.keys(submission.values).filter((id) => !inputs.some((b) => b.block_id === id));
  if (unknown.length > 0) throw new Error(`the view has no input blocks ${unknown.join(', ')}`);
  const values = Object.fromEntries(
    inputs.map((block) => [
      block.block_id,
      { [block.element.action_id]: inputState(block, submission.values[block.block_id]) },
    ]),
  );
  const payload = {
    type: 'view_submission',
    team: { id: FAKE_IDS.team, domain: 'city-office' },
    user: {
      id: submission.userId ?? 'UVISITOR',
      username: 'someone',
      name: 'someone',
      team_id: FAKE_IDS.team,
    },
    api_app_id: 'A0TWIN',
    token: 'legacy-verification-token',
    trigger_id: triggerId(),
    view: {
      id: 'V0FORM',
      team_id: FAKE_IDS.team,
      app_id: 'A0TWIN',
      bot_id: FAKE_IDS.bot,
      hash: '1700000000.abcdef',
      private_metadata: '',
      ...submission.view,
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

function inputState(block: InputBlock, value: string | undefined): Record<string, unknown> {
  const { type, options } = block.element;
  switch (type) {
    case 'datepicker':
      return { type, selected_date: value ?? null };
    case 'static_select': {
      if (value === undefined) return { type, selected_option: null };
      const option = options?.find((o) => o.value === value);
      if (!option) throw new Error(`${block.block_id} offers no option ${value}`);
      return { type, selected_option: option };
    }
    default:
      return { type, value: value ?? null };
  }
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
