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

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Month names, folded: English, German, French, Spanish, and Czech with the case forms a date takes ("v červnu 2027"). */
const MONTHS = [
  ['january', 'jan', 'januar', 'janvier', 'enero', 'leden', 'ledna', 'lednu'],
  ['february', 'feb', 'februar', 'fevrier', 'febrero', 'unor', 'unora', 'unoru'],
  ['march', 'mar', 'marz', 'mars', 'marzo', 'brezen', 'brezna', 'breznu'],
  ['april', 'apr', 'avril', 'abril', 'duben', 'dubna', 'dubnu'],
  ['may', 'mai', 'mayo', 'kveten', 'kvetna', 'kvetnu'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'cerven', 'cervna', 'cervnu'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'cervenec', 'cervence', 'cervenci'],
  ['august', 'aug', 'aout', 'agosto', 'srpen', 'srpna', 'srpnu'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'zari'],
  ['october', 'oct', 'oktober', 'octobre', 'octubre', 'rijen', 'rijna', 'rijnu'],
  ['november', 'nov', 'novembre', 'noviembre', 'listopad', 'listopadu'],
  ['december', 'dec', 'dezember', 'decembre', 'diciembre', 'prosinec', 'prosince', 'prosinci'],
];
const MONTH = MONTHS.flat().join('|');
/** The month names long enough not to be everyday words ("mar", "jan" are left out). */
const LONG_MONTH = MONTHS.flat()
  .filter((name) => name.length > 3 || name === 'may' || name === 'mai')
  .join('|');

interface Pattern {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray) => Partial<Omit<TimeReading, 'used'>> | undefined;
}

const days = (n: string | undefined, unit = 'days'): string =>
  `next ${Number(n) * (unit.startsWith('week') || unit.startsWith('semaine') ? 7 : 1)} days`;

/** Ordinals written out, folded: "tenth", "zehnte", "dixième", "décimo", "desáté". */
const SPELLED: Record<string, number> = {
  tenth: 10,
  twentieth: 20,
  twenty: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  hundredth: 100,
  zehnte: 10,
  zehnten: 10,
  zwanzigste: 20,
  zwanzigsten: 20,
  dreissigste: 30,
  dreissigsten: 30,
  funfzigste: 50,
  funfzigsten: 50,
  sechzigste: 60,
  sechzigsten: 60,
  dixieme: 10,
  vingtieme: 20,
  trentieme: 30,
  cinquantieme: 50,
  soixantieme: 60,
  centieme: 100,
  decimo: 10,
  decima: 10,
  vigesimo: 20,
  trigesimo: 30,
  quincuagesimo: 50,
  sexagesimo: 60,
  centesimo: 100,
  desate: 10,
  desateho: 10,
  dvacate: 20,
  dvacateho: 20,
  tricate: 30,
  tricateho: 30,
  padesate: 50,
  padesateho: 50,
  sedesate: 60,
  sedesateho: 60,
  ste: 100,
};

const JUBILEES = byWord([
  [50, 'oro or golden goldene zlate'],
  [25, 'plata argent silver silberne stribrne'],
  [60, 'diamante diamant diamond diamantene diamantove'],
]);

/** Small numbers written out, folded, in the languages read ("three", "drei", "trois", "tres", "tři"/"třech"). */
const SMALL_NUMBERS = byWord([
  [2, 'two zwei deux dos dva dvou dvoch'],
  [3, 'three drei trois tres tri trech'],
  [4, 'four vier quatre cuatro ctyri ctyrech'],
  [6, 'six sechs seis sest sesti'],
  [12, 'twelve zwolf douze doce dvanact dvanacti'],
]);
const NUMBER_WORDS = Object.keys(SMALL_NUMBERS).join('|');
/** A month, counted as days for the `next N days` period. */
const MONTH_DAYS = 30;
const WEEK_DAYS = 7;
const YEAR_DAYS = 365;

function numberOf(text: string | undefined): number {
  return SMALL_NUMBERS[text ?? ''] ?? Number(text);
}

