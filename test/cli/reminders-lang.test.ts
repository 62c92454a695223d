import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { runTwinbotInLanguage as twinbot } from '../fixtures/twinbot-process.ts';

describe('twinbot reminders simulate in the reader language', () => {
  it('GIVEN LANG=de_DE THEN the notes and the late mark are German, the posts’ ids and numbers as in English', async () => {
    const data = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, data);
    const args = ['reminders', 'simulate', '--data', data, '--from', '2027-06-02', '--to', '2027-06-04'];
    const run = await twinbot([...args, '--down', '2027-06-03..2027-06-03'], { LANG: 'de_DE.UTF-8' });
    expect(run.out).toBe(
      [
        '# keine Erinnerungsziele im Datenbestand: simuliert wird ein Konsolenziel um 09:00 UTC',
        '2027-06-02 09:00 UTC console buffalo-us--rzeszow-pl 52 0',
        '2027-06-04 00:00 UTC console le-mans-fr--paderborn-de 60 0 verspätet',
        '# 2 gesendet, 0 verpasst',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
  });

  it('GIVEN --lang ja and a date in the wrong form THEN the usage error is Japanese', async () => {
    const run = await twinbot(
      ['reminders', 'simulate', '--lang', 'ja', '--from', '3.6.2027', '--to', '2027-06-04'],
      {},
    );
    expect(run.out).toContain('--from は YYYY-MM-DD 形式の日付で指定してください（「3.6.2027」は不可）');
    expect(run.code).toBe(1);
  });
});
