/** Letters that Unicode does not decompose into a base letter plus a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
};

/** The longest name or region a city may have. */
export const NAME_LIMIT = 200;

/**
 * Folds a name for lookup: case, diacritics, punctuation and white space do not matter, so
 * "Rzeszów", "RZESZOW" and "rzeszow" meet, and "Saint-Étienne" meets "saint etienne". Characters
 * that are not drawn (zero-width space, joiners, variation selectors, soft hyphen: Unicode's
 * default-ignorable set) do not count either, so a name that differs from a known one only by them
 * is that name. Scripts without case (北上市) pass through unchanged.
 */
export function foldName(text: string): string {
  // Most names are plain ASCII, where the Unicode steps below change nothing; skipping them halves
  // the cost of indexing a large store.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return foldLatin(text) ?? foldUnicode(text);
}

function foldUnicode(text: string): string {
  return lettersOf(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The steps of folding that work on each character alone: decomposed, marks and hidden ones dropped, lower case. */
function lettersOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\p{Default_Ignorable_Code_Point}]/gu, '')
    .toLowerCase()
    .replace(/[ßøłđðþæœıħ]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}

/**
 * Each non-ASCII character met so far: what it folds to when that is ASCII letters or digits alone
 * ("ü" -> "u", "ß" -> "ss"), else null.
 */
const LATIN_FOLDS = new Map<number, string | null>();

/**
 * The fold of a name of ASCII and letters that fold to ASCII (most names with accents), one
 * character at a time, as foldUnicode would give it at a fraction of its cost (the Unicode steps
 * ran on every such name at each open of a large store); undefined for any other name.
 */
function foldLatin(text: string): string | undefined {
  let folded = '';
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let letters: string | null | undefined;
    if (code >= 128) {
      letters = LATIN_FOLDS.get(code);
      if (letters === undefined) {
        const alone = lettersOf(text.charAt(i));
        letters = /^[a-z0-9]+$/.test(alone) ? alone : null;
        LATIN_FOLDS.set(code, letters);
      }
      if (letters === null) return undefined;
    } else if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) letters = text.charAt(i);
    else if (code >= 65 && code <= 90) letters = String.fromCharCode(code + 32);
    else {
      // Punctuation and spaces: one space between words, none at either end.
      gap = folded !== '';
      continue;
    }
    folded += gap ? ` ${letters}` : letters;
    gap = false;
  }
  return folded;
}

const ASCII = /^\p{ASCII}*$/u;

/** Lowercase slug for ids: "Concord", "US", "California" -> "concord-california-us". */
export function slugify(...parts: string[]): string {
  return parts
    .map((part) => foldName(part).replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Why cleaned text cannot be a city's name or region ("has no letters or digits"), or undefined
 * when it can: a name must be found again by its letters, and fit the store's limit.
 */
export function nameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.length > NAME_LIMIT) return `is ${name.length} characters long; the limit is ${NAME_LIMIT}`;
  if (foldName(name) === '') return 'has no letters or digits';
  return undefined;
}

/** Whether a and b differ by at most one substitution, insertion, deletion or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