/** "3", "三", "两", "十二", "五十", "百": a number written in digits or in Chinese numerals. */
function cjkCount(text: string | undefined): number {
  if (text === undefined) return 0;
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '两') return 2;
  return text.includes('十') || text === '百' ? kanjiNumber(text) : '一二三四五六七八九'.indexOf(text) + 1;
}

/** Numerals up to a hundred as Chinese and Japanese write them: "三", "十", "十二", "五十", "百". */
const KANJI_NUMBER = '[一二三四五六七八九]?十[一二三四五六七八九]?|百|[一二三四五六七八九]';
/** A month's number: "3", "十二". */
const CJK_MONTH = '\\d{1,2}|十[一二]?|[一二三四五六七八九]';

/** 十 10, 二十 20, 五十 50, 百 100 (the numbers anniversaries are written with in kanji). */
function kanjiNumber(text: string | undefined): number {
  if (text === undefined) return 0;
  if (text === '百') return 100;
  const digits = '一二三四五六七八九';
  const [tens, ones] = text.split('十');
  return (tens ? digits.indexOf(tens) + 1 : 1) * 10 + (ones ? digits.indexOf(ones) + 1 : 0);
}

/**
 * Periods and anniversary numbers in the languages questions are read in, over folded words. Longer forms
 * come first so "in the next 60 days" is read whole before "60" alone could be.
 */
