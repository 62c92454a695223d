import type { Catalog } from '../store/catalog.ts';
import type { Message } from './message.ts';

export type SplitResult = { ok: true; first: string; second: string } | { ok: false; message: Message };

/** Words and marks people put between two city names. */
const SEPARATOR = /\s*(?:\/|\s&\s|\s[–—-]\s|[–—]|\bwith\b|\band\b|\bvs\.?\b)\s*/giu;

/**
 * Splits "san francisco osaka" into its two city names with the help of the name index, so people
 * need not type a separator. An explicit `/`, `with`, `and` or dash is honoured first, but only where
 * both sides name cities: "Stratford and Avon" style names survive.
 */
export function splitCityPair(text: string, catalog: Catalog): SplitResult {
  const trimmed = text.trim();
  const bySeparator = splitAtSeparator(trimmed, catalog);
  if (bySeparator) return bySeparator;
  const words = trimmed.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) {
    return { ok: false, message: (tr) => tr.t('dispatch.nameTwoCities') };
  }
  const splits = words.slice(1).map((_, i) => ({
    first: words.slice(0, i + 1).join(' '),
    second: words.slice(i + 1).join(' '),
  }));
  const known = (name: string) => catalog.matchName(name).length > 0;
  const both = splits.filter((s) => known(s.first) && known(s.second));
  const unique = both.find(
    (s) => catalog.matchName(s.first).length === 1 && catalog.matchName(s.second).length === 1,
  );
  const chosen = unique ?? both[0];
  if (chosen) return { ok: true, ...chosen };
  // One side is not a known city: keep the known side whole so the reply can say which name is unknown.
  const leftKnown = [...splits].reverse().find((s) => known(s.first));
  if (leftKnown) return { ok: true, ...leftKnown };
  const rightKnown = splits.find((s) => known(s.second));
  if (rightKnown) return { ok: true, ...rightKnown };
  if (words.length === 2) return { ok: true, first: words[0] as string, second: words[1] as string };
  return {
    ok: false,
    message: (tr) => tr.t('dispatch.cannotSplit', { text: trimmed }),
  };
}

function splitAtSeparator(text: string, catalog: Catalog): SplitResult | undefined {
  const cuts = [...text.matchAll(SEPARATOR)].filter(
    (m) => m.index > 0 && m.index + m[0].length < text.length,
  );
  const candidates = cuts.map((m) => ({
    first: text.slice(0, m.index).trim(),
    second: text.slice(m.index + m[0].length).trim(),
  }));
  const known = candidates.find(
    (c) => catalog.matchName(c.first).length > 0 && catalog.matchName(c.second).length > 0,
  );
  if (known) return { ok: true, ...known };
  // An unambiguous slash is the user's explicit split, even when a side is not a known city.
  const slashes = candidates.filter((_, i) => cuts[i]?.[0].trim() === '/');
  if (slashes.length === 1 && slashes[0]) return { ok: true, ...slashes[0] };
  return undefined;
}
