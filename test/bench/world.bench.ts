// The world layer's costs, each beside its reference measured in the same run (issue 14):
// - cold `twinbot ask "partners Berlin"` (the build, a store using the layer) within 2x of the floor:
//   node reading and JSON.parse-ing the same files (store + world.json);
// - a staff edit with the layer within 1.5x of the same edit on the same store without it;
// - the bot's memory (peak RSS of `twinbot start` with the layer, after answering) under 300 MB.
// It uses the layer in TWINBOT_WORLD or data/world when there is one (`npm run world`), as it is and
// with the prebuilt name index added; otherwise a synthetic layer of the expected size (20,000
// cities with 10 names each, 35,000 pairs), written here, with and without that index.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { commands } from '../../commands/index.ts';
import { buildCli } from '../../scripts/build.ts';
import type { Caller } from '../../src/core/caller.ts';
import { Dispatcher } from '../../src/core/dispatcher.ts';
import { SEED_PATH, worldDir } from '../../src/store/paths.ts';
import { Store } from '../../src/store/store.ts';
import { buildNameIndex } from '../../src/store/world/name-index.ts';
import type { WorldFile } from '../../src/store/world-schema.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const ROUNDS = 7;
const root = join(import.meta.dirname, '..', '..');
const dir = await tempDir();

/** A layer shaped like the real one: slugs, names in several scripts, one to three list sources per pair. */
function syntheticWorld(cityCount: number, pairCount: number): WorldFile {
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const syllables = [
    'ber',
    'lin',
    'pra',
    'ha',
    'mün',
    'chen',
    'wro',
    'cław',
    'ka',
    'ta',
    'shi',
    'ma',
    'ré',
    'vel',
    'oz',
    'ла',
    'ри',
    '北',
    '上',
    'ville',
  ];
  const word = () =>
    Array.from(
      { length: 2 + Math.floor(random() * 3) },
      () => syllables[Math.floor(random() * syllables.length)],
    ).join('');
  const langs = ['de', 'fr', 'es', 'ru', 'zh', 'ja', 'pl', 'cs', 'it', 'nl'];
  const cities: WorldFile['cities'] = [];
  for (let i = 0; i < cityCount; i++) {
    const name = i === 0 ? 'Berlin' : `${word()} ${i}`;
    cities.push({
      id: i === 0 ? 'berlin-de' : `city-${i}-de`,
      name,
      names: langs.map((lang) => ({ name: `${word()}${i}`, lang, kind: 'alias' as const })),
      country: 'DE',
      region: 'Region',
      timeZone: 'Europe/Berlin',
      wikidata: `Q${1000 + i}`,
      coordinates: { lat: random() * 80, lon: random() * 170 },
    });
  }
  cities.sort((a, b) => (a.id < b.id ? -1 : 1));
  const ids = cities.map((c) => c.id);
  const pairs = new Map<string, WorldFile['partnerships'][number]>();
  const source = (id: 'wikipedia' | 'wikidata') => ({
    id,
    title: id === 'wikipedia' ? 'List of twin towns and sister cities in Germany' : 'Wikidata P190',
    url: `https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_Germany#${id}`,
  });
  while (pairs.size < pairCount) {
    const a = pairs.size < 20 ? 'berlin-de' : (ids[Math.floor(random() * ids.length)] as string);
    const b = ids[Math.floor(random() * ids.length)] as string;
    if (a === b) continue;
    const [x, y] = a < b ? [a, b] : [b, a];
    const both = random() < 0.4;
    pairs.set(`${x}--${y}`, {
      id: `${x}--${y}`,
      cities: [x, y],
      milestones: [],
      sources: both
        ? [source('wikipedia'), source('wikidata')]
        : [source(random() < 0.5 ? 'wikipedia' : 'wikidata')],
    });
  }
  const partnerships = [...pairs.values()].sort((p, q) => (p.id < q.id ? -1 : 1));
  return { format: 1, sources: [], cities, partnerships };
}

/** The index a builder may write into world.json (see World): every folded name, sorted, with its city's position. */
function withIndex(world: WorldFile): WorldFile {
  return { ...world, index: buildNameIndex(world.cities) };
}

async function writeLayer(folder: string, world: WorldFile): Promise<string> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(folder, { recursive: true });
  const bytes = Buffer.from(JSON.stringify(world));
  await writeFile(join(folder, 'world.json'), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeFile(
    join(folder, 'manifest.json'),
    JSON.stringify({ format: 1, file: 'world.json', sha256, bytes: bytes.length }),
  );
  return folder;
}

const realDir = worldDir();
const real = existsSync(join(realDir, 'manifest.json'));
const layers: Record<string, string> = {};
if (real) {
  const manifest = JSON.parse(await readFile(join(realDir, 'manifest.json'), 'utf8'));
  const world = JSON.parse(await readFile(join(realDir, manifest.file), 'utf8')) as WorldFile;
  layers[realDir] = realDir;
  if (!world.index)
    layers[`${realDir} + prebuilt name index`] = await writeLayer(join(dir, 'indexed'), withIndex(world));
} else {
  const synthetic = syntheticWorld(20_000, 35_000);
  layers['synthetic, no prebuilt index'] = await writeLayer(join(dir, 'plain'), synthetic);
  layers['synthetic, prebuilt name index'] = await writeLayer(join(dir, 'indexed'), withIndex(synthetic));
}

// The build, inside the package so it finds data/ by walking up to package.json.
const out = join(root, 'node_modules', '.cache', 'twinbot-bench-world');
await buildCli(out);
const cli = join(out, 'cli.js');

