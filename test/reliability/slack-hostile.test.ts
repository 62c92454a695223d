import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_IDS, FakeSlack } from '../fakes/slack-api.ts';
import {
  buttonPress,
  eventCallback,
  type SignedBody,
  signedHeaders,
  slashCommand,
} from '../fakes/slack-requests.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { type RunningBot, startSlackBot } from '../fixtures/twinbot-process.ts';

/**
 * 1,000 malformed or hostile signed requests against the real bot process (`twinbot start` with
 * Slack settings, against the fake Slack): null, numbers, arrays, huge bodies, wrong types, unknown
 * types, Slack's retries of events, replays of signed staff writes, timestamps in the future and the
 * past, bad signatures. The process must stay up and answer /healthz throughout, nothing may reach
 * the process-level safety net (that would be a bug caught late), and no write may run twice: each
 * staff write is in the store's audit log exactly once.
 */

const ROOT = join(import.meta.dirname, '../..');
const BOT_TOKEN = 'xoxb-2222-3333-reliabilitytoken';
const SIGNING_SECRET = 'reliability-signing-secret-77';
const STAFF = 'USTAFF';
const REQUESTS = 1000;
const CONCURRENCY = 16;

/** A request to send, the status it must get, and the audited write it may make (once). */
interface Case {
  label: string;
  request: SignedBody;
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
  status: number;
  /** The alias this request adds to Prague when it runs; replays and retries share it. */
  writes?: string;
}

