/**
 * A fake Discord for tests: the REST API and the gateway on 127.0.0.1, enough for the real discord.js
 * Client to log in, receive dispatches and answer them. Every REST call is recorded. It rejects what
 * Discord rejects (message and command limits, a second callback, a late callback) with Discord's
 * error codes, so code that passes here is not refused by Discord for those reasons.
 * Facts it follows: ../shared/TESTING-NOTES.md.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface RecordedCall {
  method: string;
  /** Decoded, without the `/api/v10` prefix: `/interactions/1/tok/callback`, `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: URLSearchParams;
  auth: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON asserted on by tests
  body: any;
  status: number;
  /** The files of a multipart request (`files[n]` parts), in the order sent. */
  files?: UploadedFile[];
}

/** A file part of a multipart message, as Discord receives an attachment. */
export interface UploadedFile {
  /** The form field: `files[0]`, `files[1]` ... */
  field: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Discord's upload limit for a bot's message without boosts. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface FakeMember {
  userId: string;
  roles?: string[];
  username?: string;
}

/** A member or role picked in a Mentionable option. */
export type FakeMentionable = { role: string } | { user: string };

export interface FakeChannel {
  id: string;
  name: string;
  /** The bot's permissions in this channel (a bitfield); by default those of its role. */
  botPermissions?: bigint;
}

export interface FakeGuild {
  id: string;
  name: string;
  /** The server's language (`preferred_locale`, and `guild_locale` in its interactions); en-US by default. */
  locale?: string;
  roles?: { id: string; name: string }[];
  channels?: FakeChannel[];
}

/** What the bot's own role grants in every channel unless a channel says otherwise. */
export const BOT_ROLE_PERMISSIONS = 2248473465835073n;
const BOT_ROLE_ID = '1600000000000000999';
export const PERMISSIONS = { ViewChannel: 1n << 10n, SendMessages: 1n << 11n, EmbedLinks: 1n << 14n };

export interface FakeDiscordOptions {
  token: string;
  applicationId: string;
  botUserId?: string;
  guilds?: FakeGuild[];
  /**
   * Privileged intents enabled in the "Developer Portal"; identifying with others closes with 4014.
   * Without Message Content granted and asked for, messages arrive as Discord sends them then: the
   * text only of those that mention the bot and of direct messages, the others emptied.
   */
  privilegedIntents?: number;
  /** GUILD_CREATE without the bot's own member, which Discord always sends: to test the bot copes. */
  omitBotMember?: boolean;
  /**
   * The app was added to the guilds without its bot (scope `applications.commands` alone): the bot is
   * sent no guild, yet members can still use its slash commands there.
   */
  commandsOnly?: boolean;
}

export const INTENTS = {
  Guilds: 1,
  GuildMessages: 1 << 9,
  MessageContent: 1 << 15,
  GuildMembers: 1 << 1,
  DirectMessages: 1 << 12,
};
const PRIVILEGED = INTENTS.MessageContent | INTENTS.GuildMembers | (1 << 8);

/** A gateway connection and the intents it identified with (0 until it has). */
interface Session {
  socket: WebSocket;
  seq: number;
  intents: number;
}

/** Interaction types: 2 slash command, 3 component, 4 autocomplete. */
interface LiveInteraction {
  type: 2 | 3 | 4;
  token: string;
  createdAt: number;
  acknowledged: boolean;
}

type Json = Record<string, unknown>;

const CALLBACK_DEADLINE_MS = 3000;

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  private readonly dmChannels = new Set<string>();
  /** The IDENTIFY payloads received, in order. */
  readonly identifies: Json[] = [];
  readonly botUserId: string;
  private readonly http: Server;
  private readonly gateway = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  private readonly interactions = new Map<string, LiveInteraction>();
  /** Every interaction and message built here, by id, so one can be delivered again. */
  private readonly delivered = new Map<string, { t: string; d: Json }>();
  private readonly listeners = new Set<() => void>();
  private holds: ((method: string, path: string) => boolean) | undefined;
  private readonly holding: (() => void)[] = [];
  private nextId = 1_300_000_000_000_000_000n;
  private port = 0;

