import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { Store } from '../../src/store/store.ts';
import { APPLICATION_ID, GUILD, TOKEN, variantOf } from '../adapters/discord/harness.ts';
import { FakeDiscord, type FakeMember } from '../fakes/discord.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { spawnTwinbot } from '../fixtures/twinbot-process.ts';

/**
 * A few hundred malformed or hostile gateway dispatches against the real bot process (`twinbot
 * start` with DISCORD_* against the fake Discord, no privileged intent): interactions that are null,
 * numbers or arrays, that lack fields or carry them with the wrong type, unknown interaction and
 * component types, options of the wrong type or of a megabyte, commands and subcommands we never
 * registered, buttons we never issued (forged custom ids that try to run staff commands, with tabs,
 * newlines and non-breaking spaces), messages with odd content, events for guilds we never saw, and
 * staff writes delivered again. The process must stay up, still answer `/twin partners`, and run
 * each staff write exactly once: the store's audit log holds each one once and nothing else.
 * (A gateway that breaks the protocol itself, a HELLO or READY without its data, is not among
 * them: see "Discord" in the README's reliability section.)
 */

const STAFF: FakeMember = { userId: '1100000000000000003' };
const VISITOR: FakeMember = { userId: '1100000000000000002' };
const MUTATIONS = 240;

/** A small deterministic generator, so a failure can be run again exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const HUGE = 'x'.repeat(1_000_000);
const WRONG_VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1e308,
  '',
  'x',
  '1'.repeat(40),
  true,
  [],
  [null],
  {},
  { id: {} },
  HUGE,
];

/** Fields of an interaction payload to break, by path. */
const INTERACTION_FIELDS = [
  ['id'],
  ['type'],
  ['token'],
  ['data'],
  ['data', 'name'],
  ['data', 'type'],
  ['data', 'options'],
  ['data', 'options', 0, 'name'],
  ['data', 'options', 0, 'type'],
  ['data', 'options', 0, 'options'],
  ['data', 'options', 0, 'options', 0, 'value'],
  ['data', 'options', 0, 'options', 0, 'type'],
  ['data', 'options', 0, 'options', 0, 'focused'],
  ['data', 'custom_id'],
  ['data', 'component_type'],
  ['member'],
  ['member', 'user'],
  ['member', 'user', 'id'],
  ['member', 'roles'],
  ['user'],
  ['guild_id'],
  ['channel'],
  ['channel', 'type'],
  ['channel_id'],
  ['app_permissions'],
  ['entitlements'],
  ['authorizing_integration_owners'],
  ['locale'],
  ['message'],
] as const;

type Json = Record<string, unknown>;

/** Sets (or, for undefined, deletes) the value at `path`; a path through a missing part is left alone. */
function setPath(payload: Json, path: readonly (string | number)[], value: unknown): Json {
  let at: unknown = payload;
  for (const key of path.slice(0, -1)) {
    if (typeof at !== 'object' || at === null) return payload;
    at = (at as Record<string | number, unknown>)[key];
  }
  if (typeof at !== 'object' || at === null) return payload;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete (at as Record<string | number, unknown>)[last];
  else (at as Record<string | number, unknown>)[last] = value;
  return payload;
}

let fake: FakeDiscord;
let child: ChildProcess;
let storePath: string;
let stderr = '';

beforeAll(async () => {
  fake = await FakeDiscord.start({
    token: TOKEN,
    applicationId: APPLICATION_ID,
    guilds: [GUILD],
    privilegedIntents: 0,
  });
  storePath = join(await tempDir(), 'twinning.json');
  const seed = JSON.parse(await readFile(SEED_PATH, 'utf8'));
  seed.settings.staff = [`discord:user:${STAFF.userId}`];
  await writeFile(storePath, JSON.stringify(seed));
  child = spawnTwinbot(['start', '--data', storePath], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: fake.apiUrl,
    // Left over from an old .env: said once to be no longer needed, never a reason to stop.
    DISCORD_MESSAGE_CONTENT: '1',
  });
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes('running: discord')) resolve();
    });
    child.once('exit', () => reject(new Error(`twinbot start ended: ${stderr}`)));
  });
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  await fake.close();
});

async function answered(id: string): Promise<Json> {
  const call = await fake.callbackOf(id);
  expect(call.status).toBe(204);
  return call.body;
}

