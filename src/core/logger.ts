/** Structured fields beside a log message: never a secret, never a library's object whole. */
export type LogFields = Readonly<Record<string, unknown>>;

/** pino's levels, quietest last; `silent` writes nothing. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What every part of the bot logs through. Levels: `error` for bugs and failures nobody was told
 * about, `warn` for refusals and things an operator should look at, `info` for the life cycle and one
 * line per request, `debug` for what helps find a problem (message text, library chatter).
 * Core code gets this interface, never pino itself.
 */
export interface Logger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  /** Whether lines at `level` are written, so a caller can skip building one that would be dropped. */
  enabled(level: Exclude<LogLevel, 'silent'>): boolean;
}

/** Writes nothing: for tools and tests that have no use for the lines. */
export const silentLogger: Logger = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  enabled: () => false,
};

/**
 * Token shapes that may sit in free text (a library's error message): Slack tokens, Discord bot
 * tokens, and whatever follows `Bearer` or `Bot` in a quoted header.
 */
const TOKEN_SHAPES = [
  /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g,
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g,
  /\b(Bearer|Bot) [A-Za-z0-9._~+/=-]{16,}/g,
];

/** Replaces known secret values (8 characters or more) and anything shaped like a token with `[redacted]`. */
export function scrubber(secrets: readonly string[]): (text: string) => string {
  const known = secrets.filter((secret) => secret.length >= 8);
  return (text) => {
    let safe = text;
    for (const shape of TOKEN_SHAPES)
      safe = safe.replace(shape, (_, word) =>
        typeof word === 'string' ? `${word} [redacted]` : '[redacted]',
      );
    for (const secret of known) safe = safe.split(secret).join('[redacted]');
    return safe;
  };
}