const PATTERNS: readonly Pattern[] = [
  {
    // "2027年下半年", "明年上半年", "下半年", "来年上半期", "the first half of next year": half a year,
    // before the year alone is read.
    re: /(?:(\d{4}) ?年|(今年)|(明年|来年))? ?的? ?(上|下)半(?:年|期)|\b(first|second) half of (?:(\d{4})|(this|next) year)\b/,
    read: (m) => {
      const half = m[4] === '上' || m[5] === 'first' ? 1 : 2;
      const year = m[1] ?? m[6] ?? (m[3] !== undefined || m[7] === 'next' ? 'next year' : 'this year');
      return { period: `${year} h${half}` };
    },
  },
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
    re: /\b(?:proximos|proximas|siguientes) (\d{1,4}) (dias|semanas)\b/,
    read: (m) => ({ period: days(m[1], m[2]?.startsWith('seman') ? 'weeks' : 'days') }),
  },
  {
    re: /\b(?:pristich|nasledujicich|dalsich) (\d{1,4}) (dnech|dnu|dni|tydnech|tydnu|tydny)\b/,
    read: (m) => ({ period: days(m[1], m[2]?.startsWith('tyd') ? 'weeks' : 'days') }),
  },
  {
    // "the next 3 months", "den nächsten drei Monaten", "los próximos 3 meses", "příštích třech měsících".
    re: new RegExp(
      `\\b(?:next|coming|following|nachsten|kommenden|proximos|siguientes|pristich|nasledujicich|dalsich) (\\d{1,2}|${NUMBER_WORDS}) (?:months?|monaten?|meses|mesicich|mesice|mesicu)\\b|\\b(\\d{1,2}|${NUMBER_WORDS}) prochains mois\\b`,
    ),
    read: (m) => ({ period: `next ${MONTH_DAYS * numberOf(m[1] ?? m[2])} days` }),
  },
  {
    // "未来三个月", "今后6个月", "向こう3か月", "3か月以内": months, counted as days.
    re: /(?:未来|今后|接下来|最近|今後|これから|向こう)的? ?(\d{1,2}|[一两二三四五六七八九十]{1,2}) ?(?:个月|個月|か月|ヶ月|カ月|ケ月)|(\d{1,2}|[一两二三四五六七八九十]{1,2}) ?(?:个月|個月|か月|ヶ月|カ月|ケ月) ?(?:内|以内)/,
    read: (m) => ({ period: `next ${MONTH_DAYS * cjkCount(m[1] ?? m[2])} days` }),
  },
  {
    // "未来一周", "今后两个星期", "接下来一年": weeks and years from today, counted as days.
    re: new RegExp(
      `(?:未来|今后|接下来|今後|これから|向こう)的? ?(\\d{1,2}|${KANJI_NUMBER}|两) ?(?:个)? ?(周(?!年)|週(?!年)|星期|礼拜|禮拜|週間|年)`,
    ),
    read: (m) => ({ period: `next ${cjkCount(m[1]) * (m[2] === '年' ? YEAR_DAYS : WEEK_DAYS)} days` }),
  },
  {
    re: new RegExp(
      `(?:未来|今后|接下来|今後|これから|向こう)的? ?(\\d{1,4}|${KANJI_NUMBER}) ?(?:天|日|日間)|(\\d{1,4}|${KANJI_NUMBER}) ?(?:天|日)(?:内|以内)`,
    ),
    read: (m) => ({ period: `next ${cjkCount(m[1] ?? m[2])} days` }),
  },
  {
    re: /\b(?:el )?(?:proximo mes|mes (?:que viene|proximo|siguiente))\b|\bpristi(?:m)? mesic(?:i)?\b|来月|下一?个月|下一?個月|下月/,
    read: () => ({ period: 'next month' }),
  },
  {
    re: /\beste mes\b|\b(?:tento|tomto|tenhle) mesic(?:i)?\b|今月|本月|这个月/,
    read: () => ({ period: 'this month' }),
  },
  {
    // "后年", "再来年", "übernächstes Jahr", "the year after next": before "next year", which they hold.
    re: /\byear after next\b|\bubernachste[ns]? jahr\b|\bprespristi(?:m)? (?:rok|roce)\b|(?<![今明去前大])后年|(?<![今明去前大])後年|再来年/,
    read: () => ({ period: 'year after next' }),
  },
  {
    // "下一年", "下一个月" are read below as "next year" and "next month" with "一" (one) said.
    re: /\b(?:el )?(?:proximo ano|ano (?:que viene|proximo|siguiente))\b|\bpristi(?:m)? (?:rok|roce)\b|来年|明年|下一年/,
    read: () => ({ period: 'next year' }),
  },
  {
    // "年内": within the year, this one.
    // "heuer": this year, in Austria, Bavaria and Switzerland.
    re: /\beste ano\b|\bletos\b|\bheuer\b|\b(?:tento|tomto) (?:rok|roce)\b|今年|年内/,
    read: () => ({ period: 'this year' }),
  },
  {
    // "Today", "heute", "aujourd'hui", "hoy", "dnes", "今日", "今天": anniversaries falling on this day.
    re: /\btoday\b|\bheute\b|\baujourd ?hui\b|\bhoy\b|\bdnes\b|今日|今天/,
    read: () => ({ period: 'today' }),
  },
  {
    re: /\besta semana\b|\btento tyden\b|今週|本周|这周|这个星期/,
    read: () => ({ period: 'next 7 days' }),
  },
  {
    // "下周", "下个星期", "下礼拜", "来週": next week, read as the next seven days as in the other languages
    // ("再来週", the week after, is not).
    re: /下周|下週|下个?星期|下個?星期|下个?礼拜|下個?禮拜|(?<!再)来週|翌週/,
    read: () => ({ period: 'next 7 days' }),
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
  {
    // "next week", "nächste Woche", "la semaine prochaine", "la próxima semana", "příští týden": read as the
    // next seven days, the nearest period the command's grammar has.
    re: /\bnext week\b|\b(?:nachste|nachsten|kommende|kommenden) woche\b|\bsemaine (?:prochaine|qui vient)\b|\bprochaine semaine\b|\b(?:proxima semana|semana (?:que viene|proxima|siguiente))\b|\b(?:pristi|pristim|nasledujici|nasledujicim) (?:tyden|tydnu)\b/,
    read: () => ({ period: 'next 7 days' }),
  },
  // "June 2027", "junio de 2027", "juin 2027", "v červnu roku 2027".
  { re: new RegExp(`\\b(${MONTH}) (?:de |del |roku )?(\\d{4})\\b`), read: (m) => monthOf(m[1], m[2]) },
  {
    // "in March", "im März", "en mars", "en marzo", "v březnu": a month without a year, the next such month
    // (`parseWindow` reads the English name). Only whole names after a word for "in", so "may" the verb
    // and "mar" the sea are not months.
    re: new RegExp(
      `\\b(?:in|during|im|en|au mois de|durante|para|v|ve|na|behem) (?:(?:the )?month of |(?:el )?mes de |mesici )?(${LONG_MONTH})\\b`,
    ),
    read: (m) => monthAlone(m[1]),
  },
  // "2027年3月", "2027年十月": a month of a year as Chinese and Japanese write it.
  {
    re: new RegExp(`(\\d{4}) ?年 ?(${CJK_MONTH}) ?月`),
    read: (m) => isoMonth(m[1], String(cjkCount(m[2]))),
  },
  // "年底", "年末": the year's end, its last month.
  { re: /年底|年末|年终|年終/, read: () => monthAlone('december') },
  {
    // "3月", "三月", "10月份": a month without a year, the next such month; not a count of months
    // ("3个月", "3か月", read above) nor a larger number ("13月").
    re: new RegExp(`(?<![\\d十])(${CJK_MONTH}) ?月`),
    read: (m) => monthAlone(MONTHS[cjkCount(m[1]) - 1]?.[0]),
  },
  { re: /\b(\d{4}) (\d{1,2})\b/, read: (m) => isoMonth(m[1], m[2]) },
  { re: /\b(1\d{3}|2\d{3})\b/, read: (m) => ({ period: m[1] }) },
  {
    // "turn 50", "celebrating 70", "feiern 60", "cumplen 50", "oslaví 25": the number of years reached.
    re: /\b(?:turn(?:s|ing)?|celebrat(?:e|es|ing)|feier[nt]?|fete(?:nt|ra|ront)?|celebra(?:n|ran|ra)?|cumple(?:n)?|cumpliran|oslavi|slavi) (\d{1,3})\b|\b(\d{1,3}) (?:years? old|jahre alt|ans)\b/,
    read: (m) => ({ ordinal: Number(m[1] ?? m[2]) }),
  },
  { re: /\b(\d{1,3}) ?(?:st|nd|rd|th|e|eme|er)\b/, read: (m) => ({ ordinal: Number(m[1]) }) },
  // "Wann wird die Partnerschaft 50?", "Welche werden nächstes Jahr 50?": the number the sentence ends
  // on, after "wird"/"werden" (only the number is taken, not the names between); "zum 70. Mal".
  { re: /(?<=\b(?:wird|werden)\b.*)\b(\d{1,3})$/, read: (m) => ({ ordinal: Number(m[1]) }) },
  { re: /\bzum (\d{1,3}) (?:mal|male)\b/, read: (m) => ({ ordinal: Number(m[1]) }) },
  {
    re: /\b(\d{1,3}) (?:jahrestag|jubilaum|anniversaire|aniversario|vyroci|let|anos|jahre|years?|ans|jahrige)/,
    read: (m) => ({ ordinal: Number(m[1]) }),
  },
  { re: /\b(\d{1,3}) ?o\b/, read: (m) => ({ ordinal: Number(m[1]) }) },
  {
    // "zehnjähriges", "fünfundzwanzigjährige": German writes the years and "-jährig" as one word.
    re: /\b([a-z]+)jahrig(?:e[mnrs]?)?\b/,
    read: (m) => {
      const n = germanNumber(m[1] ?? '');
      return n === undefined ? undefined : { ordinal: n };
    },
  },
  { re: /(\d{1,3}) ?(?:周年|年目)/, read: (m) => ({ ordinal: Number(m[1]) }) },
  // "满50年", "满五十年": Chinese "turning 50 years", said of a tie as of a person.
  { re: new RegExp(`满 ?(\\d{1,3}|${KANJI_NUMBER}) ?周?年`), read: (m) => ({ ordinal: cjkCount(m[1]) }) },
  // "第10个周年", "第十周年", "第10回目の記念日": the n-th anniversary, counted.
  {
    re: new RegExp(`第 ?(\\d{1,3}|${KANJI_NUMBER}) ?(?:个|個|回目?|次)? ?の? ?(?:周年|纪念|記念)`),
    read: (m) => ({ ordinal: cjkCount(m[1]) }),
  },
  {
    re: /([一二三四五六七八九]?十[一二三四五六七八九]?|百) ?周年/,
    read: (m) => ({ ordinal: kanjiNumber(m[1]) }),
  },
  // "半世紀", "半个世纪": half a century.
  { re: /半个?世[纪紀]/, read: () => ({ ordinal: 50 }) },
  // "金婚", "銀婚式", "ダイヤモンド婚": golden, silver and diamond weddings, said of ties too.
  {
    re: /(金|银|銀|钻石|鑽石|ダイヤモンド) ?婚/,
    read: (m) => ({ ordinal: m[1] === '金' ? 50 : m[1] === '银' || m[1] === '銀' ? 25 : 60 }),
  },
  {
    // Golden, silver and diamond anniversaries, as each language names them.
    re: /\b(?:bodas de (oro|plata|diamante)|noces d (or|argent)|noces de (diamant)|(golden|silver|diamond) (?:jubilee|anniversary)|(goldene|silberne|diamantene)s? (?:jubilaum|jahrestag|hochzeit)|(zlate|stribrne|diamantove) (?:vyroci|jubileum))\b/,
    read: (m) => ({ ordinal: JUBILEES[m.slice(1).find((word) => word !== undefined) ?? ''] }),
  },
  {
    re: new RegExp(`\\b(${Object.keys(SPELLED).join('|')})\\b`),
    read: (m) => ({ ordinal: SPELLED[m[1] ?? ''] }),
  },
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
    // Japanese and Chinese words are written together ("下个月" may come as "下", "个", "月").
    const together = CJK.test(token.folded) && CJK.test(tokens[index - 1]?.folded ?? '');
    if (index > 0 && !together) {
      tokenAt.push(undefined);
      parts.push(' ');
    }
    for (let i = 0; i < token.folded.length; i++) tokenAt.push(index);
    parts.push(token.folded);
  });
  return { text: parts.join(''), tokenAt };
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

