import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackMessageError, slackViewError } from './slack-limits.ts';

/**
 * A fake of the Slack Web API and of interaction response_urls on 127.0.0.1, for driving the real Bolt
 * app in tests. It records every call, answers like Slack does, and refuses what Slack refuses.
 */

export const FAKE_IDS = { team: 'T0TWIN', botUser: 'UBOT', bot: 'BBOT' } as const;

/** How often Slack lets an app post to one response_url. */
export const RESPONSE_URL_USES = 5;

/** A Web API method call (`/api/<method>`, form-encoded with the token in the header). */
export interface ApiCall {
  kind: 'api';
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
  /** Set when the fake refused the call, with Slack's error code. */
  error?: string;
}

/** A POST to an interaction's response_url (JSON), as `respond()` sends it. */
export interface RespondCall {
  kind: 'respond';
  id: string;
  body: Record<string, unknown>;
  error?: string;
}

/** The bytes of a file sent to an upload URL that `files.getUploadURLExternal` handed out. */
export interface UploadCall {
  kind: 'upload';
  fileId: string;
  bytes: Uint8Array;
  error?: string;
}

export type FakeCall = ApiCall | RespondCall | UploadCall;

/** A file upload under way or done, as `files.getUploadURLExternal` started it. */
interface Upload {
  filename: string;
  length: number;
  altText?: string;
  bytes?: Uint8Array;
  /** Set by `files.completeUploadExternal`: the channel it was shared to, or none (private). */
  completed?: { channel?: string };
}

export interface FakeSlackOptions {
  botToken: string;
  appToken?: string;
  /** The bot scopes the workspace granted at install; all of them when not given. */
  scopes?: readonly string[];
}

export class FakeSlack {
  readonly calls: FakeCall[] = [];
  /** Channels the bot is not a member of: posting there fails with `not_in_channel`. */
  readonly notInChannel = new Set<string>();
  /** Private channels: to a bot that is not a member, Slack answers `channel_not_found` about them. */
  readonly privateChannels = new Set<string>();
  /** Each person's locale, as `users.info` tells it with `include_locale` (none for people not listed). */
  readonly userLocales = new Map<string, string>();
  /** Methods whose requests never get an answer: the connection drops, as when the network fails. */
  readonly unreachable = new Set<string>();
  /** Methods Slack answers with 503 Service Unavailable, as in an outage. */
  readonly down = new Set<string>();
  /**
   * Methods whose answers wait until `release()`: an answer still under way (or, never released, one
   * that never comes back, as over a network that silently drops).
   */
  readonly held = new Set<string>();
  private readonly holding: (() => void)[] = [];
  /** What `apps.connections.open` hands out (a local WebSocket server's URL). */
  socketUrl: string | undefined;
  /** Files by id, from `files.getUploadURLExternal` on. */
  readonly uploads = new Map<string, Upload>();
  private nextFile = 1;
  private nextTs = 100;
  private nextResponseUrl = 1;
  private readonly responseUrlUses = new Map<string, number>();
  private waiters: { check: () => void }[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: FakeSlackOptions,
  ) {}

