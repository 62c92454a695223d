import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { runTwinbot } from '../fixtures/twinbot-process.ts';
import { WORLD_FIXTURE, worldCopy } from '../fixtures/world-layer.ts';

/** Runs the real twinbot with this world layer folder. */
function twinbot(args: string[], world = WORLD_FIXTURE) {
  return runTwinbot(args, { TWINBOT_WORLD: world });
}

describe('twinbot init and the world layer', () => {
  it('GIVEN init THEN the store uses the world layer and answers partners Berlin', async () => {
    const path = join(await tempDir(), 'store.json');
    const init = await twinbot(['init', '--data', path]);
    expect(init.stdout).toContain('with the world layer (14 cities, 9 partnerships)');
    expect(JSON.parse(await readFile(path, 'utf8')).settings.world).toBe(true);
    const run = await twinbot(['ask', '--data', path, 'partners Berlin']);
    expect(run.stdout).toContain('listed by Wikipedia and Wikidata, no date recorded');
  });

  it('GIVEN init --no-world THEN the seed without the layer: Berlin is unknown', async () => {
    const path = join(await tempDir(), 'store.json');
    expect((await twinbot(['init', '--no-world', '--data', path])).stdout).toContain(
      '24 cities, 13 partnerships, without the world layer',
    );
    expect(JSON.parse(await readFile(path, 'utf8')).settings.world).toBe(false);
    expect((await twinbot(['ask', '--data', path, 'partners Berlin'])).stdout).toContain(
      'No city named "Berlin"',
    );
  });

  it('GIVEN init --empty THEN no records and no layer', async () => {
    const path = join(await tempDir(), 'store.json');
    expect((await twinbot(['init', '--empty', '--data', path])).stdout).toContain(
      '0 cities, 0 partnerships, without the world layer',
    );
    expect(JSON.parse(await readFile(path, 'utf8')).settings.world).toBe(false);
  });

  it('GIVEN a damaged world layer THEN a store using it is refused with how to rebuild, and one without it still answers', {
    timeout: 90_000,
  }, async () => {
    const dir = await worldCopy();
    const folder = await tempDir();
    const using = join(folder, 'with.json');
    const without = join(folder, 'without.json');
    await twinbot(['init', '--data', using]);
    await twinbot(['init', '--no-world', '--data', without]);
    await writeFile(join(dir, 'world.json'), (await readFile(join(dir, 'world.json'), 'utf8')).slice(0, -2));
    const refused = await twinbot(['ask', '--data', using, 'partners Prague'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${join(dir, 'world.json')}: does not match its manifest`);
    expect(refused.stderr).toContain('npm run world');
    const fine = await twinbot(['ask', '--data', without, 'partners Prague'], dir);
    expect(fine.code).toBe(0);
    expect(fine.stdout).toContain('Partner cities of Prague');
    const init = await twinbot(['init', '--data', join(folder, 'new.json')], dir);
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('does not match its manifest');
  });
});