  private constructor(private readonly options: FakeDiscordOptions) {
    this.botUserId = options.botUserId ?? '1200000000000000001';
    this.http = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    this.http.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      this.gateway.handleUpgrade(req, socket, head, (ws) => this.connect(ws));
    });
  }

  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.http.listen(0, '127.0.0.1');
    await once(fake.http, 'listening');
    fake.port = (fake.http.address() as AddressInfo).port;
    return fake;
  }

  /** What DISCORD_API_URL / discord.js `rest.api` point at (no `/v10`: the library adds it). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  /** Whether a channel exists in one of the fake's guilds (a deleted one does not). */
  hasChannel(id: string): boolean {
    return this.dmChannels.has(id) || this.guildChannel(id) !== undefined;
  }

  private guildChannel(id: string): FakeChannel | undefined {
    return (this.options.guilds ?? []).flatMap(channelsOf).find((channel) => channel.id === id);
  }

  /** The bot's permissions in a channel, as Discord works them out (and sends as `app_permissions`). */
  private botPermissionsIn(channelId: string): bigint {
    return this.guildChannel(channelId)?.botPermissions ?? BOT_ROLE_PERMISSIONS;
  }

  /** Resolves with the first recorded call (past or future) that matches. */
  waitFor(match: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.calls.find(match);
        if (!found) return false;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(
          new Error(
            `no matching call within ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`,
          ),
        );
      }, timeoutMs);
      this.listeners.add(listener);
      check();
    });
  }

  /** The callback Discord received for an interaction. */
  callbackOf(interactionId: string): Promise<RecordedCall> {
    return this.waitFor((c) => c.method === 'POST' && c.path.startsWith(`/interactions/${interactionId}/`));
  }

  /**
   * Sends a dispatch (op 0, increasing s) to every connected client. A message goes, as Discord sends
   * it, only to a client that asked for its intent, and without its content unless that is allowed.
   */
  dispatch(t: string, d: unknown): void {
    for (const session of this.sessions) {
      const payload = t === 'MESSAGE_CREATE' ? this.messageFor(session.intents, d) : d;
      if (payload === undefined) continue;
      session.seq += 1;
      session.socket.send(JSON.stringify({ op: 0, t, s: session.seq, d: payload }));
    }
  }

  /**
   * A MESSAGE_CREATE as a client with these intents receives it: none without Guild Messages (in a
   * guild) or Direct Messages (in a DM); content, embeds, attachments, components and poll emptied
   * without Message Content, except in a DM, a message that mentions the bot, or the bot's own.
   */
  private messageFor(intents: number, d: unknown): unknown {
    if (typeof d !== 'object' || d === null) return d;
    const message = d as Json;
    const inGuild = message.guild_id !== undefined;
    if ((intents & (inGuild ? INTENTS.GuildMessages : INTENTS.DirectMessages)) === 0) return undefined;
    const ids = (list: unknown) => (Array.isArray(list) ? list.map((user) => (user as Json)?.id) : []);
    const visible =
      (intents & INTENTS.MessageContent) !== 0 ||
      !inGuild ||
      ids(message.mentions).includes(this.botUserId) ||
      (message.author as Json | undefined)?.id === this.botUserId;
    if (visible) return d;
    return { ...message, content: '', embeds: [], attachments: [], components: [], poll: undefined };
  }

  /**
   * `/command subcommand option:value ...` typed by a member of the first guild. A Mentionable
   * option (`{ role: id }` or `{ user: id }`) arrives as Discord sends it: the id as the value, and
   * the role or the user and member in `resolved`.
   */
  slashCommand(input: {
    command: string;
    subcommand: string;
    options?: Record<string, string | boolean | FakeMentionable>;
    member?: FakeMember;
    /** The channel it is typed in; the first guild's first channel by default. */
    channelId?: string;
    /** The language of the member's Discord (the interaction's `locale`); en-US by default. */
    locale?: string;
  }): { id: string; token: string } {
    const resolved: { roles?: Json; users?: Json; members?: Json } = {};
    const options = Object.entries(input.options ?? {}).map(([name, value]) => {
      if (typeof value !== 'object') return { name, type: typeof value === 'boolean' ? 5 : 3, value };
      if ('role' in value) {
        resolved.roles = { ...resolved.roles, [value.role]: this.roleObject(value.role) };
        return { name, type: 9, value: value.role };
      }
      const member = { userId: value.user };
      resolved.users = { ...resolved.users, [value.user]: this.user(member) };
      resolved.members = { ...resolved.members, [value.user]: this.memberObject(member, false) };
      return { name, type: 9, value: value.user };
    });
    return this.interaction(
      2,
      {
        id: this.id(),
        name: input.command,
        type: 1,
        options: [{ type: 1, name: input.subcommand, options }],
        ...(Object.keys(resolved).length > 0 && { resolved }),
      },
      input.member,
      undefined,
      input.channelId,
      input.locale,
    );
  }

  /** A keystroke in an autocomplete option: the focused option carries what was typed so far. */
  autocomplete(input: {
    command: string;
    subcommand: string;
    focused: { name: string; value: string };
    member?: FakeMember;
  }): { id: string; token: string } {
    return this.interaction(
      4,
      {
        id: this.id(),
        name: input.command,
        type: 1,
        options: [
          {
            type: 1,
            name: input.subcommand,
            options: [{ name: input.focused.name, type: 3, value: input.focused.value, focused: true }],
          },
        ],
      },
      input.member,
    );
  }

  /** A click on a button of a message the bot sent (`message` as the callback's data). */
  button(input: { customId: string; message: Json; member?: FakeMember }): { id: string; token: string } {
    return this.interaction(3, { custom_id: input.customId, component_type: 2 }, input.member, input.message);
  }

  /** A message posted in the first guild, in its first channel unless another is named. */
  message(input: { content: string; member?: FakeMember; channelId?: string }): string {
    const guild = this.guild();
    const member = input.member ?? { userId: '1100000000000000001' };
    const id = this.id();
    this.send('MESSAGE_CREATE', {
      ...this.messageObject({ content: input.content }, input.channelId ?? this.channelId(), id),
      author: this.user(member),
      guild_id: guild.id,
      member: this.memberObject(member, false),
      mentions: input.content.includes(`<@${this.botUserId}>`) ? [this.botUser()] : [],
    });
    return id;
  }

  /** A direct message to the bot: no guild, a DM channel of its own. */
  directMessage(input: { content: string; userId?: string }): { id: string; channelId: string } {
    const id = this.id();
    const channelId = this.id();
    this.dmChannels.add(channelId);
    this.send('MESSAGE_CREATE', {
      ...this.messageObject({ content: input.content }, channelId, id),
      author: this.user({ userId: input.userId ?? '1100000000000000001' }),
      mentions: [],
      // Discord marks a DM's message with its channel type (1); clients build the DM channel from it.
      channel_type: 1,
    });
    return { id, channelId };
  }

  /**
   * Delivers an INTERACTION_CREATE payload exactly as given, however malformed. One with a string id
   * and token and a known type (2, 3, 4) gets callbacks like any interaction.
   */
  deliverInteraction(d: unknown): void {
    if (typeof d === 'object' && d !== null) {
      const { id, token, type } = d as Json;
      if (typeof id === 'string' && typeof token === 'string' && (type === 2 || type === 3 || type === 4)) {
        this.interactions.set(id, { type, token, createdAt: Date.now(), acknowledged: false });
      }
    }
    this.dispatch('INTERACTION_CREATE', d);
  }

  /** The payload of an interaction or message sent earlier (to alter it, or to send it again). */
  payloadOf(id: string): Json {
    const sent = this.delivered.get(id);
    if (!sent) throw new Error(`nothing with id ${id} was sent`);
    return structuredClone(sent.d);
  }

  /** The same interaction or message delivered again, as a gateway that replays events would. */
  replay(id: string): void {
    const sent = this.delivered.get(id);
    if (!sent) throw new Error(`nothing with id ${id} was sent`);
    this.dispatch(sent.t, sent.d);
  }

  /**
   * REST calls that `match` are answered only at `release()`: an answer still under way (or, never
   * released, one that never comes back).
   */
  hold(match: (method: string, path: string) => boolean): void {
    this.holds = match;
  }

  /** How many REST calls wait for `release()`. */
  get waiting(): number {
    return this.holding.length;
  }

  /** Answers the held calls and holds no more. */
  release(): void {
    this.holds = undefined;
    for (const answer of this.holding.splice(0)) answer();
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    this.gateway.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private interaction(
    type: 2 | 3 | 4,
    data: Json,
    member: FakeMember = { userId: '1100000000000000001' },
    message?: Json,
    channelId = this.channelId(),
    locale = 'en-US',
  ): { id: string; token: string } {
    const id = this.id();
    const token = `interaction-token-${id}`;
    const guild = this.guild();
    this.interactions.set(id, { type, token, createdAt: Date.now(), acknowledged: false });
    const payload: Json = {
      id,
      application_id: this.options.applicationId,
      type,
      token,
      version: 1,
      data,
      guild_id: guild.id,
      channel_id: channelId,
      channel: { id: channelId, type: 0, guild_id: guild.id, name: 'general' },
      member: this.memberObject(member, true),
      app_permissions: String(this.botPermissionsIn(channelId)),
      locale,
      guild_locale: guild.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
      ...(message && { message: this.messageObject(message, channelId, String(message.id ?? this.id())) }),
    };
    this.send('INTERACTION_CREATE', payload);
    return { id, token };
  }

  /** Dispatches an interaction or message of ours, kept by its id for replay(). */
  private send(t: string, d: Json): void {
    this.delivered.set(String(d.id), { t, d });
    this.dispatch(t, d);
  }

  private guild(): FakeGuild {
    const guild = this.options.guilds?.[0];
    if (!guild) throw new Error('the fake needs a guild for interactions');
    return guild;
  }

  private channelId(): string {
    return this.guild().channels?.[0]?.id ?? '1400000000000000001';
  }

  private user(member: FakeMember): Json {
    return {
      id: member.userId,
      username: member.username ?? `user${member.userId.slice(-4)}`,
      discriminator: '0',
      global_name: null,
      avatar: null,
    };
  }

  private botUser(): Json {
    return {
      id: this.botUserId,
      username: 'twinbot',
      discriminator: '0',
      bot: true,
      avatar: null,
      global_name: null,
    };
  }

  private roleObject(id: string): Json {
    const role = this.guild().roles?.find((r) => r.id === id) ?? { id, name: 'role' };
    return roleObject(role, 1);
  }

  private memberObject(member: FakeMember, withUser: boolean): Json {
    return {
      ...(withUser && { user: this.user(member) }),
      roles: member.roles ?? [],
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      pending: false,
      permissions: '0',
    };
  }

  private messageObject(data: Json, channelId: string, id = this.id()): Json {
    return {
      id,
      channel_id: channelId,
      type: 0,
      content: '',
      author: this.botUser(),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      ...data,
    };
  }

  private connect(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, intents: 0 };
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Json };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (packet.op === 2) this.identify(session, packet.d);
    });
  }

  private identify(session: Session, d: Json): void {
    this.identifies.push(d);
    if (d.token !== this.options.token) {
      session.socket.close(4004, 'Authentication failed.');
      return;
    }
    const intents = Number(d.intents);
    if ((intents & PRIVILEGED & ~(this.options.privilegedIntents ?? 0)) !== 0) {
      session.socket.close(4014, 'Disallowed intent(s).');
      return;
    }
    session.intents = intents;
    const guilds = this.options.commandsOnly ? [] : (this.options.guilds ?? []);
    const send = (t: string, payload: unknown) => {
      session.seq += 1;
      session.socket.send(JSON.stringify({ op: 0, t, s: session.seq, d: payload }));
    };
    send('READY', {
      v: 10,
      user: { ...this.botUser(), flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: 'fake-session',
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      application: { id: this.options.applicationId, flags: 0 },
      shard: [0, 1],
    });
    for (const guild of guilds)
      send('GUILD_CREATE', guildObject(guild, this.botUser(), this.options.omitBotMember !== true));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const raw = await readBytes(req);
    const multipart = await readMultipart(raw, req.headers['content-type']);
    const text = Buffer.from(raw).toString('utf8');
    const body = multipart ? multipart.body : text === '' ? undefined : JSON.parse(text);
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      auth: req.headers.authorization,
      body,
      status: 0,
      ...(multipart && { files: multipart.files }),
    };
    if (this.holds?.(call.method, path)) await new Promise<void>((resolve) => this.holding.push(resolve));
    const [status, answer] = multipart?.error ?? this.answer(call);
    call.status = status;
    this.calls.push(call);
    for (const listener of this.listeners) listener();
    // Like Discord, a 204 has no body and so no content type.
    res.writeHead(status, status === 204 ? {} : { 'content-type': 'application/json' });
    res.end(status === 204 ? undefined : JSON.stringify(answer));
  }

  private answer(call: RecordedCall): [number, unknown] {
    const { method, path, body } = call;
    const botRoute = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (botRoute && call.auth !== `Bot ${this.options.token}`)
      return [401, { message: '401: Unauthorized', code: 0 }];
    if (method === 'GET' && path === '/gateway/bot') {
      return [
        200,
        {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 1 },
        },
      ];
    }
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    const files = call.files ?? [];
    if (method === 'POST' && callback)
      return this.callback(callback[1] ?? '', callback[2] ?? '', body, files);
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (webhook) return this.webhook(method, webhook[2] ?? '', webhook[3] !== undefined, body, files);
    const channelMessage = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && channelMessage) {
      const channelId = channelMessage[1] ?? '';
      if (!this.hasChannel(channelId)) return [404, { message: 'Unknown Channel', code: 10003 }];
      const allowed = this.dmChannels.has(channelId)
        ? BOT_ROLE_PERMISSIONS
        : this.botPermissionsIn(channelId);
      if ((allowed & PERMISSIONS.ViewChannel) === 0n)
        return [403, { message: 'Missing Access', code: 50001 }];
      if ((allowed & PERMISSIONS.SendMessages) === 0n)
        return [403, { message: 'Missing Permissions', code: 50013 }];
      const error = messageError(body, { empty: false, files });
      return error ?? [200, this.messageObject(body, channelMessage[1] ?? '')];
    }
    const commands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (method === 'PUT' && commands) {
      if (commands[1] !== this.options.applicationId)
        return [403, { message: 'Missing Access', code: 50001 }];
      const error = commandsError(body);
      return (
        error ?? [
          200,
          (body as Json[]).map((c) => ({ ...c, id: this.id(), application_id: commands[1], version: '1' })),
        ]
      );
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private callback(
    id: string,
    token: string,
    body: { type: number; data?: Json },
    files: readonly UploadedFile[],
  ): [number, unknown] {
    const live = this.interactions.get(id);
    if (!live || live.token !== token || Date.now() - live.createdAt > CALLBACK_DEADLINE_MS) {
      return [404, { message: 'Unknown interaction', code: 10062 }];
    }
    if (live.acknowledged) {
      return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    }
    const allowed: Record<number, number[]> = { 2: [4, 5], 3: [4, 5, 6, 7], 4: [8] };
    if (!allowed[live.type]?.includes(body.type))
      return invalid(`callback type ${body.type} for interaction type ${live.type}`);
    const error =
      body.type === 8
        ? choicesError(body.data)
        : body.type === 4 || body.type === 7
          ? messageError(body.data, { empty: body.type === 7, files })
          : files.length > 0
            ? invalid(`files with callback type ${body.type}`)
            : undefined;
    if (error) return error;
    live.acknowledged = true;
    return [204, undefined];
  }

  private webhook(
    method: string,
    token: string,
    original: boolean,
    body: Json,
    files: readonly UploadedFile[],
  ): [number, unknown] {
    const live = [...this.interactions.values()].find((i) => i.token === token);
    if (!live?.acknowledged) return [404, { message: 'Unknown Webhook', code: 10015 }];
    if (!(method === 'PATCH' && original) && !(method === 'POST' && !original))
      return [405, { message: '405: Method Not Allowed', code: 0 }];
    const error = messageError(body, { empty: original, files });
    return error ?? [200, this.messageObject(body, this.channelId())];
  }
}

