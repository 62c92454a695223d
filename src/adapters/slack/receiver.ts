import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import type { PathRoute } from '../calendar-feed.ts';
import type { SeenDeliveries } from './deliveries.ts';
import { FrontDoor } from './front-door.ts';
import { describeError } from './log.ts';

/** Slack's rule for signed requests: a timestamp more than five minutes from now, either way, is refused. */
const MAX_CLOCK_SKEW_S = 5 * 60;
/** Far above anything Slack sends (a full form is a few kilobytes); larger bodies are refused unread. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Slack gives up after 3 s; a request no listener acknowledged by then is acknowledged empty. */
const ACK_DEADLINE_MS = 2500;
const EVENTS_PATH = '/slack/events';

/** A GET route beside the events endpoint (`/healthz`). */
export type Route = (res: ServerResponse) => void;

/**
 * Our own HTTP receiver in front of Bolt's App, in place of Bolt's: Bolt's HTTPReceiver lets one
 * signed body of `null` throw where nothing catches it (the process exits), accepts timestamps in
 * the future, and runs a replayed request again. This one checks the signature and the timestamp
 * (401 when more than five minutes off, either way) before reading a body of any size, parses the
 * body itself (400 when it is not a JSON object), runs each signed request at most once (a replay
 * within its five minutes is acknowledged and dropped), and passes the rest through the FrontDoor.
 * A failure in any one request is logged and answered; it never reaches the process.
 */
export class SlackHttpReceiver implements Receiver {
  private door: FrontDoor | undefined;
  private server: Server | undefined;

  constructor(
    private readonly options: {
      signingSecret: string;
      seen: SeenDeliveries;
      log: Logger;
      routes: Record<string, Route>;
      /** GET routes that match paths themselves (the calendar feed, whose path holds its secret). */
      pathRoutes?: readonly PathRoute[];
    },
  ) {}

  init(app: App): void {
    this.door = new FrontDoor(app, this.options.seen, this.options.log);
  }

  start(port: number): Promise<Server> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.options.log.error(`slack: a request failed: ${describeError(error)}`);
        answer(res, 500);
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        server.on('error', (error) => this.options.log.error(`slack: HTTP server: ${describeError(error)}`));
        resolve(server);
      });
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'POST' && path === EVENTS_PATH) return this.handleSlack(req, res);
    const route = req.method === 'GET' && path !== undefined ? this.options.routes[path] : undefined;
    if (route) return route(res);
    if (req.method === 'GET' && path !== undefined && this.options.pathRoutes?.some((r) => r(path, res)))
      return;
    answer(res, 404);
    req.resume();
  }

  private async handleSlack(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const timestamp = header(req, 'x-slack-request-timestamp');
    const signature = header(req, 'x-slack-signature');
    const contentType = header(req, 'content-type') ?? '';
    const declared = Number(header(req, 'content-length') ?? 0);
    if (declared > MAX_BODY_BYTES) return refuseUnread(req, res, 413);
    // Slack's ssl_check is not signed; it asks only whether the certificate is good.
    if (signature === undefined && contentType.startsWith('application/x-www-form-urlencoded')) {
      const raw = await readBody(req);
      if (raw === undefined) return refuseUnread(req, res, 413);
      const form = new URLSearchParams(raw.toString('utf8'));
      return answer(res, form.get('ssl_check') === '1' ? 200 : 401);
    }
    const sentAt = timestamp !== undefined && /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : undefined;
    if (sentAt === undefined || Math.abs(Date.now() / 1000 - sentAt) > MAX_CLOCK_SKEW_S) {
      return refuseUnread(req, res, 401);
    }
    if (signature === undefined || !/^v0=[0-9a-f]{64}$/.test(signature)) return refuseUnread(req, res, 401);
    const raw = await readBody(req);
    if (raw === undefined) return refuseUnread(req, res, 413);
    const expected = createHmac('sha256', this.options.signingSecret)
      .update(`v0:${timestamp}:`)
      .update(raw)
      .digest('hex');
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature.slice(3)))) return answer(res, 401);
    const body = parseBody(raw.toString('utf8'), contentType);
    if (body === undefined) return answer(res, 400);
    // The same signed bytes can only be a replay: Slack signs each delivery afresh, with its own time.
    const replayableUntil = (sentAt + MAX_CLOCK_SKEW_S + 1) * 1000;
    if (!this.options.seen.first(`signed:${expected}`, replayableUntil)) {
      this.options.log.info('slack: ignored a signed request sent again; it ran once already');
      return answer(res, 200);
    }
    if (body.type === 'url_verification') {
      return answer(res, 200, { challenge: typeof body.challenge === 'string' ? body.challenge : '' });
    }
    await this.pass(body, req, res);
  }

  private async pass(
    body: Record<string, unknown>,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const door = this.door;
    if (door === undefined) return answer(res, 503);
    let acked = false;
    const ack = async (response?: unknown) => {
      if (acked) return;
      acked = true;
      answer(res, 200, response);
    };
    const deadline = setTimeout(() => {
      if (acked) return;
      this.options.log.warn('slack: no listener acknowledged a request in time; acknowledged it empty');
      void ack();
    }, ACK_DEADLINE_MS);
    const retry = header(req, 'x-slack-retry-num');
    const event: ReceiverEvent = {
      body,
      ack,
      ...(retry !== undefined && /^\d{1,4}$/.test(retry) && { retryNum: Number(retry) }),
      ...(header(req, 'x-slack-retry-reason') !== undefined && {
        retryReason: header(req, 'x-slack-retry-reason'),
      }),
    };
    try {
      const outcome = await door.pass(event);
      if (!acked) {
        if (outcome === 'failed') {
          acked = true;
          // The delivery is remembered as run: Slack's retries of it would only be dropped.
          res.setHeader('X-Slack-No-Retry', '1');
          answer(res, 500);
        } else await ack();
      }
    } finally {
      clearTimeout(deadline);
    }
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The body, or undefined when it is larger than any request Slack sends. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Slash commands and interactions come as a form (an interaction as one `payload` field of JSON), events as JSON. */
function parseBody(text: string, contentType: string): Record<string, unknown> | undefined {
  try {
    let parsed: unknown;
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(text);
      const payload = form.get('payload');
      parsed = payload === null ? Object.fromEntries(form) : JSON.parse(payload);
    } else {
      parsed = JSON.parse(text);
    }
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Past this much of a refused body, the connection is cut instead of read to its end. */
const MAX_DISCARDED_BYTES = 8 * MAX_BODY_BYTES;

/**
 * Refuses without keeping the body: the rest is read and thrown away first, so the sender gets the
 * answer rather than a broken connection; past a limit the connection is cut instead.
 */
function refuseUnread(req: IncomingMessage, res: ServerResponse, status: number): void {
  if (req.complete) {
    answer(res, status);
    return;
  }
  let discarded = 0;
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) req.destroy();
  });
  req.on('end', () => answer(res, status));
  req.resume();
}

function answer(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent || res.writableEnded) return;
  if (body === undefined || body === '') {
    res.writeHead(status).end();
  } else if (typeof body === 'string') {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
  } else {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }
}
