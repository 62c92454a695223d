import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type LogFields, type Logger, scrubber } from '../../core/logger.ts';

/**
 * A logger that can never print our secrets: known secret values and anything shaped like a Slack
 * token are replaced in messages and string fields, whatever the text came from (our words, a
 * library's error message), before it reaches the logger underneath.
 */
export function redactingLog(log: Logger, secrets: readonly string[]): Logger {
  const scrub = scrubber(secrets);
  const safe = (fields: LogFields | undefined) =>
    fields === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(fields).map(([key, value]) => [
            key,
            typeof value === 'string' ? scrub(value) : value,
          ]),
        );
  const at =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (message: string, fields?: LogFields): void =>
      log[level](scrub(message), safe(fields));
  return {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    enabled: (level) => log.enabled(level),
  };
}

/** One line about a failure: the message only, never the request or response objects around it. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : 'unknown error';
}

/** The most detailed Bolt level our logger writes, so Bolt and its clients skip building the rest. */
export function boltLevelOf(log: Logger): LogLevel {
  if (log.enabled('debug')) return LogLevel.DEBUG;
  if (log.enabled('info')) return LogLevel.INFO;
  return log.enabled('warn') ? LogLevel.WARN : LogLevel.ERROR;
}

/**
 * Bolt's logger (and its Web API and Socket Mode clients'), routed into ours at the same level, so
 * LOG_LEVEL decides what shows. Bolt's debug output dumps payloads, which is message text: it shows
 * at debug only. Objects are reduced to their messages, because printing an HTTP error object would
 * print its request headers, and with them the bot token.
 */
export function boltLogger(log: Logger): BoltLogger {
  let current = boltLevelOf(log);
  const write = (level: 'error' | 'warn' | 'info' | 'debug', parts: unknown[]) => {
    if (log.enabled(level)) log[level](`slack (bolt): ${parts.map(describePart).join(' ')}`);
  };
  return {
    debug: (...parts) => write('debug', parts),
    info: (...parts) => write('info', parts),
    warn: (...parts) => write('warn', parts),
    error: (...parts) => write('error', parts),
    // Bolt sets the level it was given; ours already decides what is written.
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    // One logger is shared by Bolt and its clients, which would each rename it: the name stays Bolt's.
    setName: () => {},
  };
}

function describePart(part: unknown): string {
  if (typeof part === 'string') return part;
  return part instanceof Error ? describeError(part) : '[details omitted]';
}