function invalid(reason: string): [number, unknown] {
  return [400, { message: 'Invalid Form Body', code: 50035, errors: { reason } }];
}

/** Discord's message limits (content, embeds, fields, 6000 embed characters, components). */
export function messageError(
  data: Json | undefined,
  allow: { empty: boolean; files?: readonly UploadedFile[] },
): [number, unknown] | undefined {
  const content = typeof data?.content === 'string' ? data.content : '';
  const embeds = (data?.embeds ?? []) as Json[];
  const rows = (data?.components ?? []) as { components: Json[] }[];
  const files = allow.files ?? [];
  const attachmentError = attachmentsError(data, embeds, files);
  if (attachmentError) return attachmentError;
  if (!allow.empty && content === '' && embeds.length === 0 && rows.length === 0 && files.length === 0) {
    return [400, { message: 'Cannot send an empty message', code: 50006 }];
  }
  if (content.length > 2000) return invalid('content longer than 2000');
  if (embeds.length > 10) return invalid('more than 10 embeds');
  let total = 0;
  for (const embed of embeds) {
    const title = String(embed.title ?? '');
    const description = String(embed.description ?? '');
    const fields = (embed.fields ?? []) as { name: string; value: string }[];
    const footer = String((embed.footer as Json | undefined)?.text ?? '');
    const author = String((embed.author as Json | undefined)?.name ?? '');
    if (title.length > 256) return invalid('title longer than 256');
    if (description.length > 4096) return invalid('description longer than 4096');
    if (fields.length > 25) return invalid('more than 25 fields');
    if (footer.length > 2048) return invalid('footer longer than 2048');
    for (const field of fields) {
      if (!field.name || field.name.length > 256) return invalid('field name empty or longer than 256');
      if (!field.value || field.value.length > 1024) return invalid('field value empty or longer than 1024');
      total += field.name.length + field.value.length;
    }
    if (!title && !description && fields.length === 0 && !footer && !author && !embed.image)
      return invalid('empty embed');
    total += title.length + description.length + footer.length + author.length;
  }
  if (total > 6000) return invalid('more than 6000 characters in the embeds');
  if (rows.length > 5) return invalid('more than 5 action rows');
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.components.length > 5) return invalid('more than 5 components in a row');
    for (const component of row.components) {
      const id = String(component.custom_id ?? '');
      if (id.length === 0 || id.length > 100) return invalid('custom_id empty or longer than 100');
      if (ids.has(id)) return invalid('duplicate custom_id');
      ids.add(id);
      if (String(component.label ?? '').length > 80) return invalid('label longer than 80');
    }
  }
  return undefined;
}

