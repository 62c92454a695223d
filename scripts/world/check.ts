// `npm run world:check`: rebuilds the layer in memory, says whether data/world is that build, and
// measures it against the lists' own coordinates: records spanning places more than 25 km apart
// (goal 0), likely duplicates (goal under 0.5% of cities), every list row left out with its reason,
// list rows whose pair is missing from the layer (goal 0), and list rows whose pair a `partners`
// answer would not show, with the layer beside the shipped seed as a new office's first start has it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../../src/store/catalog.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { loadWorld } from '../../src/store/world/load.ts';
import { unshownPairs } from './answered.ts';
import { readInputs, WORLD_DIR } from './inputs.ts';
import { measure } from './measure.ts';
import { buildWorld, sha256 } from './world.ts';

const built = buildWorld(readInputs());
const { resolution, assembled, world, manifest } = built;
const m = measure(resolution, assembled.idOf, world);

const seed = StoreSchema.parse(JSON.parse(readFileSync(SEED_PATH, 'utf8')));
const unshown = unshownPairs(resolution, assembled.idOf, new Catalog(seed, loadWorld(WORLD_DIR)));

const onDisk = (() => {
  try {
    return sha256(readFileSync(join(WORLD_DIR, 'world.json')));
  } catch {
    return undefined;
  }
})();

console.log('Rows of the lists left out, with the reason:');
for (const l of resolution.leftOut)
  console.log(
    `  ${l.row.list} line ${l.row.line}: ${l.row.a.name} (${l.row.a.country}) – ${l.row.b.name} (${l.row.b.country}): ${l.reason}: ${l.detail}`,
  );
console.log('\nRecords holding places more than 25 km apart:');
for (const s of m.spreads) console.log(`  ${s.city}: ${s.km.toFixed(0)} km (${s.names.join(', ')})`);
console.log('\nLikely duplicates (same country, similar name, under 5 km apart):');
for (const d of m.duplicates) console.log(`  ${d.a} ~ ${d.b}: ${d.km.toFixed(1)} km`);
if (m.missingPairs.length > 0) {
  console.log('\nList rows whose pair is missing from the layer:');
  for (const line of m.missingPairs) console.log(`  ${line}`);
}

if (unshown.length > 0) {
  console.log('\nList rows whose pair `partners` would not show (the layer beside the seed):');
  for (const line of unshown) console.log(`  ${line}`);
}

const rows = resolution.resolved.length + resolution.leftOut.length;
const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(2)}%`;
console.log('\nSummary');
console.log(
  `  layer: ${manifest.cities} cities, ${manifest.partnerships} partnerships, ${manifest.bytes} bytes`,
);
console.log(
  `  data/world/world.json: ${onDisk === manifest.sha256 ? 'is this build' : onDisk ? 'OUT OF DATE: run npm run world' : 'MISSING: run npm run world'}`,
);
console.log(
  `  list rows: ${rows}, in the layer ${resolution.resolved.length}, left out ${resolution.leftOut.length} (${percent(resolution.leftOut.length, rows)})`,
);
for (const [reason, n] of [...m.leftOutByReason.entries()].sort((x, y) => y[1] - x[1]))
  console.log(`    ${reason}: ${n}`);
console.log(`  records holding places more than 25 km apart: ${m.spreads.length} (goal 0)`);
console.log(
  `  likely duplicates: ${m.duplicates.length} = ${percent(m.duplicates.length, manifest.cities)} of cities (goal under 0.5%)`,
);
console.log(`  list rows whose pair is missing from the layer: ${m.missingPairs.length} (goal 0)`);
console.log(
  `  list rows whose pair \`partners\` would not show, on either side (the layer beside the seed): ${unshown.length} (goal 0)`,
);
const failed =
  m.spreads.length > 0 ||
  m.duplicates.length >= 0.005 * manifest.cities ||
  m.missingPairs.length > 0 ||
  unshown.length > 0;
process.exitCode = failed || onDisk !== manifest.sha256 ? 1 : 0;
