import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreFileError } from '../errors.ts';
import type { WorldFile } from '../world-schema.ts';
import { World } from './world.ts';

/** The world layer's files cannot be used: the message says which file, why, and how to rebuild it. */
export class WorldFileError extends StoreFileError {
  constructor(path: string, detail: string) {
    super(
      path,
      `${detail}. Rebuild the world layer with \`npm run world\`; to run without it, set "world": false in the store's "settings" (for a new store: \`twinbot init --no-world\`).`,
    );
    this.name = 'WorldFileError';
  }
}

/** Each folder's layer, read once per process. */
const loaded = new Map<string, World>();

/**
 * Reads the world layer once per process: the manifest, then world.json, whose bytes must have the manifest's
 * sha256. The file was validated whole when it was built (scripts/world), so it is trusted here
 * after the checksum instead of being validated field by field at every start.
 */
export function loadWorld(dir: string): World {
  let world = loaded.get(dir);
  if (!world) {
    world = readWorld(dir);
    loaded.set(dir, world);
  }
  return world;
}

function readWorld(dir: string): World {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = readJson(manifestPath) as { format?: unknown; file?: unknown; sha256?: unknown };
  if (manifest.format !== 1 || typeof manifest.file !== 'string' || typeof manifest.sha256 !== 'string')
    throw new WorldFileError(manifestPath, 'is not a world layer manifest of format 1');
  const path = join(dir, manifest.file);
  const bytes = readBytes(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== manifest.sha256)
    throw new WorldFileError(
      path,
      `does not match its manifest (sha256 ${sha256.slice(0, 12)}…, the manifest says ${manifest.sha256.slice(0, 12)}…): it was changed or cut short`,
    );
  let data: WorldFile;
  try {
    data = JSON.parse(bytes.toString('utf8')) as WorldFile;
  } catch (error) {
    throw new WorldFileError(path, `is not valid JSON (${(error as Error).message})`);
  }
  if (data.format !== 1) throw new WorldFileError(path, `has format ${String(data.format)}, not 1`);
  return new World(data);
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorldFileError(path, code === 'ENOENT' ? 'is missing' : `cannot be read (${code})`);
  }
}

function readJson(path: string): unknown {
  const bytes = readBytes(path);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new WorldFileError(path, `is not valid JSON (${(error as Error).message})`);
  }
}