/** A small deterministic generator, so a failure can be run again exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const json = (value: unknown): SignedBody => ({
  body: JSON.stringify(value),
  contentType: 'application/json',
});
const form = (fields: Record<string, string>): SignedBody => ({
  body: new URLSearchParams(fields).toString(),
  contentType: 'application/x-www-form-urlencoded',
});
const raw = (body: string, contentType = 'application/json'): SignedBody => ({ body, contentType });

function cases(responseUrl: () => string, apiUrl: string): Case[] {
  const next = random(12);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const now = () => Math.floor(Date.now() / 1000);
  const mention = (text: string, user = 'UVISITOR') =>
    eventCallback({
      type: 'app_mention',
      user,
      text: `<@${FAKE_IDS.botUser}> ${text}`,
      ts: `${now()}.000100`,
      channel: 'C0GENERAL',
    });
  const wrongTypes = [
    null,
    0,
    -1.5,
    'null',
    true,
    [],
    [null],
    [{ type: 'event_callback' }],
    {},
    { type: null },
    { type: 'event_callback', event: null, event_id: 'Ev0' },
    { type: 'event_callback', event: 42, event_id: 'Ev0' },
    { type: 'event_callback', event: [], event_id: 'Ev0' },
    { type: 'event_callback', event: { type: 'app_mention', channel: {}, text: [], ts: 1 }, event_id: 'Ev0' },
    { type: 'event_callback', event: { type: 'message', channel: 'D1' }, event_id: null },
    { type: 'event_callback', event: { type: 'app_mention' }, authorizations: [null] },
    { type: 'event_callback', event: { type: 'tokens_revoked', tokens: null }, event_id: 'Ev1' },
    { type: 'url_verification', challenge: { nested: true } },
    { command: null },
    { command: '/twin', text: { toString: 1 }, user_id: 'U1' },
    { command: ['/twin'], text: 'home Prague', user_id: STAFF, team_id: FAKE_IDS.team, channel_id: 'C1' },
    { type: 'block_actions', actions: null, user: { id: STAFF } },
    { type: 'block_actions', actions: [null], user: { id: STAFF } },
    { type: 'block_actions', actions: [{ type: 'button', action_id: 'twin_run' }], user: null },
    {
      type: 'block_actions',
      actions: [{ type: 'button', action_id: 7 }],
      user: { id: 'U1' },
      container: null,
    },
    { type: 'view_submission', view: null, user: { id: STAFF } },
    { type: 'view_submission', view: { callback_id: 'twin_form', state: null }, user: { id: STAFF } },
    { type: 'shortcut', callback_id: 'x', trigger_id: '1' },
    { type: 'message_action', callback_id: 'x' },
    { type: 'block_suggestion', action_id: 'x' },
    { type: 'dialog_submission', submission: null },
    { type: 'interactive_message', actions: 'all' },
    { type: 'app_rate_limited', minute_rate_limited: 1 },
    { type: 'workflow_step_execute' },
    { ['__proto__']: { polluted: true }, type: 'event_callback' },
  ];
  const list: Case[] = [];
  let aliasNumber = 0;
  while (list.length < REQUESTS) {
    const kind = Math.floor(next() * 12);
    switch (kind) {
      case 0: {
        const value = pick(wrongTypes);
        list.push({
          label: `JSON ${JSON.stringify(value)}`,
          request: json(value),
          status: statusOfJson(value),
        });
        break;
      }
      case 1: {
        const payload = pick([
          'null',
          '42',
          '"x"',
          '[]',
          '[1,2]',
          '{',
          'true',
          '{"type":null}',
          '{"actions":{}}',
        ]);
        list.push({
          label: `form payload=${payload}`,
          request: form({ payload }),
          status: ['null', '42', '"x"', '[]', '[1,2]', '{', 'true'].includes(payload) ? 400 : 200,
        });
        break;
      }
      case 2: {
        const body = pick(['', 'nul', '\u0000', '{"a":', '\ud800', '%%%', 'payload']);
        list.push({ label: `body ${JSON.stringify(body)}`, request: raw(body), status: 400 });
        break;
      }
      case 3: {
        // Huge: past the 1 MB limit (refused unread), or large and still valid JSON.
        const size = next() < 0.5 ? 1_100_000 : 200_000;
        list.push({
          label: `huge body of ${size}`,
          request: json({ type: 'event_callback', padding: 'x'.repeat(size) }),
          status: size > 1024 * 1024 ? 413 : 200,
        });
        break;
      }
      case 4: {
        // Timestamps off by more than five minutes, either way, and a future one just inside.
        const offset = pick([
          -3600,
          -301 - Math.floor(next() * 600),
          301 + Math.floor(next() * 3000),
          600,
          240,
        ]);
        const refused = Math.abs(offset) > 300;
        list.push({
          label: `timestamp ${offset} s off`,
          request: slashCommand({
            text: refused ? 'home Prague' : 'partners Prague',
            userId: STAFF,
            responseUrl: responseUrl(),
          }),
          timestamp: now() + offset,
          status: refused ? 401 : 200,
        });
        break;
      }
      case 5: {
        const signature = pick([`v0=${'0'.repeat(64)}`, 'v1=abc', '', 'v0=', `v0=${'G'.repeat(64)}`]);
        list.push({
          label: `signature ${signature.slice(0, 8)}`,
          request: slashCommand({ text: 'home Prague', userId: STAFF, responseUrl: responseUrl() }),
          signature,
          status: 401,
        });
        break;
      }
      case 6: {
        // A staff write, replayed with the same signed bytes.
        const alias = `Praga${aliasNumber++}`;
        const request = slashCommand({
          text: `alias Prague ${alias} pl`,
          userId: STAFF,
          responseUrl: responseUrl(),
        });
        const timestamp = now();
        for (let i = 0; i < 3; i++)
          list.push({ label: `replay ${i} of ${alias}`, request, timestamp, status: 200, writes: alias });
        break;
      }
      case 7: {
        // A staff write by mention, which Slack delivers again with X-Slack-Retry-Num (new timestamp, same event_id).
        const alias = `Prag${aliasNumber++}`;
        const request = mention(`alias Prague ${alias} de`, STAFF);
        list.push({ label: `event ${alias}`, request, status: 200, writes: alias });
        for (const retry of ['1', '2', '3']) {
          list.push({
            label: `retry ${retry} of ${alias}`,
            request,
            headers: { 'X-Slack-Retry-Num': retry, 'X-Slack-Retry-Reason': 'http_timeout' },
            status: 200,
            writes: alias,
          });
        }
        break;
      }
      case 8: {
        // Valid commands with hostile text: control characters, pings, very long, only whitespace.
        const text = pick([
          '\u0000\u0007\u001b[31mpartners Prague',
          'partners <!channel> <!here> <@U1>',
          `search ${'é'.repeat(3000)}`,
          '\u202e\u200bhelp',
          '   \t\n ',
          `agreement ${'Prague '.repeat(500)}`,
          'home\u00a0Prague',
        ]);
        list.push({
          label: `command ${JSON.stringify(text.slice(0, 20))}`,
          request: slashCommand({ text, userId: 'UVISITOR', responseUrl: responseUrl() }),
          status: 200,
        });
        break;
      }
      case 9: {
        // Forged buttons pressed by staff: old text values with odd whitespace, staff commands, garbage.
        const value = pick([
          JSON.stringify({ t: 'home\tPrague', p: 0 }),
          JSON.stringify({ t: '--yes home Prague', p: 0 }),
          JSON.stringify({ c: 'home', a: { city: 'Prague' }, p: 0 }),
          JSON.stringify({ c: 'alias', a: { city: 'Prague', name: 'Forged' }, p: 0 }),
          JSON.stringify({ k: '../../etc', p: -1 }),
          'null',
          '',
          'x'.repeat(5000),
        ]);
        const actionId = pick([
          'twin_run',
          'twin_run:7',
          'twin_share',
          'twin_more',
          'twin_page',
          'twin_confirm',
          'twin_cancel',
          'nope',
        ]);
        list.push({
          label: `press ${actionId} ${value.slice(0, 30)}`,
          request: buttonPress({ actionId, value, userId: STAFF, responseUrl: responseUrl() }),
          status: 200,
        });
        break;
      }
      case 10: {
        // Unknown or misdirected: a response_url elsewhere, an unknown slash command, an unsigned ssl_check.
        const variant = pick(['unknown-command', 'elsewhere', 'ssl']);
        if (variant === 'ssl') {
          list.push({
            label: 'ssl_check',
            request: form({ ssl_check: '1', token: 'x' }),
            signature: 'omit',
            status: 200,
          });
        } else if (variant === 'elsewhere') {
          list.push({
            label: 'response_url elsewhere',
            request: slashCommand({ text: 'help', responseUrl: `${apiUrl}../nowhere` }),
            status: 200,
          });
        } else {
          const request = form({
            ...Object.fromEntries(
              new URLSearchParams(slashCommand({ text: 'x', responseUrl: responseUrl() }).body),
            ),
            command: '/other',
          });
          list.push({ label: 'unknown slash command', request, status: 200 });
        }
        break;
      }
      default: {
        list.push({
          label: 'question',
          request: slashCommand({
            text: pick(['partners Prague', 'help', 'city kitakami']),
            responseUrl: responseUrl(),
          }),
          status: 200,
        });
      }
    }
  }
  return list.slice(0, REQUESTS);
}

/** What a JSON body of this value must get: 400 unless it is an object. */
function statusOfJson(value: unknown): number {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? 200 : 400;
}

