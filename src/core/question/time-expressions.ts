import type { Token } from './tokens.ts';

/** What a question says about time: a period in the `anniversaries` grammar, and which anniversary. */
export interface TimeReading {
  /** `next 60 days`, `this month`, `2027`, `2027-06`...: text `parseWindow` reads. */
  period?: string;
  /** "the 50th anniversary", "turn 50". */
  ordinal?: number;
  /** Indexes of the tokens these words used, so they are not read as anything else. */
  used: Set<number>;
}

const MONTHS = [
  ['january', 'jan', 'januar', 'janvier'],
  ['february', 'feb', 'februar', 'fevrier'],
  ['march', 'mar', 'marz', 'mars'],
  ['april', 'apr', 'avril'],
  ['may', 'mai'],
  ['june', 'jun', 'juni', 'juin'],
  ['july', 'jul', 'juli', 'juillet'],
  ['august', 'aug', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'oktober', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'dezember', 'decembre'],
];
const MONTH = MONTHS.flat().join('|');

interface Pattern {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray) => Partial<Omit<TimeReading, 'used'>> | undefined;
}

const days = (n: string | undefined, unit = 'days'): string =>
  `next ${Number(n) * (unit.startsWith('week') || unit.startsWith('semaine') ? 7 : 1)} days`;

/**
 * Periods and anniversary numbers in English, German and French, over folded words. Longer forms
 * come first so "in the next 60 days" is read whole before "60" alone could be.
 */
const PATTERNS: readonly Pattern[] = [
  {
    re: /\b(?:next|coming|following) (\d{1,4}) (days?|weeks?)\b/,
    read: (m) => ({ period: days(m[1], m[2]) }),
  },
  { re: /\b(\d{1,4}) (days?|weeks?) (?:ahead|from now)\b/, read: (m) => ({ period: days(m[1], m[2]) }) },
  {
    re: /\b(?:nachsten|kommenden) (\d{1,4}) (tagen?|tage|wochen?)\b/,
    read: (m) => ({ period: days(m[1], m[2] === undefined || m[2].startsWith('woch') ? 'weeks' : 'days') }),
  },
  {
    re: /\b(\d{1,4}) (?:prochains|prochaines) (jours|semaines)\b/,
    read: (m) => ({ period: days(m[1], m[2]) }),
  },
  {
    re: /\b(?:this|current) month\b|\b(?:diesen|diesem) monat\b|\bce mois(?: ci)?\b/,
    read: () => ({ period: 'this month' }),
  },
  {
    re: /\bnext month\b|\b(?:nachsten|kommenden) monat\b|\b(?:le )?mois prochain\b/,
    read: () => ({ period: 'next month' }),
  },
  {
    re: /\b(?:this|current) year\b|\b(?:dieses|diesem) jahr\b|\bcette annee\b/,
    read: () => ({ period: 'this year' }),
  },
  {
    re: /\bnext year\b|\b(?:nachstes|nachsten|kommendes|kommenden) jahr\b|\b(?:l )?annee prochaine\b/,
    read: () => ({ period: 'next year' }),
  },
  {
    re: /\b(?:this|the coming) week\b|\bdiese woche\b|\bcette semaine\b/,
    read: () => ({ period: 'next 7 days' }),
  },
  { re: new RegExp(`\\b(${MONTH}) (\\d{4})\\b`), read: (m) => monthOf(m[1], m[2]) },
  { re: /\b(\d{4}) (\d{1,2})\b/, read: (m) => isoMonth(m[1], m[2]) },
  { re: /\b(1\d{3}|2\d{3})\b/, read: (m) => ({ period: m[1] }) },
  {
    re: /\bturn(?:s|ing)? (\d{1,3})\b|\b(\d{1,3}) (?:years? old|jahre alt|ans)\b/,
    read: (m) => ({ ordinal: Number(m[1] ?? m[2]) }),
  },
  { re: /\b(\d{1,3}) ?(?:st|nd|rd|th|e|eme|er)\b/, read: (m) => ({ ordinal: Number(m[1]) }) },
  { re: /\b(\d{1,3}) (?:jahrestag|jubilaum|anniversaire)/, read: (m) => ({ ordinal: Number(m[1]) }) },
];

/** Reads the time words of a question; each kind of reading is taken from its first match. */
export function readTime(tokens: readonly Token[]): TimeReading {
  const reading: TimeReading = { used: new Set() };
  const { text, tokenAt } = joined(tokens);
  for (const pattern of PATTERNS) {
    const m = pattern.re.exec(text);
    if (!m) continue;
    const found = pattern.read(m);
    if (!found) continue;
    if (found.period !== undefined && reading.period !== undefined) continue;
    if (found.ordinal !== undefined && reading.ordinal !== undefined) continue;
    Object.assign(reading, found);
    for (let at = m.index; at < m.index + m[0].length; at++) {
      const index = tokenAt[at];
      if (index !== undefined) reading.used.add(index);
    }
  }
  return reading;
}

/** The folded words joined by spaces, and for each character the token it belongs to. */
function joined(tokens: readonly Token[]): { text: string; tokenAt: (number | undefined)[] } {
  const tokenAt: (number | undefined)[] = [];
  const parts: string[] = [];
  tokens.forEach((token, index) => {
    if (index > 0) tokenAt.push(undefined);
    for (let i = 0; i < token.folded.length; i++) tokenAt.push(index);
    parts.push(token.folded);
  });
  return { text: parts.join(' '), tokenAt };
}

function monthOf(name: string | undefined, year: string | undefined) {
  const month = MONTHS.findIndex((names) => names.includes(name ?? '')) + 1;
  return month > 0 ? isoMonth(year, String(month)) : undefined;
}

function isoMonth(year: string | undefined, month: string | undefined) {
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  return { period: `${year}-${String(m).padStart(2, '0')}` };
}
