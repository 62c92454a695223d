import type { Command } from '../command.ts';
import { findCommand, type Invocation } from '../parse-command.ts';

/** What a question supplies to a command: cities (ids or names as written), a period, a text. */
export interface QuestionValues {
  cities?: readonly string[];
  window?: string;
  /** A text argument: what to look up. */
  text?: string;
  /** A country argument: an ISO code. */
  country?: string;
}

/**
 * The invocation with the arguments named as the command declares them: cities fill the command's
 * city arguments in order, the period its window argument. The registry stays the one grammar.
 */
export function invocationOf(
  commands: readonly Command[],
  name: string,
  values: QuestionValues = {},
): Invocation {
  const cities = [...(values.cities ?? [])];
  const args: Record<string, string> = {};
  for (const spec of findCommand(commands, name)?.args ?? []) {
    const value =
      spec.kind === 'city'
        ? cities.shift()
        : spec.kind === 'window'
          ? values.window
          : spec.kind === 'text'
            ? values.text
            : spec.kind === 'country'
              ? values.country
              : undefined;
    if (value !== undefined) args[spec.name] = value;
  }
  return { command: name, args };
}

/**
 * Whether each city the invocation names is a city the store knows: exactly one (`exact`), or at
 * least one (a namesake, whose answer lists the candidates). A name the store does not know would
 * only answer "no city named ...".
 */
export function namesKnownCities(
  invocation: Invocation,
  commands: readonly Command[],
  matches: (name: string) => number,
  exact: boolean,
): boolean {
  const specs = findCommand(commands, invocation.command)?.args ?? [];
  return specs.every((spec) => {
    const value = invocation.args[spec.name];
    if (spec.kind !== 'city' || value === undefined) return true;
    const count = matches(value);
    return exact ? count === 1 : count >= 1;
  });
}