/**
 * A message's uploads as Discord checks them: each `files[n]` part named, within the upload limit,
 * and described by the payload's `attachments` entry with id `n` when there is one; an entry must
 * name an uploaded part. An embed image `attachment://NAME` naming no uploaded file is an image
 * Discord cannot show: refused here, so a broken picture fails the test that sends it.
 */
function attachmentsError(
  data: Json | undefined,
  embeds: readonly Json[],
  files: readonly UploadedFile[],
): [number, unknown] | undefined {
  for (const [index, file] of files.entries()) {
    if (file.field !== `files[${index}]`) return invalid(`file part "${file.field}" is not files[${index}]`);
    if (file.name === '') return invalid(`${file.field} has no filename`);
  }
  const total = files.reduce((sum, file) => sum + file.bytes.length, 0);
  if (total > MAX_UPLOAD_BYTES) return [413, { message: 'Request entity too large', code: 40005 }];
  const attachments = (data?.attachments ?? []) as { id?: unknown; description?: unknown }[];
  for (const attachment of attachments) {
    if (String(attachment.description ?? '').length > 1024)
      return invalid('attachment description longer than 1024');
    if (!files.some((_, index) => String(attachment.id) === String(index)))
      return invalid(`attachments: no uploaded file for id ${String(attachment.id)}`);
  }
  for (const embed of embeds) {
    const url = String((embed.image as Json | undefined)?.url ?? '');
    if (url.startsWith('attachment://') && !files.some((f) => f.name === url.slice('attachment://'.length)))
      return invalid(`embed image ${url} names no uploaded file`);
  }
  return undefined;
}

