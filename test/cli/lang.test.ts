import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { runTwinbotInLanguage as twinbot } from '../fixtures/twinbot-process.ts';

async function seedCopy(): Promise<string> {
  const path = join(await tempDir(), 'twinning.json');
  await copyFile(SEED_PATH, path);
  return path;
}

const ask = async (extra: string[], env?: Record<string, string>) =>
  twinbot(
    ['ask', '--data', await seedCopy(), '--today', '2026-11-26', ...extra, 'agreement prague shanghai'],
    env,
  );

describe('twinbot ask in the reader language', () => {
  it.each([
    ['de', 'beendet durch Shanghai am 14. Januar 2020', 'Schwesterstadt'],
    ['fr', 'résilié par Shanghai le 14 janvier 2020', 'Chronologie'],
    ['es', 'rescindido por Shanghai el 14 de enero de 2020', 'Cronología'],
    ['cs', 'ukončeno ze strany města Šanghaj dne 14. ledna 2020', 'Strana města Praha:'],
    ['ja', '2020年1月14日にShanghaiにより終了', '姉妹都市'],
    ['zh', '2020年1月14日已终止（上海市方面）', '姐妹城市'],
  ])(
    'GIVEN --lang %s THEN agreement prague shanghai answers in it, with the date in its form',
    async (lang, status, word) => {
      const run = await ask(['--lang', lang]);
      expect(run.code).toBe(0);
      expect(run.out).toContain(status);
      expect(run.out).toContain(word);
      expect(run.out).not.toContain('January');
      expect(run.out).not.toContain('Timeline');
    },
  );

  it('GIVEN a reader language THEN cities are named in it where the store holds such a name, else as usual', async () => {
    const data = await seedCopy();
    const cs = await twinbot(['ask', '--data', data, '--lang', 'cs', 'partners prague']);
    expect(cs.out).toContain('Partnerská města: Praha');
    expect(cs.out).toContain('Šanghaj (sesterské město)');
    const ja = await twinbot(['ask', '--data', data, '--lang', 'ja', 'partners concord, california']);
    expect(ja.out).toContain('北上市（姉妹都市）');
    // The store holds no Japanese name for Prague: its usual name, never one it lacks.
    const jaPrague = await twinbot(['ask', '--data', data, '--lang', 'ja', 'agreement prague shanghai']);
    expect(jaPrague.out).toContain('Prague – Shanghai');
  });

  it('GIVEN no --lang THEN LANG decides (de_DE.UTF-8 is German; C.UTF-8 stays English)', async () => {
    expect((await ask([], { LANG: 'de_DE.UTF-8' })).out).toContain('am 14. Januar 2020');
    expect((await ask([])).out).toContain('terminated by Shanghai on 14 January 2020');
  });

  it('GIVEN a --lang we have no catalog for THEN it says which languages there are, exit 1', async () => {
    const run = await ask(['--lang', 'pt']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('en, de, fr, es, cs, ja, zh-Hans');
  });
});
