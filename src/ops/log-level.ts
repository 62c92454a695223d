import { mistakes, ok, type Parsed } from '../config-result.ts';
import { LOG_LEVELS, type LogLevel } from '../core/logger.ts';

/** `LOG_LEVEL`: one of pino's levels; unset or empty means `info`. */
export function parseLogLevel(env: NodeJS.ProcessEnv): Parsed<LogLevel> {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (raw === undefined || raw === '') return ok('info');
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return ok(raw as LogLevel);
  return mistakes(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (default info)`);
}