function choicesError(data: Json | undefined): [number, unknown] | undefined {
  const choices = (data?.choices ?? []) as { name: string; value: unknown }[];
  if (choices.length > 25) return invalid('more than 25 choices');
  for (const choice of choices) {
    if (!choice.name || choice.name.length > 100) return invalid('choice name empty or longer than 100');
    if (String(choice.value).length > 100) return invalid('choice value longer than 100');
  }
  return undefined;
}

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
/** Discord's rule for chat command and option names: its pattern, and lower case where a letter has one. */
const goodName = (name: unknown) =>
  typeof name === 'string' && NAME.test(name) && name === name.toLowerCase();

/** A name, and each of its localizations, that Discord accepts. */
function namesOk(node: Json): boolean {
  return (
    goodName(node.name) && Object.values((node.name_localizations as Json | undefined) ?? {}).every(goodName)
  );
}

/** Whether two of these options share a name in English or in any one locale. */
function duplicateNames(options: Json[]): boolean {
  const locales = new Set(
    options.flatMap((o) => Object.keys((o.name_localizations as Json | undefined) ?? {})),
  );
  return [undefined, ...locales].some((locale) => {
    const names = options.map(
      (o) => (locale && (o.name_localizations as Json | undefined)?.[locale]) || o.name,
    );
    return new Set(names).size < names.length;
  });
}

