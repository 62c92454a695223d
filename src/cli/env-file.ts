import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../config-result.ts';

/**
 * Loads `.env` from the working directory when there is one, with Node's own parser (no dependency).
 * A variable already set in the environment wins over the file, as with `node --env-file`, so a
 * container's or a unit's settings are never overridden by a file left beside the bot.
 */
export function loadDotEnv(path = resolve('.env')): void {
  if (!existsSync(path)) return;
  try {
    process.loadEnvFile(path);
  } catch (error) {
    throw new ConfigError(`${path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
