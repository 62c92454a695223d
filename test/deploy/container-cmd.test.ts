import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, cp, mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build.ts';
import { Store } from '../../src/store/store.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { freePort } from '../fakes/slack-requests.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

// No container engine here: the image's exact ENTRYPOINT and CMD run on the host, in a folder laid out
// as the Dockerfile lays out /app (no node_modules: the bundle must carry its dependencies), with a
// temp folder for the /data volume.
const root = join(import.meta.dirname, '..', '..');
const TINI = ['/usr/bin/tini', '--'];

/** The JSON array of the last `INSTRUCTION [...]` line. */
function execForm(dockerfile: string, instruction: string): string[] {
  const lines = dockerfile.split('\n').filter((line) => line.startsWith(`${instruction} [`));
  const last = lines.at(-1);
  if (last === undefined) throw new Error(`no ${instruction} in exec form in the Dockerfile`);
  return JSON.parse(last.slice(instruction.length + 1)) as string[];
}

/** Lays out /app as the runtime stage's `COPY --from=build /app/...` lines do. */
async function layOutApp(dockerfile: string, app: string): Promise<void> {
  for (const line of dockerfile.split('\n').filter((l) => l.startsWith('COPY --from=build '))) {
    const words = line.split(/\s+/).slice(2);
    const dest = join(app, words.at(-1) ?? '.');
    for (const source of words.slice(0, -1)) {
      const relative = source.replace(/^\/app\//, '');
      if (relative === 'dist') await buildCli(join(app, 'dist'));
      else if ((await stat(join(root, relative))).isDirectory())
        await cp(join(root, relative), dest, { recursive: true });
      else {
        await mkdir(dest, { recursive: true });
        await copyFile(join(root, relative), join(dest, basename(relative)));
      }
    }
  }
}

describe('the container command (Dockerfile ENTRYPOINT + CMD), run on the host', () => {
  let fake: FakeSlack;
  let dockerfile: string;
  beforeAll(async () => {
    fake = await FakeSlack.start({ botToken: BOT_TOKEN });
    dockerfile = await readFile(join(root, 'Dockerfile'), 'utf8');
  });
  afterAll(() => fake.close());

  it('GIVEN the image layout and a fresh volume WHEN init, start, then SIGTERM THEN the bot serves, exits 0 within 10 s and frees the store', async () => {
    const entrypoint = execForm(dockerfile, 'ENTRYPOINT');
    const cmd = execForm(dockerfile, 'CMD');
    // tini is PID 1 in the image and passes the signal on; here the signal goes to node directly.
    expect(entrypoint.slice(0, 2)).toEqual(TINI);
    const [program, ...entryArgs] = entrypoint.slice(2);
    expect(program).toBe('node');

    const app = await tempDir();
    const volume = await tempDir();
    await layOutApp(dockerfile, app);
    const onVolume = (args: string[]) => args.map((arg) => arg.replace(/^\/data\//, `${volume}/`));
    // The image's own world layer, not the tests' small one.
    const env = {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !/^(SLACK|DISCORD)_|^TWINBOT_WORLD$/.test(name)),
      ),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(await freePort()),
    };

    // The README's one-off step that creates the store on the volume.
    const init = spawn(process.execPath, [...entryArgs, 'init', '--data', `${volume}/twinning.json`], {
      cwd: app,
      stdio: 'ignore',
      env,
    });
    expect((await once(init, 'exit'))[0]).toBe(0);
    const created = JSON.parse(await readFile(`${volume}/twinning.json`, 'utf8'));
    expect(created.settings.world).toBe(true);

    const bot = spawn(process.execPath, [...entryArgs, ...onVolume(cmd)], { cwd: app, stdio: 'pipe', env });
    let output = '';
    bot.stdout.on('data', (chunk) => {
      output += chunk;
    });
    bot.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const exited = once(bot, 'exit');
    try {
      const deadline = Date.now() + 30_000;
      while (!output.includes('running: slack')) {
        if (Date.now() > deadline || bot.exitCode !== null)
          throw new Error(`the bot did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const health = await fetch(`http://127.0.0.1:${env.PORT}/healthz`);
      expect(health.status).toBe(200);

      bot.kill('SIGTERM');
      const [code] = await Promise.race([
        exited,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('still running after 10 s')), 10_000),
        ),
      ]);
      expect(code).toBe(0);
      const store = await Store.open(`${volume}/twinning.json`, { lock: true, lockWaitMs: 0 });
      await store.close();
    } finally {
      bot.kill('SIGKILL');
    }
  }, 90_000);
});