/** Option types: 1 subcommand, 2 group, 3 string, 4 integer, 5 boolean, ... 9 mentionable, 10 number, 11 attachment. */
const OPTION_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
/** Only string, integer and number options take choices or autocomplete. */
const CHOOSABLE = new Set([3, 4, 10]);

/** Discord's rules for application commands: names, descriptions, option types, counts, order and choices. */
function commandsError(body: unknown): [number, unknown] | undefined {
  if (!Array.isArray(body)) return invalid('body must be an array');
  const checkOptions = (options: Json[] | undefined, where: string): [number, unknown] | undefined => {
    if (!options) return undefined;
    if (options.length > 25) return invalid(`${where}: more than 25 options`);
    if (duplicateNames(options)) return invalid(`${where}: duplicate names`);
    let optionalSeen = false;
    for (const option of options) {
      const at = `${where}.${String(option.name)}`;
      if (!namesOk(option)) return invalid(`${at}: bad name`);
      const description = String(option.description ?? '');
      if (description.length < 1 || description.length > 100) return invalid(`${at}: description length`);
      if (!OPTION_TYPES.has(Number(option.type)))
        return invalid(`${at}: unknown type ${String(option.type)}`);
      if (option.type === 1 || option.type === 2) {
        const nested = checkOptions(option.options as Json[] | undefined, at);
        if (nested) return nested;
        continue;
      }
      if (option.required === true && optionalSeen)
        return invalid(`${at}: required option after an optional one`);
      if (option.required !== true) optionalSeen = true;
      if (option.autocomplete === true && option.choices) return invalid(`${at}: autocomplete with choices`);
      const choosable = CHOOSABLE.has(Number(option.type));
      if (option.autocomplete === true && !choosable)
        return invalid(`${at}: autocomplete on type ${option.type}`);
      if (option.choices !== undefined) {
        if (!choosable) return invalid(`${at}: choices on type ${String(option.type)}`);
        const error = choicesOf(option.choices, option.type === 3 ? 'string' : 'number', at);
        if (error) return error;
      }
    }
    return undefined;
  };
  for (const command of body as Json[]) {
    const name = String(command.name);
    if (!namesOk(command)) return invalid(`${name}: bad name`);
    const description = String(command.description ?? '');
    if (description.length < 1 || description.length > 100) return invalid(`${name}: description length`);
    const error = checkOptions(command.options as Json[] | undefined, name);
    if (error) return error;
  }
  return undefined;
}

