import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/store/store.ts';
import { FakeSlack } from '../../fakes/slack-api.ts';
import { freePort, sendToApp, slashCommand } from '../../fakes/slack-requests.ts';
import { tempDir } from '../../fixtures/knowledge-base.ts';
import { BOT_TOKEN, blockTexts, SIGNING_SECRET } from './harness.ts';

const ROOT = join(import.meta.dirname, '../../..');

describe('twinbot start with Slack settings (the real process)', () => {
  let child: ChildProcess | undefined;
  let fake: FakeSlack | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await fake?.close();
  });

  it('GIVEN SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, PORT and SLACK_API_URL THEN answers a signed /twin and exits cleanly on SIGTERM', async () => {
    fake = await FakeSlack.start({ botToken: BOT_TOKEN });
    const dataPath = join(await tempDir(), 'twinning.json');
    await copyFile(join(ROOT, 'data/seed.json'), dataPath);
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start', '--data', dataPath], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        PORT: String(port),
        SLACK_API_URL: fake.apiUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await expect.poll(() => output, { timeout: 20_000, interval: 100 }).toContain('running: slack');

    const res = await sendToApp(
      `http://127.0.0.1:${port}`,
      SIGNING_SECRET,
      slashCommand({ text: 'agreement prague shanghai', responseUrl: fake.responseUrl() }),
    );
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { blocks: unknown };
    expect(blockTexts(answer.blocks).join('\n')).toContain('terminated by Shanghai');

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output).toContain('slack: stopped');
    expect(output).not.toContain(BOT_TOKEN);
    expect(output).not.toContain(SIGNING_SECRET);
    const reopened = await Store.open(dataPath, { lock: true });
    await reopened.close();
  });
});
