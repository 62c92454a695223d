import type { PlatformConfig } from '../config.ts';
import type { Logger } from '../core/logger.ts';

/**
 * The process's last line of defence while the bot serves Slack or Discord. Each request's own
 * errors are caught where they happen; an error that still escapes is a bug in our code or in a
 * library. Node would end the process for it, and with it every other conversation, so it is logged
 * loudly (what it was and where, never a secret) and the bot keeps serving. Store writes are atomic
 * (temp file and rename), so an error between two steps of a request cannot leave a half-written store.
 * Returns a function that removes the handlers again.
 */
export function logStrayErrors(log: Logger, platforms: PlatformConfig): () => void {
  const secrets = secretsOf(platforms);
  const report = (what: string) => (error: unknown) =>
    log.error(redact(`bug: ${what}: ${describe(error)}`, secrets));
  const onRejection = report('a failed promise that nothing handled');
  const onException = report('an error that nothing caught');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

/** The error's name and message, and the first frames of its stack: enough to find the bug. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : 'a value that is not an Error';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 5)
    .map((line) => line.trim());
  return [`${error.name}: ${error.message}`, ...frames].join(' | ');
}

/** The configured platform secrets, for scrubbing from what is logged. */
export function secretsOf({ slack, discord }: PlatformConfig): string[] {
  return [
    slack?.botToken,
    slack?.mode === 'http' ? slack.signingSecret : slack?.appToken,
    discord?.token,
  ].filter((secret): secret is string => secret !== undefined && secret.length >= 8);
}

function redact(line: string, secrets: readonly string[]): string {
  return secrets.reduce((safe, secret) => safe.split(secret).join('[redacted]'), line);
}
