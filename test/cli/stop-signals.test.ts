import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import { Store } from '../../src/store/store.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { freePort } from '../fakes/slack-requests.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { spawnTwinbot } from '../fixtures/twinbot-process.ts';

const root = join(import.meta.dirname, '..', '..');

/** The process and every process under it (Linux /proc), while they run. */
async function processTree(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const below = await Promise.all(
    children
      .split(/\s+/)
      .filter(Boolean)
      .map((c) => processTree(Number(c))),
  );
  return [pid, ...below.flat()];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(output: () => string, text: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!output().includes(text)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no "${text}" in:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The exit, or a failure after the 10 s a supervisor waits before it kills. */
function within10s<T>(exit: Promise<T>): Promise<T> {
  return Promise.race([
    exit,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('still running 10 s after the signal')), 10_000),
    ),
  ]);
}

describe('npm start and stop signals', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    await buildCli();
    fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  }, 60_000);
  afterAll(() => fake.close());

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`GIVEN the bot started with npm start WHEN npm gets ${signal} THEN every process exits 0 within 10 s and the store is free`, async () => {
      const path = join(await tempDir(), 'twinning.json');
      await copyFile(SEED_PATH, path);
      const npm = spawn('npm', ['start', '--', '--data', path], {
        cwd: root,
        stdio: 'pipe',
        env: {
          ...Object.fromEntries(
            Object.entries(process.env).filter(([name]) => !/^(SLACK|DISCORD)_/.test(name)),
          ),
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: fake.apiUrl,
          PORT: String(await freePort()),
        },
      });
      let output = '';
      npm.stdout.on('data', (chunk) => {
        output += chunk;
      });
      npm.stderr.on('data', (chunk) => {
        output += chunk;
      });
      const exited = once(npm, 'exit');
      try {
        await waitFor(() => output, 'running: slack', npm);
        const tree = await processTree(npm.pid ?? 0);
        expect(tree.length).toBeGreaterThan(1);

        const sent = Date.now();
        npm.kill(signal);
        const [code] = await within10s(exited);
        const deadline = Date.now() + 10_000;
        while (tree.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

        expect(tree.filter(alive)).toEqual([]);
        expect(Date.now() - sent).toBeLessThan(10_000);
        expect(code).toBe(0);
        expect(output).toContain('stopping');
        const store = await Store.open(path, { lock: true, lockWaitMs: 0 });
        await store.close();
      } finally {
        npm.kill('SIGKILL');
      }
    }, 60_000);
  }

  it('GIVEN the local shell with its input still open WHEN it gets SIGTERM THEN it exits 0 and frees the store', async () => {
    const path = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, path);
    const shell = spawnTwinbot(['start', '--data', path], {});
    let output = '';
    shell.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    shell.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = once(shell, 'exit');
    try {
      shell.stdin?.write('partners kitakami\n');
      await waitFor(() => output, 'Partner cities of Kitakami', shell);
      shell.kill('SIGTERM');
      const [code, signal] = await within10s(exited);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      const store = await Store.open(path, { lock: true, lockWaitMs: 0 });
      await store.close();
    } finally {
      shell.kill('SIGKILL');
    }
  }, 60_000);
});
