import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../../src/store/paths.ts';
import { FakeDiscord } from '../../fakes/discord.ts';
import { tempDir } from '../../fixtures/knowledge-base.ts';
import { spawnTwinbot } from '../../fixtures/twinbot-process.ts';
import { APPLICATION_ID, GUILD, TOKEN } from './harness.ts';

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
});

describe('twinbot start with Discord configured (real process)', () => {
  it('GIVEN DISCORD_* pointing at the fake THEN answers a slash command, and exits 0 on SIGTERM', async () => {
    fake = await FakeDiscord.start({ token: TOKEN, applicationId: APPLICATION_ID, guilds: [GUILD] });
    const data = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, data);
    const child = spawnTwinbot(['start', '--data', data], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    let stderr = '';
    const running = new Promise<void>((resolve) => {
      child.stderr?.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('running: discord')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await running;
      const { id } = fake.slashCommand({
        command: 'twin',
        subcommand: 'agreement',
        options: { city: 'prague-cz', with: 'shanghai-cn' },
      });
      const call = await fake.callbackOf(id);
      expect(call.status).toBe(204);
      expect(JSON.stringify(call.body.data.embeds)).toContain('terminated by Shanghai');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopping');
    expect(stderr).not.toContain(TOKEN);
  });
});