describe('the Slack bot process under 1,000 hostile signed requests', () => {
  let bot: RunningBot;
  let fake: FakeSlack;
  let dataPath: string;
  let baseUrl: string;

  beforeAll(async () => {
    fake = await FakeSlack.start({ botToken: BOT_TOKEN });
    dataPath = join(await tempDir(), 'twinning.json');
    const seed = JSON.parse(await readFile(join(ROOT, 'data/seed.json'), 'utf8'));
    seed.settings.staff = [`slack:${STAFF}`];
    await writeFile(dataPath, JSON.stringify(seed));
    bot = await startSlackBot(dataPath, {
      apiUrl: fake.apiUrl,
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
    });
    baseUrl = bot.url;
  }, 30_000);

  afterAll(async () => {
    if (bot.child.exitCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
    await fake.close();
  });

  it('GIVEN 1,000 of them THEN each gets its status, /healthz answers throughout, nothing reaches the safety net, and every write ran exactly once', async () => {
    const all = cases(() => fake.responseUrl(), fake.apiUrl);
    expect(all).toHaveLength(REQUESTS);
    const wrong: string[] = [];
    let sent = 0;
    const send = async (c: Case) => {
      const headers: Record<string, string> =
        c.signature === 'omit'
          ? { 'Content-Type': c.request.contentType }
          : { ...signedHeaders(SIGNING_SECRET, c.request, c.timestamp), ...c.headers };
      if (c.signature !== undefined && c.signature !== 'omit') headers['X-Slack-Signature'] = c.signature;
      const res = await fetch(`${baseUrl}/slack/events`, {
        method: 'POST',
        headers,
        body: c.request.body,
      }).catch((error: Error) => ({ status: `${error.message} ${String(error.cause)}` }) as const);
      if (res.status !== c.status) wrong.push(`${c.label}: got ${res.status}, wanted ${c.status}`);
      if ('text' in res) await res.text();
    };
    // Replays and retries go in order after their first delivery; everything else overlaps.
    const queue = [...all];
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
        await send(c);
        sent += 1;
        if (sent % 100 === 0) {
          const health = await fetch(`${baseUrl}/healthz`);
          expect(health.status).toBe(200);
        }
      }
    });
    await Promise.all(workers);
    expect(wrong).toEqual([]);
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);

    // Stopping waits for the answers and writes under way, then frees the store.
    bot.child.kill('SIGTERM');
    const [code] = await bot.exited;
    expect(code).toBe(0);
    expect(bot.output()).not.toContain('bug:');
    expect(bot.output()).not.toContain(SIGNING_SECRET);
    expect(bot.output()).not.toContain(BOT_TOKEN);

    const store = JSON.parse(await readFile(dataPath, 'utf8'));
    const writes = new Set(all.flatMap((c) => (c.writes ? [c.writes] : [])));
    expect(writes.size).toBeGreaterThan(20);
    const audited = (store.audit as { action: string; actor: string; summary?: string }[]).filter(
      (entry) => entry.action === 'alias',
    );
    const names = (store.cities as { id: string; names: { name: string }[] }[])
      .find((city) => city.id === 'prague-cz')
      ?.names.map((n) => n.name);
    for (const alias of writes) {
      expect(
        audited.filter((entry) => entry.summary?.includes(`"${alias}"`)),
        alias,
      ).toHaveLength(1);
      expect(names).toContain(alias);
    }
    expect(audited).toHaveLength(writes.size);
    // Forged buttons and refused timestamps never set the home city.
    expect(store.settings.homeCity).toBeUndefined();
  }, 60_000);
});
