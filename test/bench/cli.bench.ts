// `twinbot ask` on the seed beside `node -e 0` in the same run (CPU time, medians), for each way of
// running the CLI that was considered: the build that `npm start` and `bin.twinbot` run (an esbuild
// bundle split into lazily loaded chunks), tsc's plain output, and tsx compiling at every start.
// Target: the build within 3x of `node -e 0`.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
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

const ask = ['ask', '--data', store, 'partners kitakami'];
const candidates: Record<string, string[]> = {
  'node -e 0 (reference)': ['-e', '0'],
  'build (esbuild, split chunks)': [join(out, 'bundle', 'cli.js'), ...ask],
  'build --help': [join(out, 'bundle', 'cli.js'), '--help'],
  'tsc output': [join(out, 'tsc', 'src', 'cli.js'), ...ask],
  'tsx src/cli.ts': ['--import', 'tsx', join(root, 'src', 'cli.ts'), ...ask],
};

/** CPU seconds (user + system) of one `node` run, as bash's `times` counts its children. */
function cpuSeconds(args: string[]): number {
  const text = execFileSync('bash', ['-c', '"$@" > /dev/null; times', '_', process.execPath, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const children = text.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(([, m, s]) => Number(m) * 60 + Number(s));
  if (seconds.length !== 2) throw new Error(`unexpected output of times: ${text}`);
  return seconds.reduce((a, b) => a + b, 0);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const runs = new Map<string, number[]>(Object.keys(candidates).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  // Alternately, so a noisy moment on the machine is shared by every candidate.
  for (const [name, args] of Object.entries(candidates)) runs.get(name)?.push(cpuSeconds(args));
}

const reference = median(runs.get('node -e 0 (reference)') ?? []);
console.log(`twinbot ask "partners kitakami" on the seed, CPU time, median of ${ROUNDS} runs:`);
for (const [name, values] of runs) {
  const ms = median(values) * 1000;
  console.log(`  ${name.padEnd(32)} ${ms.toFixed(0).padStart(5)} ms  ${(ms / 1000 / reference).toFixed(1)}x`);
}
const build = median(runs.get('build (esbuild, split chunks)') ?? []) / reference;
console.log(
  `  target: the build within 3x of node -e 0: ${build <= 3 ? 'met' : 'NOT met'} (${build.toFixed(1)}x)`,
);
