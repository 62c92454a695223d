import type { Span } from '../core/reply.ts';
import { precisionOf } from '../domain/fuzzy-date.ts';
import type { Translator } from './translator.ts';

// Stand-ins for a date or a phrase inside a translated sentence: characters of the Private Use Area,
// which neither a catalog nor stored text contains.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

type Value = string | number | Exclude<Span, string> | readonly Span[];

/**
 * A catalog sentence whose placeholders may be dates or spans: each language puts them where its
 * word order wants ("{{what}} on {{date}}", "{{date}}に{{what}}"), and a date stays a value that the
 * renderer shows natively.
 */
export function tSpans(tr: Translator, key: string, values: Readonly<Record<string, Value>>): Span[] {
  const inserted: (readonly Span[])[] = [];
  const plain: Record<string, string | number> = {};
  // A sentence about a date may read differently by its precision (fr "depuis le 3 juin 1967" but
  // "depuis octobre 1974"): a catalog can add `key_day`, `key_month` or `key_year` beside `key`.
  const date = Object.values(values).find((value) => typeof value === 'object' && 'date' in value);
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') plain[name] = value;
    else {
      plain[name] = `${OPEN}${inserted.length}${CLOSE}`;
      inserted.push(isSpanList(value) ? value : [value]);
    }
  }
  return tr
    .t(key, { ...plain, ...(date && 'date' in date && { context: precisionOf(date.date) }) })
    .split(MARK)
    .flatMap((piece, i) => (i % 2 === 1 ? (inserted[Number(piece)] ?? []) : piece === '' ? [] : [piece]));
}

function isSpanList(value: Exclude<Value, string | number>): value is readonly Span[] {
  return Array.isArray(value);
}
