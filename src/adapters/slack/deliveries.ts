import * as z from 'zod';

/**
 * The requests Slack sends that a listener here answers, read at the edge before Bolt sees them.
 * Bolt trusts a body's shape (a body of `null` or an event of `null` throws inside it), so only
 * bodies of the shapes our listeners read get through; everything else is acknowledged and dropped.
 */

const Id = z.string().min(1).max(255);
const Enterprise = {
  enterprise_id: z.string().nullish(),
  is_enterprise_install: z.union([z.boolean(), z.string()]).optional(),
  authorizations: z.array(z.looseObject({ team_id: z.string().nullish() })).optional(),
};
const Team = z.looseObject({ id: Id }).nullish();
const User = z.looseObject({ id: Id, team_id: z.string().optional() });
const Url = z.url({ protocol: /^https?$/ });

const SlashCommand = z.looseObject({
  command: z.string().max(255),
  text: z.string(),
  user_id: Id,
  team_id: Id,
  channel_id: Id,
  response_url: Url,
  trigger_id: Id,
  ...Enterprise,
});

const Button = z.looseObject({
  type: z.string(),
  action_id: z.string().max(255),
  value: z.string().optional(),
  action_ts: z.string().optional(),
});
const BlockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: User,
  team: Team,
  actions: z.array(Button).min(1),
  container: z.looseObject({ is_ephemeral: z.boolean().optional() }),
  channel: z.looseObject({ id: Id }).optional(),
  message: z.looseObject({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  response_url: Url.optional(),
  trigger_id: Id.optional(),
  ...Enterprise,
});

const ViewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user: User,
  team: Team,
  trigger_id: Id,
  view: z.looseObject({
    callback_id: z.string(),
    private_metadata: z.string(),
    state: z.looseObject({ values: z.record(z.string(), z.unknown()) }),
    blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() })),
  }),
  response_urls: z.array(z.looseObject({ response_url: Url })).optional(),
  ...Enterprise,
});

const AppMention = z.looseObject({
  type: z.literal('app_mention'),
  user: Id.optional(),
  channel: Id,
  ts: z.string(),
  thread_ts: z.string().optional(),
  text: z.string(),
});
const Message = z.looseObject({
  type: z.literal('message'),
  channel: Id,
  channel_type: z.string().optional(),
  user: Id.optional(),
  text: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
});
const EventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: Id,
  team_id: Id.optional(),
  event: z.union([AppMention, Message]),
  ...Enterprise,
});

/** What a body is, decided in the order Bolt decides it (so Bolt never reads it as another kind). */
export type Delivery =
  | { ok: true; kind: 'event' | 'command' | 'button' | 'form'; key: string }
  | { ok: false; reason: string };

/**
 * Reads a parsed body. `key` names the delivery: Slack sends a retried event again with the same
 * event_id, and every user action (a command, a press, a submitted form) has its own trigger_id.
 */
export function readDelivery(body: unknown): Delivery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'the body is not an object' };
  }
  const fields = body as Record<string, unknown>;
  if (fields.event !== undefined) {
    const parsed = EventCallback.safeParse(body);
    return parsed.success
      ? { ok: true, kind: 'event', key: `event:${parsed.data.event_id}` }
      : dropped('an event we do not answer, or a malformed one');
  }
  if (fields.command !== undefined) {
    const parsed = SlashCommand.safeParse(body);
    return parsed.success
      ? { ok: true, kind: 'command', key: `trigger:${parsed.data.trigger_id}` }
      : dropped('a malformed slash command');
  }
  if (fields.name !== undefined || fields.type === 'block_suggestion') return dropped('an options request');
  if (fields.actions !== undefined || fields.type === 'dialog_submission') {
    const parsed = BlockActions.safeParse(body);
    if (!parsed.success) return dropped('an action we do not answer, or a malformed one');
    const { trigger_id, user, actions } = parsed.data;
    // Slack sends a trigger_id with every press; the press's own time names it otherwise.
    const key = trigger_id ? `trigger:${trigger_id}` : `press:${user.id}:${actions[0]?.action_ts ?? ''}`;
    return { ok: true, kind: 'button', key };
  }
  if (fields.type === 'view_submission') {
    const parsed = ViewSubmission.safeParse(body);
    return parsed.success
      ? { ok: true, kind: 'form', key: `trigger:${parsed.data.trigger_id}` }
      : dropped('a malformed form submission');
  }
  return dropped(
    `a request of type ${typeof fields.type === 'string' ? fields.type.slice(0, 40) : 'unknown'}`,
  );
}

function dropped(reason: string): Delivery {
  return { ok: false, reason };
}

/** How long a delivery is remembered: longer than Slack's retries of an event (about 6 minutes). */
export const DELIVERY_MEMORY_MS = 60 * 60 * 1000;
/** At most this many remembered at once; past it the oldest are forgotten first. */
const DEFAULT_CAPACITY = 100_000;

/**
 * Deliveries already seen, each until its time is up, in bounded memory. Keys are kept in the order
 * they came; the oldest go first when the capacity is reached.
 */
export class SeenDeliveries {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a key is seen (it is then remembered until `untilMs`), false after. */
  first(key: string, untilMs: number): boolean {
    const now = this.now();
    this.forgetExpired(now);
    const known = this.until.get(key);
    if (known !== undefined && known > now) return false;
    this.until.delete(key);
    this.until.set(key, untilMs);
    while (this.until.size > this.capacity) {
      const oldest = this.until.keys().next().value;
      if (oldest === undefined) break;
      this.until.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.until.size;
  }

  private forgetExpired(now: number): void {
    for (const [key, until] of this.until) {
      if (until > now) break;
      this.until.delete(key);
    }
  }
}
