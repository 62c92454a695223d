import { type Logger, LogLevel } from '@slack/bolt';

export type Log = (line: string) => void;

/** Slack token shapes (bot, user, app-level, configuration), in case any reaches a message. */
const TOKEN_PATTERN = /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;

/**
 * A log that can never print our secrets: known secret values and anything shaped like a Slack
 * token are replaced, whatever the line came from (our words, a library's error message).
 */
export function redactingLog(log: Log, secrets: readonly string[]): Log {
  const known = secrets.filter((secret) => secret.length >= 8);
  return (line) => {
    let safe = line.replace(TOKEN_PATTERN, '[redacted]');
    for (const secret of known) safe = safe.split(secret).join('[redacted]');
    log(safe);
  };
}

/** One line about a failure: the message only, never the request or response objects around it. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : 'unknown error';
}

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * Bolt's logger, routed through our log. Warnings and errors only by default: Bolt's debug output
 * dumps whole payloads. Objects are reduced to their messages, because printing an HTTP error object
 * would print its request headers, and with them the bot token.
 */
export function boltLogger(log: Log): Logger {
  let current: LogLevel = LogLevel.WARN;
  const write = (at: LogLevel, parts: unknown[]) => {
    if (RANK[at] >= RANK[current]) log(`slack (bolt ${at}): ${parts.map(describePart).join(' ')}`);
  };
  return {
    debug: (...parts) => write(LogLevel.DEBUG, parts),
    info: (...parts) => write(LogLevel.INFO, parts),
    warn: (...parts) => write(LogLevel.WARN, parts),
    error: (...parts) => write(LogLevel.ERROR, parts),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: () => {},
  };
}

function describePart(part: unknown): string {
  if (typeof part === 'string') return part;
  return part instanceof Error ? describeError(part) : '[details omitted]';
}
