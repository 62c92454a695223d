// `twinbot ask` and `twinbot --help` on the seed beside `node -e 0` in the same run (CPU time, ratios
// round by round), for each way of running the CLI that was considered: the build that `npm start`
// and `bin.twinbot` run (esbuild: the entry, and one bundle per command split only where it loads a
// part lazily), tsc's plain output, and tsx compiling at every start.
// Target: `twinbot ask` from the build within 3x of `node -e 0`.
import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCli } from '../../scripts/build.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const ROUNDS = 7;
const root = join(import.meta.dirname, '..', '..');
// Inside the package, so the built code finds data/ by walking up to package.json.
const out = join(root, 'node_modules', '.cache', 'twinbot-bench');
const store = join(await tempDir(), 'twinning.json');
await copyFile(SEED_PATH, store);

await buildCli(join(out, 'bundle'));
await mkdir(out, { recursive: true });
await writeFile(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    extends: join(root, 'tsconfig.json'),
    compilerOptions: {
      noEmit: false,
      outDir: join(out, 'tsc'),
      rootDir: root,
      rewriteRelativeImportExtensions: true,
    },
    include: [join(root, 'src'), join(root, 'commands')],
  }),
);
execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(out, 'tsconfig.json')], {
  stdio: 'inherit',
});
// tsc emits the one catalog the code imports (English); the others are read from files beside it.
await cp(join(root, 'src', 'i18n', 'catalogs'), join(out, 'tsc', 'src', 'i18n', 'catalogs'), {
  recursive: true,
});

const ask = ['ask', '--data', store, 'partners kitakami'];
const candidates: Record<string, string[]> = {
  'node -e 0 (reference)': ['-e', '0'],
  'build: twinbot ask': [join(out, 'bundle', 'cli.js'), ...ask],
  // The same answer through the German catalog: the cost of answering in a reader's language.
  'build: twinbot ask --lang de': [join(out, 'bundle', 'cli.js'), '--lang', 'de', ...ask],
  'build: twinbot --help': [join(out, 'bundle', 'cli.js'), '--help'],
  'tsc output: twinbot ask': [join(out, 'tsc', 'src', 'cli.js'), ...ask],
  'tsx src/cli.ts: twinbot ask': ['--import', 'tsx', join(root, 'src', 'cli.ts'), ...ask],
};

/** Runs of each command back to back in one measurement: bash's `times` counts in 10 ms ticks. */
const RUNS_PER_ROUND = 3;

/** CPU seconds (user + system) of one `node` run, as bash's `times` counts its children. */
function cpuSeconds(args: string[]): number {
  const text = execFileSync(
    'bash',
    [
      '-c',
      `for _ in {1..${RUNS_PER_ROUND}}; do "$@" > /dev/null; done; times`,
      '_',
      process.execPath,
      ...args,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const children = text.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(([, m, s]) => Number(m) * 60 + Number(s));
  if (seconds.length !== 2) throw new Error(`unexpected output of times: ${text}`);
  return seconds.reduce((a, b) => a + b, 0) / RUNS_PER_ROUND;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const REFERENCE = 'node -e 0 (reference)';
const names = Object.keys(candidates);
const seconds = new Map<string, number[]>(names.map((name) => [name, []]));
// Each round's own ratio to the reference measured in that round: the machine's speed drifts.
const ratios = new Map<string, number[]>(names.map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  // Alternately, so a noisy moment on the machine is shared by every candidate.
  const thisRound = new Map(Object.entries(candidates).map(([name, args]) => [name, cpuSeconds(args)]));
  const reference = thisRound.get(REFERENCE) ?? Number.NaN;
  for (const [name, value] of thisRound) {
    seconds.get(name)?.push(value);
    ratios.get(name)?.push(value / reference);
  }
}

console.log(
  `twinbot ask "partners kitakami" on the seed, CPU time (user + system): median of ${ROUNDS} rounds of ${RUNS_PER_ROUND} runs; ratio to node -e 0 of the same round, median (min-max)`,
);
for (const name of names) {
  const ms = median(seconds.get(name) ?? []) * 1000;
  const r = ratios.get(name) ?? [];
  console.log(
    `  ${name.padEnd(32)} ${ms.toFixed(0).padStart(5)} ms  ${median(r).toFixed(2)}x (${Math.min(...r).toFixed(2)}-${Math.max(...r).toFixed(2)})`,
  );
}
const build = median(ratios.get('build: twinbot ask') ?? []);
console.log(
  `  target: twinbot ask (the build) within 3x of node -e 0: ${build <= 3 ? 'met' : 'NOT met'} (${build.toFixed(2)}x)`,
);