/** A staff write by slash command, answered, then delivered twice more. */
async function staffWrite(subcommand: string, options: Record<string, string>): Promise<Json> {
  const { id } = fake.slashCommand({ command: 'twin-staff', subcommand, options, member: STAFF });
  const body = await answered(id);
  fake.replay(id);
  fake.replay(id);
  return body;
}

/** The audit log as another process reads it while the bot runs: the store file and its journal. */
async function auditActions(): Promise<string[]> {
  const { audit } = (await Store.open(storePath)).catalog.data;
  return audit.map((entry) => `${entry.action} by ${entry.actor}`);
}

describe('hostile Discord dispatches against the running bot', () => {
  it('GIVEN a few hundred malformed or hostile dispatches and replayed staff writes THEN the process stays up, answers /twin partners, and runs each write once', async () => {
    const started = Date.now();
    const next = random(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const message = { id: fake.id(), content: '', components: [] };
    let sent = 0;
    const deliver = (d: unknown) => {
      fake.deliverInteraction(d);
      sent += 1;
    };
    const dispatch = (t: string, d: unknown) => {
      fake.dispatch(t, d);
      sent += 1;
    };

    // Templates: well-formed interactions of every kind the bot answers, to break one field at a time.
    const templates = [
      fake.slashCommand({ command: 'twin', subcommand: 'partners', options: { city: 'prague-cz' } }),
      fake.slashCommand({
        command: 'twin-staff',
        subcommand: 'alias',
        options: { city: 'prague-cz', name: 'Template alias' },
        member: VISITOR,
      }),
      fake.autocomplete({ command: 'twin', subcommand: 'city', focused: { name: 'city', value: 'pra' } }),
      fake.button({ customId: 'twin:page:1:1', message }),
    ];
    for (const { id } of templates) await answered(id);

    // Whole payloads that are not interactions at all.
    for (const d of [null, 0, -1, true, 'INTERACTION', [], [null], {}, { id: null }, HUGE]) deliver(d);

    // One field at a time broken, on a template chosen at random: the staff template is a
    // visitor's, so nothing in this part may write, whatever it is read as.
    for (let n = 0; n < MUTATIONS; n++) {
      const template = pick(templates).id;
      const path = pick(INTERACTION_FIELDS);
      const value = structuredClone(pick(WRONG_VALUES));
      variantOf(fake, template, (d) => setPath(d, path, value));
      sent += 1;
    }

    // Unknown interaction, command and component types, and commands we never registered.
    const base = templates[0]?.id ?? '';
    for (const alter of [
      (d: Json) => ({ ...d, type: 99 }),
      (d: Json) => ({ ...d, type: 5, data: { custom_id: 'form', components: [] } }),
      (d: Json) => ({ ...d, data: { ...(d.data as Json), type: 99 } }),
      (d: Json) => ({ ...d, data: { ...(d.data as Json), name: 'not-ours' } }),
      (d: Json) => ({ ...d, data: { ...(d.data as Json), name: 'twin-staff' } }),
      (d: Json) => ({ ...d, guild_id: '1599999999999999999' }),
      (d: Json) => ({ ...d, type: 3, data: { custom_id: 'twin:run:partners', component_type: 99 }, message }),
    ]) {
      variantOf(fake, base, alter);
      sent += 1;
    }

    // Forged buttons pressed by staff: each must run nothing that writes.
    for (const customId of [
      'twin:run:home\tkitakami-jp',
      'twin:run:home\nkitakami-jp',
      'twin:run:home\u00a0kitakami-jp',
      'twin:run: home kitakami-jp',
      'twin:run:home\u200bkitakami-jp',
      'twin:run:HOME kitakami-jp',
      'twin:run:--yes home kitakami-jp',
      'twin:run:undo',
      'twin:run:staff add discord:user:1100000000000000002',
      'twin:run:city --yes set prague-cz tz Asia/Tokyo',
      'twin:run:remove prague-cz taipei-tw --yes',
      'twin:run:alias prague-cz Forged',
      'twin:confirm:forged-token',
      'twin:cancel:forged-token',
      'twin:confirm:../../x',
      'twin:page:99999999999999999999999:0',
      'twin:page:1:-1',
      'not-ours',
      `twin:run:${'partners '.repeat(11)}`,
    ]) {
      fake.button({ customId, message, member: STAFF });
      sent += 1;
    }

    // Gateway events that are not interactions, some for guilds and channels we never saw.
    for (const [t, d] of [
      ['GUILD_CREATE', null],
      ['GUILD_CREATE', { id: '1599999999999999998' }],
      ['GUILD_DELETE', null],
      ['GUILD_DELETE', { id: '1599999999999999997' }],
      ['GUILD_MEMBER_UPDATE', { guild_id: GUILD.id }],
      ['GUILD_ROLE_UPDATE', null],
      ['CHANNEL_CREATE', null],
      ['CHANNEL_UPDATE', { id: '1400000000000000001', guild_id: '1599999999999999999' }],
      ['THREAD_CREATE', null],
      ['TYPING_START', null],
      ['PRESENCE_UPDATE', null],
      ['MESSAGE_UPDATE', null],
      ['MESSAGE_DELETE', null],
      ['SOMETHING_DISCORD_ADDS_LATER', { a: 1 }],
      ['MESSAGE_CREATE', null],
      ['MESSAGE_CREATE', {}],
    ] as const) {
      dispatch(t, d);
    }

    // Messages with odd content, mentions included, and from guilds and channels we never saw.
    const mention = `<@${fake.botUserId}>`;
    const messageId = fake.message({ content: `${mention} city prague` });
    for (const change of [
      { content: 42 },
      { content: null },
      { content: [mention] },
      { content: { text: `${mention} undo` } },
      { content: `${mention} ${HUGE}` },
      { content: `${mention} \u0000\u202e\u200b undo`, author: undefined },
      { author: null },
      { author: { id: 5 } },
      { guild_id: '1599999999999999999', channel_id: '1400000000000000077' },
      { channel_id: '1400000000000000077' },
      { mentions: 'everyone' },
    ]) {
      dispatch('MESSAGE_CREATE', { ...fake.payloadOf(messageId), ...change, id: fake.id() });
    }

    // Staff writes, each delivered three times; a press of Confirm, twice; a mention that writes, twice.
    for (const name of ['Twinstadt One', 'Twinstadt Two']) {
      expect(JSON.stringify(await staffWrite('alias', { city: 'prague-cz', name }))).toContain(name);
    }
    expect(JSON.stringify(await staffWrite('undo', {}))).toContain('Undone');
    const question = await staffWrite('record', {
      city: 'prague-cz',
      with: 'taipei-tw',
      milestone: 'termination',
      date: '2024-03-01',
    });
    const rows = (question.data as { components: { components: { label: string; custom_id: string }[] }[] })
      .components;
    const confirm = rows.flatMap((row) => row.components).find((button) => button.label === 'Confirm');
    expect(confirm).toBeDefined();
    const press = fake.button({ customId: confirm?.custom_id ?? '', message, member: STAFF });
    expect(JSON.stringify(await answered(press.id))).toContain('Recorded');
    fake.replay(press.id);
    const written = fake.message({ content: `${mention} alias taipei-tw Taibei`, member: STAFF });
    await fake.waitFor((c) => c.body?.message_reference?.message_id === written);
    fake.replay(written);
    sent += 11;

    // Still up, still answering.
    const { id } = fake.slashCommand({
      command: 'twin',
      subcommand: 'partners',
      options: { city: 'prague-cz' },
    });
    const body = await answered(id);
    expect(JSON.stringify(body)).toContain('Partner cities of Prague');
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
    expect(sent).toBeGreaterThanOrEqual(300);

    const staff = `discord:user:${STAFF.userId}`;
    expect(await auditActions()).toEqual([
      `alias by ${staff}`,
      `alias by ${staff}`,
      `undo by ${staff}`,
      `record by ${staff}`,
      `alias by ${staff}`,
    ]);
    expect(stderr).toContain('dropped the gateway event INTERACTION_CREATE');
    expect(stderr.match(/DISCORD_MESSAGE_CONTENT is no longer needed/g)).toHaveLength(1);
    // Nothing may end the process, nor reach start's last-resort handler (its messages start "bug:").
    expect(stderr).not.toMatch(/Unhandled|uncaught|triggerUncaughtException/i);
    expect(stderr).not.toContain('"msg":"bug: ');
    expect(stderr).not.toContain(TOKEN);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
