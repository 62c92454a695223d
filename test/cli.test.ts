import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { watch } from 'node:fs';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, SEED_PATH } from '../src/store/paths.ts';
import { Store } from '../src/store/store.ts';
import { tempDir } from './fixtures/knowledge-base.ts';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `twinbot` command in a child process, as a user would. */
function twinbot(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      stdio: 'pipe',
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function seedCopy(): Promise<string> {
  const path = join(await tempDir(), 'twinning.json');
  await copyFile(SEED_PATH, path);
  return path;
}

describe('twinbot ask', () => {
  it('GIVEN the seed THEN answers agreement prague shanghai with the termination by Shanghai, exit 0', async () => {
    const run = await twinbot([
      'ask',
      '--data',
      await seedCopy(),
      '--today',
      '2026-11-26',
      'agreement prague shanghai',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('terminated by Shanghai on 14 January 2020');
  });

  it('GIVEN a name several cities share THEN lists them all with region and country, exit 0', async () => {
    const run = await twinbot(['ask', '--data', await seedCopy(), 'city concord']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Concord, California, United States');
    expect(run.stdout).toContain('Concord, Massachusetts, United States');
  });

  it('GIVEN --data naming a file that does not exist THEN exits 2 and names twinbot init', async () => {
    const path = join(await tempDir(), 'nope.json');
    const run = await twinbot(['ask', '--data', path, 'help']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`twinbot init --data ${path}`);
  });

  it('GIVEN a malformed --today THEN says how to write it', async () => {
    const run = await twinbot(['ask', '--data', await seedCopy(), '--today', '26/11/2026', 'anniversaries']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('YYYY-MM-DD');
  });
});

describe('twinbot check', () => {
  it('GIVEN a schema-invalid store THEN exits 2 naming path, record and field, and leaves the file byte for byte', async () => {
    const path = await seedCopy();
    const original = await readFile(path, 'utf8');
    const corrupt = original.replace('"country": "CZ"', '"country": "Czechia"');
    await writeFile(path, corrupt);
    const run = await twinbot(['check', '--data', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toMatch(/cities\[\d+\] \(prague-cz\), field country:/);
    expect(await readFile(path, 'utf8')).toBe(corrupt);
  });

  it('GIVEN a valid store THEN reports its size, exit 0', async () => {
    const run = await twinbot(['check', '--data', await seedCopy()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/is valid: \d+ cities, \d+ partnerships/);
  });

  it('GIVEN the same corrupt store to start THEN start refuses too, exit 2, file untouched', async () => {
    const path = await seedCopy();
    await writeFile(path, '{"version":1,');
    const run = await twinbot(['start', '--data', path], 'help\n');
    expect(run.code).toBe(2);
    expect(await readFile(path, 'utf8')).toBe('{"version":1,');
  });
});

describe('twinbot init and export', () => {
  it('GIVEN a new path THEN creates a store from the seed that points at the schema, and refuses to overwrite it', async () => {
    const path = join(await tempDir(), 'new.json');
    expect((await twinbot(['init', '--data', path])).code).toBe(0);
    const created = JSON.parse(await readFile(path, 'utf8'));
    const seed = JSON.parse(await readFile(SEED_PATH, 'utf8'));
    expect(created.partnerships).toEqual(seed.partnerships);
    expect(join(path, '..', created.$schema)).toBe(SCHEMA_PATH);
    const again = await twinbot(['init', '--data', path]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('GIVEN --empty THEN creates a store with no records', async () => {
    const path = join(await tempDir(), 'empty.json');
    await twinbot(['init', '--empty', '--data', path]);
    const run = await twinbot(['check', '--data', path]);
    expect(run.stdout).toContain('0 cities, 0 partnerships');
  });

  it('GIVEN a store THEN export prints it as JSON', async () => {
    const path = await seedCopy();
    const run = await twinbot(['export', '--data', path]);
    expect(JSON.parse(run.stdout).cities).toEqual(JSON.parse(await readFile(path, 'utf8')).cities);
  });
});

describe('twinbot start (local shell)', () => {
  it('GIVEN piped lines THEN answers each in turn and exits at the end of input', async () => {
    const run = await twinbot(['start', '--data', await seedCopy()], 'partners kitakami\ncity Praha\n');
    expect(run.code).toBe(0);
    expect(run.stdout.indexOf('Partner cities of Kitakami')).toBeGreaterThanOrEqual(0);
    expect(run.stdout.indexOf('Prague, Czechia')).toBeGreaterThan(
      run.stdout.indexOf('Partner cities of Kitakami'),
    );
    expect(run.stdout).not.toContain('twinbot>');
  });
});

describe('twinbot staff', () => {
  it('GIVEN add, list and remove THEN manages the staff list and audits each change', async () => {
    const path = await seedCopy();
    expect((await twinbot(['staff', 'add', 'slack:U123', '--data', path])).stdout).toContain(
      'slack:U123 added',
    );
    expect((await twinbot(['staff', 'add', 'discord:role:456', '--data', path])).code).toBe(0);
    expect((await twinbot(['staff', 'list', '--data', path])).stdout).toBe('slack:U123\ndiscord:role:456\n');
    await twinbot(['staff', 'remove', 'slack:U123', '--data', path]);
    const stored = JSON.parse(await readFile(path, 'utf8'));
    expect(stored.settings.staff).toEqual(['discord:role:456']);
    expect(stored.audit.map((e: { action: string }) => e.action)).toEqual([
      'staff add',
      'staff add',
      'staff remove',
    ]);
  });

  it('GIVEN the bot holding the store THEN a CLI change is refused rather than lost, while questions still work', async () => {
    const path = await seedCopy();
    const bot = await Store.open(path, { lock: true });
    try {
      const refused = await twinbot(['staff', 'add', 'slack:U9', '--data', path]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('in use by another twinbot process');
      expect((await twinbot(['ask', '--data', path, 'partners kitakami'])).code).toBe(0);
    } finally {
      await bot.close();
    }
    expect(JSON.parse(await readFile(path, 'utf8')).settings.staff).toEqual([]);
  });

  it('GIVEN the bot holding the store THEN a change through ask is refused too, not written beside it, while staff questions still work', async () => {
    const path = await seedCopy();
    const before = await readFile(path, 'utf8');
    const bot = await Store.open(path, { lock: true });
    try {
      const refused = await twinbot(['ask', '--data', path, 'alias prague Prag2 de']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('in use by another twinbot process');
      const history = await twinbot(['ask', '--data', path, 'history']);
      expect(history.code).toBe(0);
      expect(history.stdout).toContain('No changes recorded yet.');
    } finally {
      await bot.close();
    }
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('GIVEN ask remove without and then with --yes THEN first asks, then removes', async () => {
    const path = await seedCopy();
    const asked = await twinbot(['ask', '--data', path, 'remove', 'paderborn', 'le', 'mans']);
    expect(asked.stdout).toContain('To go ahead, run: `remove paderborn / le mans --yes`');
    expect(JSON.parse(await readFile(path, 'utf8')).partnerships).toHaveLength(13);
    const done = await twinbot(['ask', '--data', path, 'remove', 'paderborn', 'le', 'mans', '--yes']);
    expect(done.stdout).toContain('Removed the partnership Paderborn – Le Mans');
    expect(JSON.parse(await readFile(path, 'utf8')).partnerships).toHaveLength(12);
  });

  it('GIVEN another writer holding the store for a moment THEN ask --yes waits for it and makes the change', async () => {
    const path = await seedCopy();
    const holder = await Store.open(path, { lock: true });
    // A taker leaves its ticket in the lock folder while it waits: release only once ask is waiting.
    const waiting = new Promise<void>((resolve) => {
      const watcher = watch(`${path}.lock`, (_event, name) => {
        if (name?.endsWith('.tmp')) {
          watcher.close();
          resolve();
        }
      });
    });
    const asked = twinbot(['ask', '--data', path, '--yes', 'remove', 'paderborn', 'le', 'mans']);
    await waiting;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await holder.close();
    const done = await asked;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Removed the partnership Paderborn – Le Mans');
    expect(JSON.parse(await readFile(path, 'utf8')).partnerships).toHaveLength(12);
  });

  it('GIVEN a malformed staff id THEN refuses it with the accepted forms, store unchanged', async () => {
    const path = await seedCopy();
    const before = await readFile(path, 'utf8');
    const run = await twinbot(['staff', 'add', 'U123', '--data', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('slack:<user id>');
    expect(await readFile(path, 'utf8')).toBe(before);
  });
});

describe('twinbot reminders simulate', () => {
  it('GIVEN the seed, an outage and a restart THEN prints every post once as date time zone target partnership N lead, late ones marked, exactly as when it simulated on a file copy', async () => {
    const run = await twinbot([
      'reminders',
      'simulate',
      '--data',
      await seedCopy(),
      '--from',
      '2027-05-30',
      '--to',
      '2027-06-06',
      '--down',
      '2027-06-02..2027-06-03',
      '--restart-at',
      '2027-06-05T09:30:00Z',
    ]);
    expect(run.stdout).toBe(
      [
        '# no reminder targets in the store: simulating one console target at 09:00 UTC',
        '2027-06-04 00:00 UTC console buffalo-us--rzeszow-pl 52 0 late',
        '2027-06-04 00:00 UTC console le-mans-fr--paderborn-de 60 0 late',
        '# 2 posts, 0 missed',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
  });

  it('GIVEN a run killed with SIGKILL mid-run THEN it leaves nothing in the temp folder, and the store is unchanged', async () => {
    const path = await seedCopy();
    const before = await readFile(path, 'utf8');
    const tmp = await tempDir();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        'reminders',
        'simulate',
        '--data',
        path,
        '--from',
        '2027-01-01',
        '--to',
        '2036-12-31',
      ],
      // tsx keeps a compile cache in the temp folder: off, so the folder holds only what twinbot leaves.
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: tmp, TSX_DISABLE_CACHE: '1' } },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      // The first post printed: the simulation is under way, with almost ten years still to go.
      if (/^2027-\S+ \S+ UTC console /m.test(stdout)) child.kill('SIGKILL');
    });
    const [, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    expect(signal).toBe('SIGKILL');
    expect(stdout).not.toMatch(/# \d+ posts/);
    expect(await readdir(tmp)).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('GIVEN a malformed --down THEN says the form it wants', async () => {
    const run = await twinbot([
      'reminders',
      'simulate',
      '--data',
      await seedCopy(),
      '--from',
      '2027-01-01',
      '--to',
      '2027-01-02',
      '--down',
      '2027-06-02',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--down takes FROM..TO');
  });
});

describe('twinbot calendar', () => {
  it('GIVEN the seed THEN prints an iCalendar with the numbered upcoming anniversaries', async () => {
    const run = await twinbot(['calendar', '--data', await seedCopy(), '--today', '2026-11-26']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(run.stdout).toContain('SUMMARY:60th anniversary: Le Mans – Paderborn 🎉');
    expect(run.stdout).toContain('DTSTART;VALUE=DATE:20270603');
  });
});

describe('twinbot ask reminders status', () => {
  it('GIVEN a ledger beside the store THEN ask reads what was posted', async () => {
    const path = await seedCopy();
    const store = JSON.parse(await readFile(path, 'utf8'));
    store.reminders = { targets: [{ id: 'console', timeZone: 'UTC' }] };
    await writeFile(path, JSON.stringify(store));
    const ledger = {
      version: 1,
      entries: [
        {
          target: 'console',
          partnership: 'le-mans-fr--paderborn-de',
          number: 60,
          lead: 0,
          due: '2027-06-03',
          state: 'sent',
          at: '2027-06-03T09:00:00Z',
        },
      ],
      progress: { console: '2027-06-03' },
    };
    await writeFile(path.replace(/\.json$/, '.ledger.json'), JSON.stringify(ledger));
    const run = await twinbot(['ask', '--data', path, '--today', '2027-06-04', 'reminders status']);
    expect(run.stdout).toContain('last sent: 2027-06-03 09:00 UTC, le-mans-fr--paderborn-de #60 on the day');
  });
});

describe('twinbot start with a console reminder target', () => {
  it('GIVEN an anniversary due today THEN the local shell prints the reminder in the terminal, once', async () => {
    const path = join(await tempDir(), 'twinning.json');
    const signed = Temporal.Now.plainDateISO('UTC').subtract({ years: 25 }).toString();
    const store = {
      version: 1,
      cities: [
        { id: 'aa-cz', name: 'Aa', country: 'CZ' },
        { id: 'bb-de', name: 'Bb', country: 'DE' },
      ],
      partnerships: [
        { id: 'aa-cz--bb-de', cities: ['aa-cz', 'bb-de'], milestones: [{ kind: 'signing', date: signed }] },
      ],
      reminders: { targets: [{ id: 'console', timeZone: 'UTC', postAt: '00:00', leads: [0] }] },
    };
    await writeFile(path, JSON.stringify(store));
    const first = await twinbot(['start', '--data', path], 'reminders status\n');
    expect(first.stdout).toContain('[reminder]');
    expect(first.stdout).toContain('25th anniversary: Aa – Bb (a milestone year)');
    expect(first.stdout).toMatch(/last sent: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, aa-cz--bb-de #25 on the day/);
    const again = await twinbot(['start', '--data', path], '');
    expect(again.stdout).not.toContain('[reminder]');
  });
});
