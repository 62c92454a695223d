import type { TOptions } from 'i18next';
import type { Translator } from './translator.ts';

/**
 * The translator, remembering each sentence it made, for one answer: the rows of a long list repeat
 * their types, statuses and "since" sentences (a date is a placeholder there), and each made again
 * would cost as much as the rest of the row. Made for one answer and dropped with it, so a catalog
 * registered later is never missed.
 */
export function remembering(tr: Translator): Translator {
  const made = new Map<string, string>();
  return {
    lang: tr.lang,
    t: (key, values) => {
      const id = `${key}\u0000${JSON.stringify(values ?? {})}`;
      let text = made.get(id);
      if (text === undefined) {
        text = tr.t(key, values);
        made.set(id, text);
      }
      return text;
    },
  };
}

/** Stands for the one value a sentence is made without; a character of the Private Use Area, which no catalog nor stored text contains. */
const HOLE = '\uE002';

/**
 * A sentence made once with one placeholder left open, then filled for each row: "{{text}} ({{note}})"
 * for a thousand partners of one type is translated once. Only for a placeholder the sentence shows as
 * it is given (a name, not a number or a plural's count).
 */
export function sentenceWithHole(
  tr: Translator,
  key: string,
  hole: string,
  values: TOptions = {},
): (value: string) => string {
  const pieces = tr.t(key, { ...values, [hole]: HOLE }).split(HOLE);
  return (value) => pieces.join(value);
}