/** A command option's fixed choices: at most 25, names 1-100 characters, values of the option's type. */
function choicesOf(choices: unknown, type: 'string' | 'number', at: string): [number, unknown] | undefined {
  if (!Array.isArray(choices) || choices.length > 25) return invalid(`${at}: more than 25 choices`);
  for (const choice of choices as Json[]) {
    const name = String(choice.name ?? '');
    if (name.length < 1 || name.length > 100) return invalid(`${at}: choice name length`);
    if (typeof choice.value !== type) return invalid(`${at}: choice value not a ${type}`);
    if (type === 'string' && (choice.value as string).length > 100)
      return invalid(`${at}: choice value longer than 100`);
  }
  return undefined;
}

function roleObject(role: { id: string; name: string }, position: number): Json {
  return {
    ...role,
    color: 0,
    hoist: false,
    position,
    permissions: '0',
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

function channelsOf(guild: FakeGuild): FakeChannel[] {
  return guild.channels ?? [{ id: '1400000000000000001', name: 'general' }];
}

/**
 * A guild as GUILD_CREATE sends it. Without the GuildMembers intent its members are the bot alone, with
 * the role its invite created; a channel that sets the bot's permissions does it with an overwrite.
 */
function guildObject(guild: FakeGuild, bot: Json, withBotMember: boolean): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: '1100000000000000999',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      ...[{ id: guild.id, name: '@everyone' }, ...(guild.roles ?? [])].map(roleObject),
      {
        ...roleObject({ id: BOT_ROLE_ID, name: 'twinbot' }, 1),
        permissions: String(BOT_ROLE_PERMISSIONS),
        managed: true,
      },
    ],
    emojis: [],
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: guild.locale ?? 'en-US',
    nsfw_level: 0,
    stickers: [],
    unavailable: false,
    member_count: 2,
    members: withBotMember
      ? [
          {
            user: bot,
            roles: [BOT_ROLE_ID],
            joined_at: '2024-01-01T00:00:00.000Z',
            deaf: false,
            mute: false,
            flags: 0,
          },
        ]
      : [],
    channels: channelsOf(guild).map(({ botPermissions, ...channel }, position) => ({
      ...channel,
      type: 0,
      position,
      permission_overwrites:
        botPermissions === undefined
          ? []
          : [
              {
                id: bot.id,
                type: 1,
                allow: String(botPermissions),
                deny: String(BOT_ROLE_PERMISSIONS & ~botPermissions),
              },
            ],
    })),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    joined_at: '2024-01-01T00:00:00.000Z',
    large: false,
  };
}

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A multipart message as discord.js sends one with files: the JSON body in `payload_json`, each file
 * in `files[n]`. Undefined for any other content type; an error answer for a malformed one.
 */
async function readMultipart(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: Json | undefined; files: UploadedFile[]; error?: [number, unknown] } | undefined> {
  if (!contentType?.startsWith('multipart/form-data')) return undefined;
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { body: undefined, files: [], error: invalid('unreadable multipart body') };
  }
  const files: UploadedFile[] = [];
  let body: Json | undefined;
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field !== 'payload_json') return { body, files, error: invalid(`unexpected form field ${field}`) };
      try {
        body = JSON.parse(value) as Json;
      } catch {
        return { body, files, error: invalid('payload_json is not JSON') };
      }
      continue;
    }
    files.push({
      field,
      name: value.name,
      contentType: value.type,
      bytes: new Uint8Array(await value.arrayBuffer()),
    });
  }
  if (body === undefined) return { body, files, error: invalid('multipart message without payload_json') };
  return { body, files };
}
