// `npm run world`: builds data/world/world.json and manifest.json from the two public lists and the
// gazetteer (see README, "World data"). Deterministic: the same inputs give byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs, WORLD_DIR } from './inputs.ts';
import { buildWorld } from './world.ts';

const started = performance.now();
const built = buildWorld(readInputs());
mkdirSync(WORLD_DIR, { recursive: true });
writeFileSync(join(WORLD_DIR, 'world.json'), built.json);
writeFileSync(join(WORLD_DIR, 'manifest.json'), `${JSON.stringify(built.manifest, null, 2)}\n`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `world: ${built.manifest.cities} cities, ${built.manifest.partnerships} partnerships, ` +
    `${(built.manifest.bytes / 1e6).toFixed(1)} MB, ${built.resolution.leftOut.length} list rows left out ` +
    `(npm run world:check lists them), built in ${seconds} s`,
);