  static async start(options: FakeSlackOptions): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      fake?.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlack(server, `http://127.0.0.1:${port}`, options);
    return fake;
  }

  /** The base URL to give Bolt (`clientOptions.slackApiUrl`, or SLACK_API_URL). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A fresh response_url for one interaction. */
  responseUrl(): string {
    return `${this.url}/respond/${this.nextResponseUrl++}`;
  }

  apiCalls(method?: string): ApiCall[] {
    return this.calls.filter(
      (c): c is ApiCall => c.kind === 'api' && (method === undefined || c.method === method),
    );
  }

  uploadCalls(): UploadCall[] {
    return this.calls.filter((c): c is UploadCall => c.kind === 'upload');
  }

  responses(id?: string): RespondCall[] {
    return this.calls.filter(
      (c): c is RespondCall => c.kind === 'respond' && (id === undefined || c.id === id),
    );
  }

  /** Resolves once `count` calls match, or fails after `timeoutMs` listing what did arrive. */
  waitFor(match: (call: FakeCall) => boolean, count = 1, timeoutMs = 5000): Promise<FakeCall[]> {
    return new Promise((resolve, reject) => {
      const waiter = {
        check: () => {
          const found = this.calls.filter(match);
          if (found.length < count) return;
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(found);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`fake Slack: wanted ${count} matching calls; got: ${this.describeCalls()}`));
      }, timeoutMs);
      this.waiters.push(waiter);
      waiter.check();
    });
  }

  private describeCalls(): string {
    return JSON.stringify(
      this.calls.map((c) =>
        c.kind === 'api' ? c.method : c.kind === 'upload' ? `upload/${c.fileId}` : `respond/${c.id}`,
      ),
    );
  }

  /** How many requests wait for `release()`. */
  get waiting(): number {
    return this.holding.length;
  }

  /** Lets the held answers go (see `held`). */
  release(): void {
    this.held.clear();
    for (const answer of this.holding.splice(0)) answer();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBytes(req);
    const raw = bytes.toString('utf8');
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (req.method === 'POST' && path.startsWith('/upload/')) {
      const fileId = path.slice('/upload/'.length);
      const sent = await uploadedBytes(bytes, req.headers['content-type']);
      const error = this.uploadError(fileId, sent);
      this.record({ kind: 'upload', fileId, bytes: sent, ...(error && { error }) });
      if (error)
        res.writeHead(error === 'unknown_upload' ? 404 : 400, { 'Content-Type': 'text/plain' }).end(error);
      else res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`OK - ${sent.length}`);
      return;
    }
    if (req.method === 'POST' && path.startsWith('/respond/')) {
      const id = path.slice('/respond/'.length);
      const body = JSON.parse(raw) as Record<string, unknown>;
      // Slack lets an app use a response_url five times (within 30 minutes); it documents no answer
      // for a sixth, which in practice is refused with 404 `used_url`.
      const uses = (this.responseUrlUses.get(id) ?? 0) + 1;
      this.responseUrlUses.set(id, uses);
      const error =
        uses > RESPONSE_URL_USES ? 'used_url' : (slackMessageError(body) ?? this.imageError(body));
      this.record({ kind: 'respond', id, body, ...(error && { error }) });
      if (error === 'used_url') res.writeHead(404, { 'Content-Type': 'text/plain' }).end(error);
      else if (error) sendJson(res, { ok: false, error }, 400);
      else sendJson(res, { ok: true });
      return;
    }
    if (req.method === 'POST' && path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const args = parseForm(raw, req.headers['content-type']);
      if (this.down.has(method)) {
        this.record({ kind: 'api', method, token, args, error: 'down' });
        res.writeHead(503).end();
        return;
      }
      if (this.unreachable.has(method)) {
        this.record({ kind: 'api', method, token, args, error: 'unreachable' });
        req.socket.destroy();
        return;
      }
      if (this.held.has(method)) await new Promise<void>((resolve) => this.holding.push(resolve));
      const result = this.answer(method, token, args);
      this.record({
        kind: 'api',
        method,
        token,
        args,
        ...(result.ok === false && { error: String(result.error) }),
      });
      sendJson(res, result);
      return;
    }
    res.writeHead(404).end();
  }

  private answer(
    method: string,
    token: string | undefined,
    args: Record<string, unknown>,
  ): Record<string, unknown> {
    if (method === 'apps.connections.open') {
      if (token === undefined || token !== this.options.appToken) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url: this.socketUrl };
    }
    if (token !== this.options.botToken) return { ok: false, error: 'invalid_auth' };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          user_id: FAKE_IDS.botUser,
          bot_id: FAKE_IDS.bot,
          team_id: FAKE_IDS.team,
          user: 'twinbot',
        };
      case 'chat.postMessage': {
        const channel = String(args.channel ?? '');
        if (channel === '') return { ok: false, error: 'channel_not_found' };
        if (this.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        const error = slackMessageError(args) ?? this.imageError(args);
        if (error) return { ok: false, error };
        const ts = `1700000000.${String(this.nextTs++).padStart(6, '0')}`;
        return {
          ok: true,
          channel,
          ts,
          message: { type: 'message', ts, text: args.text, bot_id: FAKE_IDS.bot },
        };
      }
      case 'files.getUploadURLExternal':
        return this.startUpload(args);
      case 'files.completeUploadExternal':
        return this.completeUpload(args);
      case 'conversations.info':
        return this.conversationInfo(String(args.channel ?? ''));
      case 'users.info':
        return this.userInfo(String(args.user ?? ''), args.include_locale);
      case 'views.open': {
        // Slack opens a view only for the trigger_id of a user's action (a slash command, a button).
        if (typeof args.trigger_id !== 'string' || args.trigger_id === '')
          return { ok: false, error: 'invalid_trigger_id' };
        const error = slackViewError(args.view);
        if (error) return { ok: false, error };
        return { ok: true, view: { id: `V${this.nextTs++}`, ...(args.view as object) } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /**
   * Step 1 of an upload: Slack wants the file's name and its length in bytes (a positive integer),
   * and answers with where to send the bytes and the file's id.
   */
  private startUpload(args: Record<string, unknown>): Record<string, unknown> {
    const { scopes } = this.options;
    if (scopes !== undefined && !scopes.includes('files:write'))
      return { ok: false, error: 'missing_scope', needed: 'files:write', provided: scopes.join(',') };
    const filename = typeof args.filename === 'string' ? args.filename : '';
    const length = Number(args.length);
    if (filename === '' || !Number.isInteger(length) || length <= 0)
      return { ok: false, error: 'invalid_arguments' };
    const id = `F0PIC${String(this.nextFile++).padStart(4, '0')}`;
    const altText = typeof args.alt_text === 'string' ? args.alt_text : undefined;
    this.uploads.set(id, { filename, length, ...(altText !== undefined && { altText }) });
    return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
  }

  /** Step 2: the bytes, once, exactly as many as step 1 announced. */
  private uploadError(fileId: string, bytes: Uint8Array): string | undefined {
    const upload = this.uploads.get(fileId);
    if (!upload) return 'unknown_upload';
    if (upload.bytes !== undefined) return 'already_uploaded';
    if (bytes.length !== upload.length) return 'length_mismatch';
    upload.bytes = bytes;
    return undefined;
  }

  /**
   * Step 3: completes files whose bytes arrived. Without `channel_id` (or `channels`) the file is
   * private to the uploader: it is shared only by messages that show it.
   */
  private completeUpload(args: Record<string, unknown>): Record<string, unknown> {
    const files = args.files;
    if (!Array.isArray(files) || files.length === 0) return { ok: false, error: 'invalid_arguments' };
    const channel = typeof args.channel_id === 'string' ? args.channel_id : undefined;
    const done: Record<string, unknown>[] = [];
    for (const file of files as { id?: unknown; title?: unknown }[]) {
      const upload = this.uploads.get(String(file.id));
      if (!upload || upload.completed) return { ok: false, error: 'file_not_found' };
      if (upload.bytes === undefined) return { ok: false, error: 'file_upload_incomplete' };
      upload.completed = channel === undefined ? {} : { channel };
      done.push({
        id: file.id,
        name: upload.filename,
        title: typeof file.title === 'string' ? file.title : upload.filename,
        size: upload.length,
        ...(upload.altText !== undefined && { alt_txt: upload.altText }),
      });
    }
    return { ok: true, files: done };
  }

  /** An image block showing a file must name one whose upload was completed; Slack refuses others. */
  private imageError(message: Record<string, unknown>): string | undefined {
    const blocks = Array.isArray(message.blocks) ? (message.blocks as Record<string, unknown>[]) : [];
    for (const block of blocks) {
      if (block.type !== 'image') continue;
      const file = block.slack_file as { id?: unknown } | undefined;
      if (typeof block.alt_text !== 'string' || block.alt_text === '') return 'invalid_blocks';
      if (file !== undefined && !this.uploads.get(String(file.id))?.completed) return 'invalid_blocks';
    }
    return undefined;
  }

  /** A person as `users.info` describes them (scope `users:read`); the locale only when asked for. */
  private userInfo(user: string, includeLocale: unknown): Record<string, unknown> {
    const { scopes } = this.options;
    if (scopes !== undefined && !scopes.includes('users:read'))
      return { ok: false, error: 'missing_scope', needed: 'users:read', provided: scopes.join(',') };
    if (user === '') return { ok: false, error: 'user_not_found' };
    const locale = this.userLocales.get(user);
    const wantsLocale = includeLocale === true || includeLocale === 'true';
    return {
      ok: true,
      user: { id: user, name: user.toLowerCase(), ...(wantsLocale && locale && { locale }) },
    };
  }

  /**
   * What Slack tells the bot about a conversation: each kind needs its own read scope; a private
   * channel or a direct message the bot is not in is `channel_not_found`; `is_member` says whether the
   * bot is in a public channel (direct messages have no such field).
   */
  private conversationInfo(channel: string): Record<string, unknown> {
    const kind = channel.startsWith('D') ? 'im' : this.privateChannels.has(channel) ? 'private' : 'public';
    const needed = { im: 'im:read', private: 'groups:read', public: 'channels:read' }[kind];
    const { scopes } = this.options;
    if (scopes !== undefined && !scopes.includes(needed))
      return { ok: false, error: 'missing_scope', needed, provided: scopes.join(',') };
    const member = !this.notInChannel.has(channel);
    if (channel === '' || (kind !== 'public' && !member)) return { ok: false, error: 'channel_not_found' };
    return {
      ok: true,
      channel: {
        id: channel,
        is_channel: kind === 'public',
        is_group: false,
        is_im: kind === 'im',
        is_private: kind !== 'public',
        is_archived: false,
        ...(kind !== 'im' && { is_member: member }),
      },
    };
  }

  private record(call: FakeCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) waiter.check();
  }
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The bytes sent to an upload URL: the raw body, or the one file of a multipart form (as the SDK sends it). */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Uint8Array> {
  if (!contentType?.startsWith('multipart/form-data')) return new Uint8Array(raw);
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return new Uint8Array(await value.arrayBuffer());
  }
  return new Uint8Array();
}

/** Web API arguments arrive as form fields; objects (blocks, a view) arrive as JSON inside a field. */
function parseForm(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json'))
    return raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] =
      key === 'blocks' || key === 'attachments' || key === 'view' || key === 'files'
        ? JSON.parse(value)
        : value;
  }
  return args;
}

function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