const seed = JSON.parse(await readFile(SEED_PATH, 'utf8'));
const storePath = (world: boolean) => join(dir, world ? 'with-world.json' : 'without-world.json');
for (const world of [true, false])
  await writeFile(
    storePath(world),
    JSON.stringify({ ...seed, settings: { ...seed.settings, world } }, null, 2),
  );

/** CPU seconds (user + system) of one `node` run, as bash's `times` counts its children. */
function cpuSeconds(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const text = execFileSync('bash', ['-c', '"$@" > /dev/null; times', '_', process.execPath, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const children = text.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(([, m, s]) => Number(m) * 60 + Number(s));
  if (seconds.length !== 2) throw new Error(`unexpected output of times: ${text}`);
  return seconds.reduce((a, b) => a + b, 0);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// 1. Cold `twinbot ask "partners Berlin"` beside the floor, per layer file.
console.log(
  `World layer: ${real ? realDir : 'synthetic (data/world is not built)'}; CPU time, median of ${ROUNDS} runs`,
);
const verdicts: string[] = [];
for (const [label, folder] of Object.entries(layers)) {
  const worldFile = join(folder, 'world.json');
  const bytes = (await readFile(worldFile)).length;
  const answer = execFileSync(process.execPath, [cli, 'ask', '--data', storePath(true), 'partners Berlin'], {
    env: { ...process.env, TWINBOT_WORLD: folder },
    encoding: 'utf8',
  });
  if (!answer.includes('Partner cities of Berlin'))
    throw new Error(`partners Berlin did not answer:\n${answer}`);
  const floor = [
    '-e',
    `const f=require('fs');JSON.parse(f.readFileSync(${JSON.stringify(storePath(true))},'utf8'));JSON.parse(f.readFileSync(${JSON.stringify(worldFile)},'utf8'))`,
  ];
  const ask = [cli, 'ask', '--data', storePath(true), 'partners Berlin'];
  const times = { floor: [] as number[], ask: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    times.floor.push(cpuSeconds(floor));
    times.ask.push(cpuSeconds(ask, { TWINBOT_WORLD: folder }));
  }
  const ratio = median(times.ask) / median(times.floor);
  console.log(`  ${label} (world.json ${(bytes / 1e6).toFixed(1)} MB):`);
  console.log(
    `    floor: node reads + JSON.parse store and world   ${(median(times.floor) * 1000).toFixed(0).padStart(5)} ms`,
  );
  console.log(
    `    twinbot ask "partners Berlin" (build)            ${(median(times.ask) * 1000).toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}x`,
  );
  verdicts.push(
    `cold partners Berlin within 2x of the floor (${label}): ${ratio <= 2 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}x)`,
  );
}

// 2. The same staff edit on the same store, with and without the layer (in one process, the layer loaded).
const editLayer = Object.values(layers).at(-1) as string;
const staff: Caller = { platform: 'cli', userId: 'bench' };
const EDITS = 40;
const timings: Record<string, number[]> = { without: [], with: [] };
const dispatchers: Record<string, Dispatcher> = {};
for (const world of [false, true]) {
  const store = await Store.open(storePath(world), { worldDir: editLayer });
  dispatchers[world ? 'with' : 'without'] = new Dispatcher({
    store,
    commands,
    today: () => Temporal.PlainDate.from('2026-11-26'),
  });
}
for (let i = 0; i < EDITS + 5; i++) {
  for (const key of ['without', 'with']) {
    const started = performance.now();
    const reply = await (dispatchers[key] as Dispatcher).answerText(`alias Prague Praha-${key}-${i}`, staff);
    const ms = performance.now() - started;
    if (reply.kind !== 'answer') throw new Error(`the edit failed: ${JSON.stringify(reply)}`);
    // The first edits warm up the JIT and build the layer's lazy indexes.
    if (i >= 5) timings[key]?.push(ms);
  }
}
const editRatio = median(timings.with ?? []) / median(timings.without ?? []);
console.log(`Staff edit (alias Prague ...), wall time, median of ${EDITS}:`);
console.log(
  `  without the layer  ${median(timings.without ?? [])
    .toFixed(2)
    .padStart(7)} ms`,
);
console.log(
  `  with the layer     ${median(timings.with ?? [])
    .toFixed(2)
    .padStart(7)} ms  ${editRatio.toFixed(2)}x`,
);
verdicts.push(`staff edit within 1.5x: ${editRatio <= 1.5 ? 'met' : 'NOT met'} (${editRatio.toFixed(2)}x)`);

// 3. The bot's memory: `twinbot start` (local shell) with the layer, after answering partners Berlin and a search.
const peakMb = await new Promise<number>((resolve, reject) => {
  const child = spawn(process.execPath, [cli, 'start', '--data', storePath(true)], {
    env: { ...process.env, TWINBOT_WORLD: editLayer },
    stdio: 'pipe',
  });
  let output = '';
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  child.stdout.on('data', async (chunk) => {
    output += chunk;
    if (output.includes('Cities matching') && child.pid !== undefined) {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
      child.stdin.end();
      resolve(peak / 1024);
    }
  });
  child.on('exit', (code) => {
    if (!output.includes('Cities matching'))
      reject(new Error(`start ended (${code}) before answering:\n${output}`));
  });
  child.stdin.write('partners Berlin\nsearch berlni\n');
});
console.log(
  `Bot memory: peak RSS of twinbot start with the layer, after partners Berlin and a fuzzy search: ${peakMb.toFixed(0)} MB`,
);
verdicts.push(`memory under 300 MB: ${peakMb < 300 ? 'met' : 'NOT met'} (${peakMb.toFixed(0)} MB)`);
for (const verdict of verdicts) console.log(`  target: ${verdict}`);
