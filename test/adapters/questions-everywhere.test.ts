import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { RunningAdapter } from '../../src/adapters/adapter.ts';
import { connectDiscord } from '../../src/adapters/discord/client.ts';
import { runShell } from '../../src/adapters/shell.ts';
import { startSlack } from '../../src/adapters/slack/index.ts';
import { Dispatcher, type HandledRequest } from '../../src/core/dispatcher.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { Store } from '../../src/store/store.ts';
import { FakeDiscord } from '../fakes/discord.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { eventCallback, freePort, sendToApp, slashCommand } from '../fakes/slack-requests.ts';
import { capturedLog } from '../fixtures/captured-log.ts';
import { smallStore, tempDir } from '../fixtures/knowledge-base.ts';
import { APPLICATION_ID, GUILD, TOKEN } from './discord/harness.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './slack/harness.ts';

/**
 * Issue 16: the same understanding on every surface. The same questions in plain words, asked on
 * the shell, `twinbot ask`, a Slack mention, DM and `/twin <text>`, a Discord mention and DM, run
 * the same command with the same outcome (one dispatcher watched for what it ran), and each surface
 * shows the same answer: its title and lead sentence, or for an unsure reading the command offered.
 * The CLI, a process of its own, prints exactly what the shell prints.
 */

const TODAY = '2026-11-26';
const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

interface Asked {
  text: string;
  /** What the dispatcher ran and how it ended. */
  command: string;
  outcome: HandledRequest['outcome'];
  /** Every surface shows all of these (title, lead sentence, or the command offered). */
  shows: RegExp[];
}

