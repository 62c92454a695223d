/** Records of a list parsed at once. */
const PIECE = 1000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Parses a JSON object's text as JSON.parse does, but the lists under the given top-level keys a
 * thousand records at a time, each piece handed to its callback as soon as it is parsed. What the
 * callback lets go of (a record's repeats, once shared: see repeatSharer) then dies young, in the
 * part of the heap that is emptied whole, instead of leaving holes among the records kept, which the
 * process would keep as footprint (some 15 MB at 100,000 partnerships). Text that is not an object
 * with such lists is parsed whole (so a damaged text fails as JSON.parse fails).
 */
export function parseInPieces(
  text: string,
  lists: Readonly<Record<string, (piece: unknown[]) => void>>,
): unknown {
  const cut: { from: number; to: number }[] = [];
  const found = new Map<string, unknown[]>();
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACE) return JSON.parse(text);
  i = skipSpace(text, i + 1);
  while (text.charCodeAt(i) === QUOTE) {
    const keyEnd = endOfString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd + 1)) as string;
    i = skipSpace(text, keyEnd + 1);
    if (text.charCodeAt(i) !== COLON) return JSON.parse(text);
    const from = skipSpace(text, i + 1);
    const each = Object.hasOwn(lists, key) ? lists[key] : undefined;
    let to: number;
    if (each && text.charCodeAt(from) === OPEN_BRACKET) {
      // A key given twice holds its last value, as with JSON.parse.
      const list: unknown[] = [];
      found.set(key, list);
      to = parseList(text, from, (piece) => {
        each(piece);
        for (const record of piece) list.push(record);
      });
      cut.push({ from, to });
    } else to = endOfValue(text, from);
    if (to < 0) return JSON.parse(text);
    i = skipSpace(text, to);
    if (text.charCodeAt(i) === COMMA) i = skipSpace(text, i + 1);
  }
  if (text.charCodeAt(i) !== CLOSE_BRACE || skipSpace(text, i + 1) !== text.length) return JSON.parse(text);
  // The rest of the object with the lists left empty; they are filled with the records parsed.
  let rest = '';
  let at = 0;
  for (const { from, to } of cut) {
    rest += `${text.slice(at, from)}[]`;
    at = to;
  }
  const parsed = JSON.parse(rest + text.slice(at)) as Record<string, unknown>;
  for (const [key, list] of found) parsed[key] = list.slice();
  return parsed;
}

/** Parses the list whose '[' is at `open` a piece at a time; the index after its ']', or -1. */
function parseList(text: string, open: number, each: (piece: unknown[]) => void): number {
  let depth = 0;
  let count = 0;
  let from = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = endOfString(text, i);
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
      if (depth > 0) continue;
      const last = text.slice(from, i);
      // A comma before nothing: not JSON, which JSON.parse of the whole text then says.
      if (from > open + 1 && last.trim() === '') return -1;
      each(JSON.parse(`[${last}]`) as unknown[]);
      return i + 1;
    } else if (c === COMMA && depth === 1 && ++count === PIECE) {
      each(JSON.parse(`[${text.slice(from, i)}]`) as unknown[]);
      from = i + 1;
      count = 0;
    }
  }
  return -1;
}

/** The index after the value starting at `i` (a string, list, object or bare word), or -1. */
function endOfValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return endOfString(text, i) + 1;
  if (c === OPEN_BRACKET || c === OPEN_BRACE) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === QUOTE) j = endOfString(text, j);
      else if (d === OPEN_BRACKET || d === OPEN_BRACE) depth++;
      else if ((d === CLOSE_BRACKET || d === CLOSE_BRACE) && --depth === 0) return j + 1;
    }
    return -1;
  }
  let j = i;
  while (j < text.length && !isEnd(text.charCodeAt(j))) j++;
  return j > i ? j : -1;
}

/** The index of the quote that closes the string opening at `i` (the text's length when none does). */
function endOfString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === QUOTE) return j;
  }
  return text.length;
}

function isEnd(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return j;
}
