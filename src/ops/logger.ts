import { pino } from 'pino';
import { type LogFields, type Logger, type LogLevel, scrubber } from '../core/logger.ts';

/**
 * Fields that hold secrets wherever they turn up, censored by pino's `redact`: our config objects,
 * HTTP headers that libraries keep on their errors (axios' `config.headers`, the request's headers).
 */
const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'Authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.*.headers.authorization',
  '*.*.headers.Authorization',
];

export interface LoggerOptions {
  level: LogLevel;
  /** Where JSON lines go (default stderr, written synchronously so no line is lost at exit). */
  destination?: pino.DestinationStream;
  /** Our configured secrets, scrubbed from every message and string field. */
  secrets?: readonly string[];
}

/** Our Logger, backed by pino: JSON lines with a time, a level and the fields. */
export function createLogger(options: LoggerOptions): Logger {
  const scrub = scrubber(options.secrets ?? []);
  const base = pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Error objects never reach pino whole (see `safeFields`), but a library's may nest in a field.
      serializers: { err: (error: unknown) => describeErrorFields(error, scrub) },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
  const at =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (message: string, fields?: LogFields): void => {
      if (!base.isLevelEnabled(level)) return;
      if (fields === undefined) base[level](scrub(message));
      else base[level](safeFields(fields, scrub), scrub(message));
    };
  return {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    enabled: (level) => base.isLevelEnabled(level),
  };
}

/**
 * Stderr in a terminal gets pino-pretty's readable lines, written synchronously in this thread (a
 * worker-thread transport would cost start-up time and could lose the last lines at exit); anything
 * else (a container, systemd, a pipe) gets JSON lines.
 */
export async function openLogger(level: LogLevel, secrets: readonly string[]): Promise<Logger> {
  if (process.stderr.isTTY !== true) return createLogger({ level, secrets });
  const { default: pretty } = await import('pino-pretty');
  const destination = pretty({
    destination: 2,
    sync: true,
    colorize: process.env.NO_COLOR === undefined,
    ignore: 'pid,hostname',
    translateTime: 'SYS:HH:MM:ss.l',
  });
  return createLogger({ level, secrets, destination });
}

/** String fields scrubbed; errors reduced to name, message, code and a few frames. */
function safeFields(fields: LogFields, scrub: (text: string) => string): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') safe[key] = scrub(value);
    else if (value instanceof Error) safe[key] = describeErrorFields(value, scrub);
    else safe[key] = value;
  }
  return safe;
}

function describeErrorFields(error: unknown, scrub: (text: string) => string): Record<string, unknown> {
  if (!(error instanceof Error))
    return { message: scrub(typeof error === 'string' ? error : 'not an Error') };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 5)
    .map((line) => scrub(line.trim()));
  return {
    type: error.name,
    message: scrub(error.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(frames.length > 0 && { stack: frames }),
  };
}
