/**
 * What every part of the settings reader returns, and the one error start-up stops with. Kept apart
 * from the readers so that `twinbot --help` and the CLI's error handler load no schema library.
 */

/** A setting is missing or malformed: start-up stops with this message. */
export class ConfigError extends Error {
  override name = 'ConfigError';

  /** One line per problem, each naming its variable: an operator fixes them all in one go. */
  static of(problems: readonly string[]): ConfigError {
    return new ConfigError(
      problems.length === 1
        ? (problems[0] ?? '')
        : `${problems.length} configuration problems:\n${problems.map((line) => `  - ${line}`).join('\n')}`,
    );
  }
}

/**
 * One part of the settings (a variable, or a few that only work together): its value, or every
 * mistake found in it, one line each naming the variable and never echoing its value (most are
 * secrets). Parts return this instead of throwing, so `readSettings` can report all of them at once.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

export const mistakes = (...lines: string[]): Parsed<never> => ({ ok: false, problems: lines });

/** For a caller that reads one part alone: its value, or the ConfigError naming its mistakes. */
export function valueOrThrow<T>(part: Parsed<T>): T {
  if (!part.ok) throw ConfigError.of(part.problems);
  return part.value;
}
