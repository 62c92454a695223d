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

/**
 * Folds a name for lookup: case, diacritics, punctuation and white space do not matter, so
 * "Rzeszów", "RZESZOW" and "rzeszow" meet, and "Saint-Étienne" meets "saint etienne". Scripts without
 * case (北上市) pass through unchanged.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßøłđðþæœıħ]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lowercase slug for ids: "Concord", "US", "California" -> "concord-california-us". */
export function slugify(...parts: string[]): string {
  return parts
    .map((part) => foldName(part).replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}