const QUESTIONS: Asked[] = [
  {
    text: 'is Prague still twinned with Shanghai?',
    command: 'agreement',
    outcome: 'answered',
    shows: [/^Prague – Shanghai$/, /^No: Shanghai ended the partnership on /],
  },
  {
    text: 'Was ist mit Osaka und San Francisco?',
    command: 'agreement',
    outcome: 'answered',
    shows: [/^Osaka – San Francisco$/, /strittig: beendet durch Osaka/],
  },
  {
    text: 'プラハと上海はまだ姉妹都市ですか？',
    command: 'agreement',
    outcome: 'answered',
    shows: [/^プラハ – Shanghai$/, /^いいえ：.*Shanghaiが提携を終了/],
  },
  {
    text: 'tell me a joke about Prague and the moon',
    command: 'none',
    outcome: 'not-understood',
    shows: [/I'm not sure what you are asking/, /city Prague/],
  },
];

/** The small store, with Prague's Japanese name so the Japanese question names it. */
function storeData(): StoreInput {
  const data = smallStore();
  const prague = data.cities.find((city) => city.id === 'prague-cz');
  prague?.names?.push({ name: 'プラハ', lang: 'ja', kind: 'exonym' });
  return data;
}

/** Every string in a message body (Slack blocks, Discord embeds and components), in order. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Each line of each string, Slack's and Discord's markup of dates and emphasis left as is. */
function lines(value: unknown): string[] {
  return strings(value).flatMap((s) => s.split('\n').map((line) => line.replace(/^[*_]+|[*_]+$/g, '')));
}

type Surface = 'shell' | 'slack mention' | 'slack DM' | 'slack /twin' | 'discord mention' | 'discord DM';

let store: Store;
let dispatcher: Dispatcher;
const handled: HandledRequest[] = [];
let slackFake: FakeSlack;
let slack: RunningAdapter;
let slackUrl: string;
let discordFake: FakeDiscord;
let discord: RunningAdapter;
let storePath: string;

beforeAll(async () => {
  storePath = join(await tempDir(), 'store.json');
  store = await Store.create(storePath, storeData());
  dispatcher = new Dispatcher({
    store,
    commands,
    today: () => Temporal.PlainDate.from(TODAY),
    onRequest: (request) => handled.push(request),
  });
  slackFake = await FakeSlack.start({ botToken: BOT_TOKEN });
  const port = await freePort();
  slackUrl = `http://127.0.0.1:${port}`;
  slack = await startSlack(
    { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port, apiUrl: slackFake.apiUrl },
    { dispatcher, log: capturedLog('warn').log },
  );
  discordFake = await FakeDiscord.start({ token: TOKEN, applicationId: APPLICATION_ID, guilds: [GUILD] });
  discord = await connectDiscord(
    { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: discordFake.apiUrl },
    { dispatcher, log: capturedLog('warn', [TOKEN]).log },
  );
});

afterAll(async () => {
  await slack?.stop();
  await slackFake?.close();
  await discord?.stop();
  await discordFake?.close();
  await store?.close();
});

let nextTs = 1_700_000_000;

/** What one surface shows for a question, and what the dispatcher ran for it. */
async function ask(surface: Surface, text: string): Promise<{ shown: string[]; request?: HandledRequest }> {
  const before = handled.length;
  const ts = `${nextTs++}.000100`;
  let shown: string[];
  switch (surface) {
    case 'shell': {
      const output = new PassThrough();
      let written = '';
      output.on('data', (chunk) => {
        written += chunk;
      });
      await runShell(dispatcher, { input: Readable.from([`${text}\n`]), output, interactive: false });
      shown = written.split('\n');
      break;
    }
    case 'slack mention':
    case 'slack DM': {
      const channel = surface === 'slack DM' ? `D0ASKER${ts}` : 'C0GENERAL';
      const event =
        surface === 'slack DM'
          ? { type: 'message', channel_type: 'im', user: 'UASKER', text, ts, channel }
          : { type: 'app_mention', user: 'UASKER', text: `<@UBOT> ${text}`, ts, channel };
      await sendToApp(slackUrl, SIGNING_SECRET, eventCallback(event));
      const [call] = await slackFake.waitFor(
        (c) =>
          c.kind === 'api' &&
          c.method === 'chat.postMessage' &&
          c.args.channel === channel &&
          (surface === 'slack DM' || c.args.thread_ts === ts),
      );
      if (call?.kind !== 'api') throw new Error('expected chat.postMessage');
      shown = lines(call.args.blocks);
      break;
    }
    case 'slack /twin': {
      const responseUrl = slackFake.responseUrl();
      const res = await sendToApp(slackUrl, SIGNING_SECRET, slashCommand({ text, responseUrl }));
      const body = await res.text();
      if (body !== '') shown = lines((JSON.parse(body) as { blocks?: unknown }).blocks);
      else {
        const id = responseUrl.split('/').pop();
        const [call] = await slackFake.waitFor((c) => c.kind === 'respond' && c.id === id);
        shown = call?.kind === 'respond' ? lines((call.body as { blocks?: unknown }).blocks) : [];
      }
      break;
    }
    case 'discord mention': {
      const id = discordFake.message({ content: `<@${discordFake.botUserId}> ${text}` });
      const post = await discordFake.waitFor(
        (c) => c.method === 'POST' && c.body?.message_reference?.message_id === id,
      );
      shown = lines(post.body);
      break;
    }
    case 'discord DM': {
      const { channelId } = discordFake.directMessage({ content: text });
      const post = await discordFake.waitFor(
        (c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`,
      );
      shown = lines(post.body);
      break;
    }
  }
  // The adapters tell the dispatcher's observer once the answer is handed over; give it that moment.
  await expect.poll(() => handled.length, { timeout: 2000 }).toBeGreaterThan(before);
  return { shown, request: handled[before] };
}

/** Runs the real `twinbot ask` in a child process over a copy of the same store. */
function twinbotAsk(text: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'ask', '--data', storePath, '--today', TODAY, text],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', LANG: 'C' } },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

const SURFACES: Surface[] = [
  'shell',
  'slack mention',
  'slack DM',
  'slack /twin',
  'discord mention',
  'discord DM',
];

describe('the same question on every surface', () => {
  for (const question of QUESTIONS) {
    it(`GIVEN "${question.text}" on the shell, twinbot ask, Slack (mention, DM, /twin) and Discord (mention, DM) THEN each runs ${question.command} (${question.outcome}) and shows the same answer`, async () => {
      let shellOutput = '';
      for (const surface of SURFACES) {
        const { shown, request } = await ask(surface, question.text);
        expect({ surface, command: request?.command, outcome: request?.outcome }).toEqual({
          surface,
          command: question.command,
          outcome: question.outcome,
        });
        for (const expected of question.shows) {
          expect(
            shown.some((line) => expected.test(line)),
            `${surface} shows ${expected}: ${shown.join(' | ')}`,
          ).toBe(true);
        }
        if (surface === 'shell') shellOutput = shown.join('\n');
      }
      const cli = await twinbotAsk(question.text);
      expect(cli.stdout.trim()).toBe(shellOutput.trim());
    }, 60_000);
  }
});