function monthAlone(name: string | undefined) {
  const names = MONTHS.find((names) => names.includes(name ?? ''));
  return names ? { period: names[0] } : undefined;
}

const GERMAN_UNITS = byWord([
  [1, 'ein eins'],
  [2, 'zwei'],
  [3, 'drei'],
  [4, 'vier'],
  [5, 'funf'],
  [6, 'sechs'],
  [7, 'sieben'],
  [8, 'acht'],
  [9, 'neun'],
  [10, 'zehn'],
  [11, 'elf'],
  [12, 'zwolf'],
  [15, 'funfzehn'],
  [20, 'zwanzig'],
  [30, 'dreissig'],
  [40, 'vierzig'],
  [50, 'funfzig'],
  [60, 'sechzig'],
  [70, 'siebzig'],
  [80, 'achtzig'],
  [90, 'neunzig'],
  [100, 'hundert einhundert'],
]);

/** A German number up to a hundred written as one folded word ("zehn", "funfundzwanzig"). */
function germanNumber(word: string): number | undefined {
  const whole = GERMAN_UNITS[word];
  if (whole !== undefined) return whole;
  const [units, tens] = word.split('und');
  const u = GERMAN_UNITS[units ?? ''];
  const t = GERMAN_UNITS[tens ?? ''];
  return u !== undefined && u < 10 && t !== undefined && t >= 20 && t < 100 && t % 10 === 0
    ? t + u
    : undefined;
}

/** Each word of a row, written with spaces between, mapped to the row's number. */
function byWord(rows: readonly (readonly [number, string])[]): Record<string, number> {
  return Object.fromEntries(rows.flatMap(([n, words]) => words.split(' ').map((word) => [word, n])));
}
