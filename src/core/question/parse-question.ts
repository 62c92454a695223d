import type { City } from '../../domain/city.ts';
import { foldName, withinOneEdit } from '../../domain/names.ts';
import { cityName } from '../../i18n/city-name.ts';
import type { Lang } from '../../i18n/languages.ts';
import { formatList, type Translator } from '../../i18n/translator.ts';
import type { Catalog } from '../../store/catalog.ts';
import type { Command } from '../command.ts';
import type { Message } from '../message.ts';
import type { Invocation, YesNoQuestion } from '../parse-command.ts';
import { inSimplifiedChinese } from './chinese-script.ts';
import { ALTERNATIVES, isCommonWord } from './common-words.ts';
import { countryOfWord, looksLikeCountryWord } from './countries.ts';
import { type CueIndex, cueIndex, hasCue, STEM_LENGTH } from './cue-index.ts';
import { type CueTable, cueTables } from './cues.ts';
import {
  type CaseForms,
  findCities,
  type Mention,
  onlySmallWorldTowns,
  splitGluedNames,
  textBetween,
} from './find-cities.ts';
import { invocationOf, namesKnownCities } from './invocation.ts';
import { questionLanguage } from './language.ts';
import { romanise } from './romanise.ts';
import { readTime } from './time-expressions.ts';
import { isNumber, joinFolded, type Token, tokenize } from './tokens.ts';

/**
 * A question read into a command: `sure` runs it; `unsure` says what was understood (`heard`, in the
 * reader's words once their language is known) and the closest commands, and nothing is answered
 * until the asker picks one.
 */
export type QuestionReading = (
  | { sure: true; invocation: Invocation }
  | { sure: false; heard: Message[]; closest: Invocation[] }
) & {
  /** The language the question is written in, when its words say so clearly (see `questionLanguage`). */
  lang?: Lang;
};

/** Questions are a sentence or two; longer text is not read (and costs nothing). */
const MAX_QUESTION_WORDS = 40;

type Topic =
  | 'partners'
  | 'agreement'
  | 'inForce'
  | 'ended'
  | 'anniversaries'
  | 'city'
  | 'home'
  | 'map'
  | 'timeline'
  | 'chart';
const TOPICS: readonly Topic[] = [
  'partners',
  'agreement',
  'inForce',
  'ended',
  'anniversaries',
  'city',
  'home',
  'map',
  'timeline',
  'chart',
];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KATAKANA = /\p{Script=Katakana}/u;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
/** Yes/no openers that ask how things are (forms of "to be"), not whether something was done. */
const STATE_OPENERS = new Set([
  'is',
  'are',
  'ist',
  'sind',
  'est',
  'estce',
  'sont',
  'es',
  'son',
  'esta',
  'estan',
  'je',
  'jsou',
]);
/**
 * "Were they partners?", "Waren sie Partner?": the past of "to be", which a tie that ended still
 * answers with yes; "No: Shanghai ended it" would deny that it was made.
 */
const PAST_STATE_OPENERS = new Set([
  'were',
  'was',
  'waren',
  'war',
  'etaient',
  'etait',
  'eran',
  'era',
  'fueron',
  'fue',
  'byly',
  'byla',
  'byl',
  'bylo',
]);
// "…ですか", "…吗", "…はある？" (is there…?), folded as question words are.
// "…だっけ" (were they…?), "…吧" (…, right?) ask to confirm, as yes/no; "…么", "…了没(有)" (…yet?) too;
// "…是姐妹城市不" ((are they) … or not?) too.
const CLOSERS = new Set(
  [
    'か',
    'ですか',
    '吗',
    'ある',
    'あります',
    'ない',
    '嘛',
    'の',
    'なの',
    'っけ',
    'だっけ',
    '吧',
    '么',
    '麼',
    '没',
    '没有',
    '不',
    '否',
  ].map(foldName),
);
/** Chinese asks yes or no anywhere in the sentence with "是否" (whether) or a verb and its negation ("是不是", "有没有"). */
const WHETHER = ['是否', '是不是', '有没有', '有否', '可否', '能否', '算不算'];

/**
 * The cue words of every language split, indexed and gathered once, on the first question read: a
 * command line never reads them, and building them was some 20 ms of every cold start.
 */
let indexedCues: ReturnType<typeof indexCues> | undefined;

function cues(): ReturnType<typeof indexCues> {
  indexedCues ??= indexCues();
  return indexedCues;
}

function indexCues() {
  const vocabulary = vocabularyOf(cueTables());
  const search = cuesOf((t) => t.search);
  const startsWith = cuesOf((t) => t.startsWith);
  return {
    vocabulary,
    questionWords: cuesOf((t) => t.questionWords),
    search,
    startsWith,
    help: cuesOf((t) => t.help),
    contrary: cuesOf((t) => t.contrary),
    tieWords: cuesOf((t) => t.partners),
    duration: cuesOf((t) => t.duration),
    any: cuesOf((t) => t.any),
    negation: cuesOf((t) => t.negation),
    ever: cuesOf((t) => t.ever),
    tell: cuesOf((t) => t.tell),
    searchWords: new Set([...search.all, ...startsWith.all].flat()),
    openers: new Set(cueTables().flatMap((t) => t.yesNoOpeners)),
    typoTargets: typoTargetsOf(vocabulary.exact),
    topics: TOPICS.map((topic) => [topic, cuesOf((table) => table[topic])] as const),
  };
}

/** Reads a question in plain words. Deterministic, never throws, bounded work for any text. */
export function parseQuestion(
  typedText: string,
  catalog: Catalog,
  commands: readonly Command[],
): QuestionReading {
  const reader: Reader = { catalog, commands };
  const seen: Seen = {};
  const asCountry = readQuestion(typedText, reader, 'country', seen);
  if (seen.wordOrTown !== undefined)
    return wordOrTown(seen.wordOrTown, readQuestion(typedText, reader, 'country', {}, true), asCountry);
  if (seen.countryOrCity === undefined) return asCountry;
  return eitherReading(seen.countryOrCity, readQuestion(typedText, reader, 'city', {}), asCountry);
}

/** What a first reading saw that a second one reads the other way. */
interface Seen {
  countryOrCity?: Mention;
  wordOrTown?: { mention: Mention; word: string };
}

/**
 * "Viles jumelles de Prague": a word a letter off one of ours that is also a small town's name is
 * read both ways; both readings are offered, neither answered.
 */
function wordOrTown(
  named: { mention: Mention; word: string },
  asWord: QuestionReading,
  asTown: QuestionReading,
): QuestionReading {
  const offers = distinct([asWord, asTown].flatMap(offersOf));
  const lang = asWord.lang ?? asTown.lang;
  const heard: Message[] = [
    ...(asWord.sure ? [] : asWord.heard),
    (tr) => tr.t('dispatch.heard.wordOrTown', { name: named.mention.text, word: named.word }),
  ];
  return { ...unsure(heard, offers), ...(lang && { lang }) };
}

/**
 * "Partnerstädte von Luxemburg", "where is Monaco?": a name that is a country's and a city's, with
 * nothing to say which, is read both ways; both readings are offered, neither answered.
 */
function eitherReading(named: Mention, asCity: QuestionReading, asCountry: QuestionReading): QuestionReading {
  const offers = distinct([asCity, asCountry].flatMap(offersOf));
  const lang = asCountry.lang ?? asCity.lang;
  const heard: Message[] = [
    ...(asCountry.sure ? [] : asCountry.heard),
    (tr) => tr.t('dispatch.heard.countryOrCity', { name: named.text }),
  ];
  return { ...unsure(heard, offers), ...(lang && { lang }) };
}

/** What a reading runs or offers. */
function offersOf(reading: QuestionReading): Invocation[] {
  return reading.sure ? [reading.invocation] : reading.closest;
}

/** Each invocation once, in the order first offered. */
function distinct(offers: readonly Invocation[]): Invocation[] {
  return offers.filter(
    (offer, i) => offers.findIndex((o) => JSON.stringify(o) === JSON.stringify(offer)) === i,
  );
}

/**
 * A Latin-script name that is a country's and a city's, which nothing around it settled (see
 * `findCities`); hanzi and kana name the two apart.
 */
function isCountryOrCity(m: Mention): boolean {
  return m.country !== undefined && (m.sameNamedCities?.length ?? 0) > 0 && !CJK.test(m.text);
}

/**
 * The cities a country's name stands for when read as a city: those in that country when there are
 * some ("Luxemburg" is Luxembourg, not a Georgian town's old name), else every one so named
 * ("Granada" is Grenada in Spanish, and Granada in Spain).
 */
function citiesNamedLike(m: Mention): readonly City[] {
  const all = m.sameNamedCities ?? [];
  const inCountry = all.filter((c) => c.country === m.country);
  return inCountry.length > 0 ? inCountry : all;
}

/**
 * One reading of a question; a name that is a country's and a city's is read `as` one of the two,
 * and told to `seen` when read as the country.
 */
function readQuestion(
  typedText: string,
  reader: Reader,
  as: 'country' | 'city',
  seen: Seen,
  townsAsWords = false,
): QuestionReading {
  const { catalog } = reader;
  const text = inSimplifiedChinese(typedText.normalize('NFC'));
  const typed = splitGluedNames(tokenize(text, MAX_QUESTION_WORDS), catalog);
  if (typed.length === 0) return unsure([], []);
  if (typed.length > MAX_QUESTION_WORDS)
    return inLanguage(
      unsure([(tr) => tr.t('dispatch.heard.tooLong')], []),
      questionLanguage(text, []),
      reader,
    );
  const time = readTime(typed);
  const tag = tagQuestion(typed);
  const skipped = new Set([...time.used, ...tag, ...cutCueWords(typed, catalog)]);
  // Czech writes names with case endings ("v Brně"), German with a genitive "s" ("Prags"); other
  // languages with none.
  const wordsSay = questionLanguage(text, typed);
  const caseForms: CaseForms =
    wordsSay === undefined || wordsSay === 'cs' ? 'any' : wordsSay === 'de' ? 'genitive' : 'none';
  const names = findCities(typed, skipped, isVocabulary, catalog, caseForms, wordsSay, text).map((m) =>
    as === 'city' && isCountryOrCity(m)
      ? { ...m, cities: citiesNamedLike(m), country: undefined, sameNamedCities: undefined }
      : asCountryWord(m, typed, catalog),
  );
  if (as === 'country') seen.countryOrCity = names.find(isCountryOrCity);
  // "partnrs", "sistre": a word a letter away from one of ours is that word, unless a capital says "a name".
  const fixed = cueTypos(typed, names);
  const townTypos = townsLikeCueWords(typed, names, catalog);
  if (townsAsWords) for (const [i, word] of townTypos) fixed.set(i, word);
  else {
    const [typo] = townTypos;
    const mention = typo && names.find((m) => m.first === typo[0]);
    if (typo && mention) seen.wordOrTown = { mention, word: typo[1] };
  }
  const tokens = typed.map((t, i) => {
    const word = fixed.get(i);
    return word === undefined ? t : { ...t, folded: word };
  });
  const found = names.filter((m) => !range(m.first, m.end).every((i) => fixed.has(i)));
  const placed = placeCountries(found, tokens, text, catalog);
  // "French", "japonesa", "v Polsku": made from a country's name, so about partners there, not a place.
  const isCountryWord = (m: Mention) =>
    m.cities.length === 0 && range(m.first, m.end).some((i) => looksLikeCountryWord(tokens[i]?.folded ?? ''));
  const mentions = placed.mentions.filter((m) => !isCountryWord(m));
  const countryWord = mentions.length < placed.mentions.length;
  const inNames = new Set(found.flatMap((m) => range(m.first, m.end)));
  const outsideNames = tokens.filter((_, i) => !inNames.has(i));
  const lang = questionLanguage(text, outsideNames);
  // Time words stay in: "turn 50" is both an anniversary number and a cue for anniversaries.
  const topics = topicsOf(outsideNames);
  // "プラハと別れたのはどこ": "the one that left Prague is where?" asks which city, not where one is.
  const whichPlace = WHICH_PLACE.test(text) && RELATIONAL.some((topic) => topics.has(topic));
  if (whichPlace) topics.delete('city');
  // "结好多少周年了", "何周年になる": which anniversary it is now, with no period or number: how old the tie is.
  const countedAge =
    COUNTED_ANNIVERSARY.test(text) && time.period === undefined && time.ordinal === undefined;
  if (countedAge) topics.delete('anniversaries');
  // "认了几个干亲": one hanzi we do not know beside words we do is a verb or a particle, not a
  // question of its own (a name is two characters or more, and found by its sounds if foreign).
  const stray = mentions.filter((m) => m.lowerCase && !(topics.size > 0 && isLoneHanzi(m)));
  const known = mentions.filter((m) => m.cities.length > 0);
  // "help", "what can you do?", "how do I ask about anniversaries?": about the bot, not a city.
  if (known.length === 0 && placed.countries.length === 0 && hasCue(tokens, cues().help)) {
    return inLanguage(sure(helpAbout(outsideNames, topics, reader)), lang, reader);
  }
  const searched = searchedFor(tokens, time, known.length > 0);
  if (searched !== undefined) {
    return inLanguage(
      searched === ''
        ? unsure([], [])
        : sure(invocationOf(reader.commands, 'search', { text: inDataScript(searched, catalog) })),
      lang,
      reader,
    );
  }
  // "¿Fue Shanghái quien rompió…?", "Was it Osaka who ended it?": a relative word after a name asks nothing.
  // English "was" opens a yes/no question, German "was" asks what: the question's language decides.
  const opener = opensYesNo(tokens[0]?.folded ?? '', lang);
  // "是哪一年结好的": a word we cannot place (哪一) still asks which one, not whether.
  const inPlacedNames = new Set(
    found.filter((m) => !(m.lowerCase && m.cities.length === 0)).flatMap((m) => range(m.first, m.end)),
  );
  const questionWord =
    hasCue(
      tokens
        .filter((_, i) => !inPlacedNames.has(i))
        .filter(
          (t, i) =>
            !(RELATIVES.has(t.folded) && found.some((m) => tokens[m.end] === t)) &&
            !(i === 0 && t === tokens[0] && opener),
        ),
      cues().questionWords,
    ) || asksWhichOnes(tokens);
  // "…, oder nicht?", "…, ¿no?", "whether or not": a tag or a choice asks to confirm, it negates nothing.
  const untagged = tokens.filter(
    (_, i) =>
      !inNames.has(i) &&
      !tag.includes(i) &&
      i < tokens.length - 1 &&
      !ALTERNATIVES.has(tokens[i - 1]?.folded ?? ''),
  );
  const written = mentions.filter((m) => !m.lowerCase);
  const places = namedAgainFirst(written);
  const question: Question = {
    topics,
    places,
    period: time.period,
    ordinal: time.ordinal,
    // "LA and Berlin, still partners?": "still" asks the yes/no question wherever it stands.
    // Japanese and Chinese close a yes/no question instead ("…ですか", "…吗"). A question word
    // ("when", "quand", "为什么") asks for more than yes or no, whatever the word order.
    yesNo:
      !questionWord &&
      (opener ||
        CLOSERS.has(tokens.at(-1)?.folded ?? '') ||
        WHETHER.some((word) => text.includes(word)) ||
        endsOnTieAsked(text, tokens) ||
        endsOnVerbAsked(text, tokens) ||
        frenchInversion(tokens) ||
        verbFirst(text, tokens, inNames) ||
        subjectThenVerb(text, tokens, found) ||
        (topics.has('inForce') && !topics.has('ended'))),
    asksState: STATE_OPENERS.has(tokens[0]?.folded ?? ''),
    negated: hasCue(untagged, cues().negation),
    ever: hasCue(outsideNames, cues().ever) || PAST_STATE_OPENERS.has(tokens[0]?.folded ?? ''),
    tells: hasCue(outsideNames, cues().tell),
    // "Or" is never a cue word, so it is read among the words not understood.
    eitherOr: tokens.some((t, i) => ALTERNATIVES.has(t.folded) && !tag.includes(i)),
    bare: topics.size === 0 && time.period === undefined && time.ordinal === undefined,
    home: topics.has('home') ? catalog.data.settings.homeCity : undefined,
    duration: countedAge || asksDuration(tokens),
    country: placed.countries.length === 1 ? placed.countries[0] : undefined,
    asksAny: !questionWord && hasCue(outsideNames, cues().any),
    // "谁是", "跟谁": the segmenter may join "who" to a word beside it.
    asksWho:
      whichPlace ||
      WHICH_CITY.test(text) ||
      asksWhichCities(outsideNames) ||
      outsideNames.some(
        (t) => WHO.has(t.folded) || (CJK.test(t.folded) && [...t.folded].some((ch) => WHO.has(ch))),
      ),
    // "上海和布拉格，是上海先退出的吗": the city named again is the one the rest asks about.
    firstActs: places !== written || firstActs(text, tokens, written),
  };
  // "Mardid": Madrid or Mardin? Each is offered, none answered.
  const ambiguous = question.places.find((m) => m.alternatives !== undefined);
  if (ambiguous?.alternatives) {
    const offers = ambiguous.alternatives.flatMap((cities) => {
      const places = question.places.map((m) =>
        m === ambiguous ? { ...m, cities, alternatives: undefined } : m,
      );
      const reading = decide({ ...question, places }, reader);
      return reading.sure ? [reading.invocation] : reading.closest.slice(0, 1);
    });
    return inLanguage(unsure(describe(question, catalog), offers), lang, reader);
  }
  // "Londres au Canada": London's partners in Canada, or London, Ontario's? Both are offered.
  const { namesake } = placed;
  if (namesake && question.country === namesake.country && question.places.includes(namesake.place)) {
    const places = question.places.map((m) => (m === namesake.place ? { ...m, cities: namesake.cities } : m));
    const there = decide({ ...question, places, country: undefined }, reader);
    const offers = distinct([...offersOf(decide(question, reader)), ...offersOf(there)]);
    return inLanguage(unsure(describe(question, catalog), offers), lang, reader);
  }
  // Nothing we know of: not a question for us (the caller falls back to help).
  if (topics.size === 0 && time.period === undefined && known.length === 0) {
    return inLanguage(unsure([], []), lang, reader);
  }
  // "Buffalo's partners in Poland": a question about some partners only, which no command answers
  // yet; what it asks about the city is offered, never answered as if the country were not there.
  // "How long...": the agreement shows the signing, but the answer should lead with the years, which
  // it does not yet: offered, not answered. A name the store does not know beside one it knows
  // ("Klagenfurt s Rzeszowem") is likely a form of a name we missed, never an answer about another pair.
  const doubtful =
    mentions.some((m) => m.guessed) ||
    // Not the words of a period read ("the year after next"): they are no condition.
    hasCue(
      tokens.filter((_, i) => !inNames.has(i) && !time.used.has(i)),
      cues().contrary,
    ) ||
    // Two countries, or a country beside two cities: no command narrows a pair by country.
    placed.countries.length > 1 ||
    (placed.countries.length === 1 && question.places.length !== 1) ||
    countryWord ||
    // "Prague Shanghai 2020": a pair with a number that is no anniversary's may ask anything.
    (question.places.length === 2 && tokens.some(isNumber) && time.ordinal === undefined) ||
    // A name the store does not know at all ("Atlantis") is never answered as if it were a city: looking
    // it up is offered instead, which answers with the names written like it.
    question.places.some((m) => m.cities.length === 0);
  const unknownNames = question.places.filter((m) => m.cities.length === 0);
  const decided = decide(question, reader);
  // "Preston, Lancashire", "Buffalo, NY": a second place may be the first one's county or state.
  const oneCity = regionAfterCity(question.places, tokens, text, catalog)
    ? decide(
        { ...question, places: question.places.filter((m) => m === firstWritten(question.places)) },
        reader,
      )
    : undefined;
  const offered = oneCity
    ? unsure(describe(question, catalog), distinct([...offersOf(oneCity), ...offersOf(decided)]))
    : doubtful
      ? asOffer(decided, question, catalog)
      : yesOrNoDoubtful(decided, question)
        ? unsure(describe(question, catalog), [decided.invocation, withoutAsks(decided.invocation)])
        : decided;
  const reading =
    offered.sure || unknownNames.length === 0
      ? offered
      : {
          ...offered,
          closest: [
            ...offered.closest,
            ...unknownNames.map((m) => invocationOf(reader.commands, 'search', { text: m.text })),
          ],
        };
  // Words we do not know beside two cities we do ("when did Rotterdam and Istanbul seal it?") leave
  // their tie as the question; the answer shows its status, dates and reasons.
  // A number among them ("60 let", "50.") may ask for an anniversary instead: not answered.
  const pairStands =
    reading.sure && isPairOfKnownCities(question) && (!tokens.some(isNumber) || time.ordinal !== undefined);
  if (stray.length === 0 || pairStands) return inLanguage(reading, lang, reader);
  // "Who does Osaka chill with?", "Mit wem kuschelt Paderborn?", "S kým se kamarádí Praha?": who,
  // a city we know and one word of our language we lack are a verb of keeping company, which asks for
  // the city's partners; a word that could be a town, a country or a longer phrase still leaves it open.
  // English leaves "with" at the end ("who … with?"), which asks the same.
  const keepsCompany =
    question.asksWho && question.topics.size === 0 && tokens.some((t) => t.folded === 'with')
      ? sure(
          invocationOf(reader.commands, 'partners', {
            cities: question.places.map((m) => argOf(m, catalog)),
          }),
        )
      : reading;
  if (keepsCompany.sure && asksWhoWithOneCity(keepsCompany.invocation, question, stray, tokens, lang))
    return inLanguage(keepsCompany, lang, reader);
  // Words we do not know may change the question: never run it. They may also be a city written in
  // lower case, which the closest command then names when the question lacks a city.
  const withStrays = decide({ ...question, places: mentions }, reader);
  const closest = reading.sure
    ? [reading.invocation]
    : distinct([...(question.places.length > 0 ? reading.closest : []), ...offersOf(withStrays)]);
  const heard: Message[] = [
    ...describe(question, catalog),
    (tr) =>
      tr.t('dispatch.heard.unknownWords', {
        words: formatList(
          stray.map((m) => tr.t('dispatch.quoted', { text: m.text })),
          tr.lang,
        ),
      }),
  ];
  return inLanguage(unsure(heard, closest), lang, reader);
}

/** Words not understood that are a letter away from one cue word (or the words it starts): that word, by index. */
function cueTypos(tokens: readonly Token[], names: readonly Mention[]): Map<number, string> {
  const fixed = new Map<number, string>();
  for (const m of names) {
    // Written small, or first in the sentence, where a capital says nothing.
    if (!(m.lowerCase || m.first === 0) || m.cities.length > 0 || m.country !== undefined) continue;
    for (const i of range(m.first, m.end)) {
      const word = cueTypo(tokens[i]?.folded ?? '');
      if (word !== undefined) fixed.set(i, word);
    }
  }
  return fixed;
}

/**
 * One-word names of small world towns only, written small or first in the sentence, that are a
 * letter off one cue word: that word, by index (see `wordOrTown`).
 */
function townsLikeCueWords(tokens: readonly Token[], names: readonly Mention[], catalog: Catalog) {
  const found = new Map<number, string>();
  for (const m of names) {
    const token = tokens[m.first];
    if (!token || m.end - m.first !== 1 || m.country !== undefined || m.guessed) continue;
    if (!(m.first === 0 || token.text === token.text.toLowerCase())) continue;
    if (!onlySmallWorldTowns(catalog, m.cities)) continue;
    const word = cueTypo(token.folded);
    if (word !== undefined) found.set(m.first, word);
  }
  return found;
}

/** The cue word (or the start of its family of words) this word is with one letter wrong, if only one. */
function cueTypo(word: string): string | undefined {
  if (word.length < MIN_TYPO_WORD || CJK.test(word) || isVocabulary(word)) return undefined;
  // A cue of five letters or more stands for the words it starts ("partner": "partners"), so
  // the word's start is compared too ("partnrs" starts like "partner" with a letter missing).
  const close = (cues().typoTargets.get(word.charAt(0)) ?? []).filter((cue) =>
    [cue.length - 1, cue.length, cue.length + 1].some(
      (n) => n <= word.length && withinOneEdit(cue, word.slice(0, n)),
    ),
  );
  // The whole word a letter off one cue is the surest reading; else one cue's family of words.
  const whole = close.filter((cue) => withinOneEdit(cue, word));
  const family = whole.length > 0 ? whole : close;
  const [shortest] = [...family].sort((a, b) => a.length - b.length);
  return shortest !== undefined && family.every((cue) => cue.startsWith(shortest)) ? shortest : undefined;
}

/** Words this long or longer may be a cue word with one letter wrong ("twinnd", "hermandas"). */
const MIN_TYPO_WORD = 5;

/** Cue words of six letters or more by their first letter, to compare typos with. */
function typoTargetsOf(vocabulary: ReadonlySet<string>): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const word of vocabulary) {
    if (word.length < MIN_TYPO_WORD + 1 || CJK.test(word)) continue;
    map.set(word.charAt(0), [...(map.get(word.charAt(0)) ?? []), word]);
  }
  return map;
}

/** "…, or not?", "oder nicht?", "nebo ne?", "o no?": a tag at the end that asks for nothing more. */
function tagQuestion(tokens: readonly Token[]): number[] {
  const at = tokens.length - 2;
  const or = tokens[at]?.folded ?? '';
  const not = tokens[at + 1]?.folded ?? '';
  return ['or', 'oder', 'ou', 'o', 'nebo', 'ci'].includes(or) &&
    ['not', 'nicht', 'non', 'no', 'ne', 'que'].includes(not)
    ? [at, at + 1]
    : [];
}

/** A word not understood that is made from a country's name ("French", "v Polsku") stands for that country. */
function asCountryWord(m: Mention, tokens: readonly Token[], catalog: Catalog): Mention {
  const words = tokens.slice(m.first, m.end);
  if ((m.cities.length > 0 && !m.guessed && !adjectiveOfTowns(m, tokens, catalog)) || m.country !== undefined)
    return m;
  if (words.length !== 1 && !words.every((w) => CJK.test(w.folded))) return m;
  const country = countryOfWord(joinFolded(words));
  return country === undefined ? m : { ...m, cities: [], guessed: undefined, lowerCase: false, country };
}

/**
 * "Help", "what can you do?": the help; for one command when the question names it or its topic
 * ("how do I ask about anniversaries?").
 */
function helpAbout(words: readonly Token[], topics: ReadonlySet<Topic>, reader: Reader): Invocation {
  const named = words.find((w) => HELP_TOPICS.includes(w.folded))?.folded;
  const byTopic = ['anniversaries', 'partners', 'agreement'].filter((name) => topics.has(name as Topic));
  const command = named ?? (byTopic.length === 1 ? byTopic[0] : undefined);
  const invocation = invocationOf(reader.commands, 'help');
  return command === undefined ? invocation : { ...invocation, args: { command } };
}

/** Commands a question may ask help for by name or by topic. */
const HELP_TOPICS = ['anniversaries', 'partners', 'agreement', 'city', 'search'];

/**
 * What a question asks to look up ("search prah", "towns starting with Kita", "キタで始まる都市を検索"):
 * the one word that is neither a cue nor filler, as written. Undefined when it does not ask to
 * look something up; '' when it does but the word to look up is not clear.
 */
function searchedFor(
  tokens: readonly Token[],
  time: { used: ReadonlySet<number> },
  namesCity: boolean,
): string | undefined {
  if (!hasCue(tokens, cues().search) && !hasCue(tokens, cues().startsWith)) return undefined;
  // "Find Prague's partners", "où se trouve Kitakami": another question, with a search word in it.
  const topics = topicsOf(tokens.filter((t) => !isCueWord(t.folded)));
  if ([...topics].some((t) => t !== 'city') || (topics.has('city') && namesCity)) return undefined;
  const candidates = tokens.filter(
    (t, i) => !time.used.has(i) && !isNumber(t) && !isVocabulary(t.folded) && !isCueWord(t.folded),
  );
  if (candidates.length !== 1) return '';
  return candidates[0]?.text ?? '';
}

/**
 * "キタで始まる都市": names in kana the data does not hold in kana are looked up as romaji ("kita"),
 * as GeoNames writes Japanese names in Latin letters.
 */
function inDataScript(searched: string, catalog: Catalog): string {
  if (!KANA_ONLY.test(searched) || catalog.search(searched, 1).length > 0) return searched;
  return romanise(searched)?.joined ?? searched;
}

const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・]+$/u;

/** A word of one of the search cues ("search", "starting"), which never is what is looked up. */
function isCueWord(folded: string): boolean {
  return (
    cues().searchWords.has(folded) ||
    (CJK.test(folded) && [...cues().searchWords].some((word) => CJK.test(word) && word.includes(folded)))
  );
}

/**
 * Countries in a question: beside a city they say which city ("Rzeszów, Poland"; "Nablus in
 * Palestine"; "ポーランドのジェシュフ"); elsewhere they narrow the question to partners in that
 * country (`countries`).
 */
function placeCountries(
  found: readonly Mention[],
  tokens: readonly Token[],
  text: string,
  catalog: Catalog,
): { mentions: Mention[]; countries: string[]; namesake?: Namesake } {
  const mentions: Mention[] = [];
  const countries: string[] = [];
  let namesake: Namesake | undefined;
  const between = (from: number, to: number) =>
    range(from, to).every((i) => QUALIFIER_WORDS.has(tokens[i]?.folded ?? ''));
  const qualifies = (city: Mention | undefined, country: Mention, from: number, to: number) =>
    city !== undefined &&
    city.country === undefined &&
    city.cities.some((c) => c.country === country.country) &&
    between(from, to);
  const list = [...found];
  for (const [index, m] of list.entries()) {
    const before = mentions.at(-1);
    const after = list[index + 1];
    if (m.country === undefined) mentions.push(m);
    else if (before && qualifies(before, m, before.end, m.first)) {
      mentions[mentions.length - 1] = {
        ...before,
        cities: before.cities.filter((c) => c.country === m.country),
      };
    } else if (after && qualifies(after, m, m.end, after.first)) {
      list[index + 1] = { ...after, cities: after.cities.filter((c) => c.country === m.country) };
    } else if (before && before.cities.length > 0 && writtenAfter(text, tokens, before, m)) {
      // "London, Canada", "Athens, Georgia", "Prague (Poland)": a country written after a city with
      // only a comma or a bracket between says which city is meant: a namesake there, else a name we
      // do not know.
      mentions[mentions.length - 1] = { ...before, cities: namesakesIn(before.cities, m.country, catalog) };
    } else {
      const there =
        before && before.cities.length > 0 && between(before.end, m.first)
          ? namesakesIn(before.cities, m.country, catalog)
          : [];
      if (before && there.length > 0) namesake ??= { place: before, cities: there, country: m.country };
      countries.push(m.country);
    }
  }
  return { mentions, countries, ...(namesake && { namesake }) };
}

/** "Londres au Canada": a city, a country it is not in, and a namesake of its that is there. */
interface Namesake {
  place: Mention;
  cities: readonly City[];
  country: string;
}

/** The cities named like these (by their own names, not every other name) in a country. */
function namesakesIn(cities: readonly City[], country: string, catalog: Catalog): City[] {
  const names = new Set(cities.map((c) => foldName(c.name)));
  return [...names]
    .flatMap((name) => catalog.matchName(name))
    .filter((c) => c.country === country && names.has(foldName(c.name)));
}

/** Whether a country is written right after a place, with only a comma or an opening bracket between. */
function writtenAfter(text: string, tokens: readonly Token[], place: Mention, country: Mention): boolean {
  return place.end === country.first && /^\s*[,(]\s*$/u.test(textBetween(text, tokens, place, country));
}

/**
 * Words that may stand between a city and its country: "in", "v", "aux", "の", "的", and the articles
 * some countries take ("en los Países Bajos", "in der Tschechischen Republik", "auf den Bahamas").
 */
const QUALIFIER_WORDS = new Set([
  'the',
  'der',
  'den',
  'dem',
  'los',
  'las',
  'la',
  'el',
  'le',
  'les',
  'auf',
  'dans',
  'in',
  'im',
  'v',
  've',
  'en',
  'au',
  'aux',
  'a',
  'i',
  'の',
  '的',
  'na',
  'de',
  'del',
]);

/** Whether a first word opens a yes/no question; one that also asks a question ("was") only in the language that opens with it. */
function opensYesNo(word: string, lang: Lang | undefined): boolean {
  if (!cues().openers.has(word)) return false;
  if (!cues().questionWords.all.some((cue) => cue.length === 1 && cue[0] === word)) return true;
  return (
    cueTables()
      .find((t) => t.language === lang)
      ?.yesNoOpeners.includes(word) === true
  );
}

/** Words that after a name start a clause about it ("Osaka who ended it", "Shanghái quien rompió"). */
const RELATIVES = new Set([
  'who',
  'that',
  'which',
  'quien',
  'que',
  'qui',
  'kdo',
  'ktery',
  'ktera',
  'ktere',
  'der',
  'die',
  'das',
]);

/**
 * Spanish and Czech (and German, French in speech) ask yes or no by opening with the verb:
 * "¿Rompió Shanghái con Praga?", "Ukončil Istanbul partnerství…?". A question that opens with a
 * verb of ending or of lasting asks whether it is so.
 */
function verbFirst(text: string, tokens: readonly Token[], inNames: ReadonlySet<number>): boolean {
  // "¿Se terminó…?", "Už skončilo…?": a reflexive or "already" may come before the verb.
  let at = 0;
  while (BEFORE_VERB.has(tokens[at]?.folded ?? '') && !inNames.has(at)) at++;
  const first = tokens[at];
  if (!first || inNames.has(at) || !text.trim().endsWith('?')) return false;
  return endsOrLasts(tokens, at);
}

/** A verb of ending or of lasting at `at`, alone or with the word after it ("puso fin", "put an end"). */
function endsOrLasts(tokens: readonly Token[], at: number): boolean {
  return [tokens.slice(at, at + 1), tokens.slice(at, at + 2)].some((words) => {
    const topics = topicsOf(words);
    return topics.has('ended') || topics.has('inForce');
  });
}

/**
 * Japanese "…アメリカにあるのは？" ("the ones in America are?"): the sentence names what it asks for
 * with "のは" at its end, as a question word would; it asks which, not whether.
 */
function asksWhichOnes(tokens: readonly Token[]): boolean {
  return tokens.at(-2)?.folded === 'の' && tokens.at(-1)?.folded === 'は';
}

/**
 * "東京とパリは姉妹都市？", "上海和布拉格是友好城市？": Japanese and Chinese ask yes or no by the
 * question mark alone after the word for the tie, without "か" or "吗".
 */
function endsOnTieAsked(text: string, tokens: readonly Token[]): boolean {
  const last = tokens.at(-1);
  if (!last || !CJK.test(last.folded) || !/[?？]\s*$/u.test(text)) return false;
  return hasCue([last], cues().tieWords) || hasCue(tokens.slice(-2), cues().tieWords);
}

/**
 * "上海はプラハとの提携を解消した？", "まだ続いてる？": Japanese asks yes or no by a question mark
 * after a verb's plain form, past ("た"), present ("る") or negative ("ない").
 */
function endsOnVerbAsked(text: string, tokens: readonly Token[]): boolean {
  const last = tokens.at(-1)?.text ?? '';
  return /[?？]\s*$/u.test(text) && HIRAGANA_ONLY.test(last) && /(?:た|る|ない)$/u.test(last);
}

/** Words that may stand between a subject and its verb: "Shanghai has ended", "Šanghaj se rozešla", "ya rompió". */
const BEFORE_VERB = new Set([
  'has',
  'have',
  'had',
  'hat',
  'a',
  'ha',
  'han',
  'se',
  'si',
  'uz',
  'ya',
  'already',
  'schon',
  'deja',
]);

/**
 * A statement with a question mark asks yes or no when a city opens it and a verb of ending or of
 * lasting follows: "¿Shanghái canceló el hermanamiento con Praga?", "Shanghai ended it with Prague?".
 */
function subjectThenVerb(text: string, tokens: readonly Token[], found: readonly Mention[]): boolean {
  const subject = found[0];
  if (subject?.first !== 0 || subject.cities.length === 0 || !text.trim().endsWith('?')) return false;
  let at = subject.end;
  while (BEFORE_VERB.has(tokens[at]?.folded ?? '')) at++;
  return tokens[at] !== undefined && endsOrLasts(tokens, at);
}

/**
 * French asks yes or no by inversion anywhere in the sentence: "est-il terminé", "a-t-elle mis fin".
 * After "que" ("qu'en est-il", "qu'est-il arrivé", "que s'est-il passé") it asks what, not whether.
 */
function frenchInversion(tokens: readonly Token[]): boolean {
  return tokens.some(
    (t, i) =>
      ['est', 'sont', 'a', 'ont', 't'].includes(t.folded) &&
      ['il', 'elle', 'ils', 'elles'].includes(tokens[i + 1]?.folded ?? '') &&
      (tokens[i + 1]?.start ?? 0) === t.end + 1 &&
      !asksWhat(tokens, i),
  );
}

/** "Que" or "qu'" before a French verb, with "en", "y" or "se" between ("qu'en est", "que s'est"): what is asked. */
function asksWhat(tokens: readonly Token[], verb: number): boolean {
  let at = verb - 1;
  if (['en', 'y', 's', 'se'].includes(tokens[at]?.folded ?? '')) at--;
  return ['qu', 'que'].includes(tokens[at]?.folded ?? '');
}

function isPairOfKnownCities(q: Question): boolean {
  return q.places.length === 2 && q.places.every((m) => m.cities.length > 0);
}

function asksDuration(tokens: readonly Token[]): boolean {
  return hasCue(tokens, cues().duration);
}

/** A reading turned into an offer: what was understood, and the command it would have run. */
function asOffer(reading: QuestionReading, q: Question, catalog: Catalog): QuestionReading {
  return reading.sure ? unsure(describe(q, catalog), [reading.invocation]) : reading;
}

function inLanguage(reading: QuestionReading, lang: Lang | undefined, reader: Reader): QuestionReading {
  const matches = (name: string) => reader.catalog.matchName(name).length;
  const checked: QuestionReading = reading.sure
    ? reading
    : {
        ...reading,
        closest: reading.closest.filter((invocation) =>
          namesKnownCities(invocation, reader.commands, matches, true),
        ),
      };
  return lang === undefined ? checked : { ...checked, lang };
}

interface Reader {
  catalog: Catalog;
  commands: readonly Command[];
}

interface Question {
  topics: ReadonlySet<Topic>;
  places: readonly Mention[];
  period: string | undefined;
  ordinal: number | undefined;
  /** Opens like a yes/no question ("is", "does", "ist", "est-ce"). */
  yesNo: boolean;
  /** Opens with "is", "are", "ist", "est-ce", "je": a yes/no question about how things are. */
  asksState: boolean;
  /** "No longer", "nicht mehr", "ne … plus": a yes or no would be read the wrong way round. */
  negated: boolean;
  /** "Ever", "jemals", "were they…?": whether a tie was ever made, which its history answers. */
  ever: boolean;
  /** "Active or ended?", "platné nebo ukončené?": a choice between two states. */
  eitherOr: boolean;
  /** Nothing asked but the places ("Prague?", "And Nanae?"). */
  bare: boolean;
  /** "our", "we": the home city's id, when one is set. */
  home: string | undefined;
  /** "How long", "how many years": the answer leads with how long the tie has lasted. */
  duration: boolean;
  /** "Partners in Poland", "a French twin town": the partners in this country (ISO code) only. */
  country: string | undefined;
  /** "Any", "alguna", "有没有" without a question word: whether there is one at all. */
  asksAny: boolean;
  /** "Who", "kdo", "quién": asks which cities, so about one city, its partners. */
  asksWho: boolean;
  /** The first city is written as the one that acts (see `firstActs`). */
  firstActs: boolean;
  /** "Tell me about", "说说": to hear about what is named; of two cities, their tie. */
  tells: boolean;
}

/**
 * "上海和布拉格，是上海先退出的吗", "Prague and Shanghai: did Shanghai end it?": two cities, one named
 * again, are a pair, the city named again first, as the one the rest of the sentence is about.
 */
function namedAgainFirst(places: readonly Mention[]): readonly Mention[] {
  if (places.length <= 2) return places;
  const ids = places.map((m) => (m.cities.length === 1 ? m.cities[0]?.id : undefined));
  if (ids.includes(undefined) || new Set(ids).size !== 2) return places;
  const again = places.find((_, i) => ids.indexOf(ids[i]) < i);
  const other = places.find((_, i) => ids[i] !== ids[places.indexOf(again as Mention)]);
  return again && other ? [again, other] : places;
}

/** Japanese "…のはどこ/どちら" ("the one that … is where/which"): which city, after a verb of a tie. */
const WHICH_PLACE = /のは(?:どこ|どちら|どっち)/u;
const RELATIONAL: readonly Topic[] = ['partners', 'agreement', 'inForce', 'ended'];

/** "多少周年", "几周年", "何周年": which anniversary, counted. */
const COUNTED_ANNIVERSARY = /(?:多少|几|幾|何)(?:个|個)?[周週]年/u;

/** "Which city" (哪个城市, どの都市): asks which cities, as "who" does. */
const WHICH_CITY = /哪[个些座]城市|どの都市|どこの都市|どの町/u;
const LONE_HANZI = /^\p{Script=Han}$/u;

function isLoneHanzi(m: Mention): boolean {
  return m.end - m.first === 1 && LONE_HANZI.test(m.text);
}

/** "Who", and Chinese "which ones" (哪些), which asks the same of one city's ties. */
const WHO = new Set(
  [
    'who',
    'whom',
    'wer',
    'wem',
    'qui',
    'quien',
    'quienes',
    'kdo',
    'kym',
    'koho',
    '谁',
    '誰',
    'だれ',
    '哪些',
  ].map(foldName),
);

/** "Which cities", "mit welchen Städten", "quelles villes", "qué ciudades", "kterými městy": asks who, in other words. */
function asksWhichCities(words: readonly Token[]): boolean {
  return words.some((t, i) => WHICH.has(t.folded) && TOWNS.test(words[i + 1]?.folded ?? ''));
}

const WHICH = new Set(
  'which what welche welchen welcher quelle quelles quel quels que cuales cuantas ktera ktere kterymi kterych jaka jake jakymi'.split(
    ' ',
  ),
);
/** Plural words for towns, in each language, folded. */
const TOWNS = /^(?:cities|towns|stadte|stadten|villes|ciudades|mesta|mesty|mest)$/;

/** "And", "between": a word they join to a city ("entre gyöngyös et choucha") is a second name, not a verb. */
const NAME_JOINERS = new Set([
  'and',
  'et',
  'und',
  'y',
  'e',
  'a',
  'i',
  'between',
  'entre',
  'zwischen',
  'mezi',
]);

function joinedAsName(m: Mention, tokens: readonly Token[]): boolean {
  return [tokens[m.first - 1], tokens[m.end]].some((t) => NAME_JOINERS.has(t?.folded ?? ''));
}

/** Words that join a city to its region ("Preston in Lancashire", "dans le Lancashire", "v Čechách"). */
const REGION_JOINERS = new Set(['in', 'im', 'en', 'au', 'dans', 'le', 'la', 'l', 'v', 've', 'na']);

function firstWritten(places: readonly Mention[]): Mention | undefined {
  return [...places].sort((a, b) => a.first - b.first)[0];
}

/**
 * Two places, the second written right after the first (after a comma, in brackets or after "in"),
 * in the same country and not twinned with it: a county or state the data also holds as a town
 * ("Preston, Lancashire", "Buffalo, NY"), or a second city. Both readings are offered.
 */
function regionAfterCity(
  places: readonly Mention[],
  tokens: readonly Token[],
  text: string,
  catalog: Catalog,
): boolean {
  const [first, second] = [...places].sort((a, b) => a.first - b.first);
  const [city] = first?.cities ?? [];
  if (places.length !== 2 || !first || !second || !city || first.cities.length !== 1) return false;
  if (second.cities.length === 0 || second.cities.some((c) => c.country !== city.country)) return false;
  if (second.cities.some((c) => catalog.partnershipBetween(city.id, c.id) !== undefined)) return false;
  const between = textBetween(text, tokens, first, second);
  const words = tokens.slice(first.end, second.first).map((t) => t.folded);
  return /^\s*[,(]\s*$/.test(between) || (words.length > 0 && words.every((w) => REGION_JOINERS.has(w)));
}

/**
 * A word for towns or twins, singular or plural: a word we lack beside one ("villes ivoiriennes",
 * "ciudades X", "X cities") says which towns, a condition no verb of keeping company is.
 */
const TOWN_OR_TWIN =
  /^(?:cities|city|towns|town|twins|twin|stadte|stadt|stadten|villes|ville|jumelles|jumelle|ciudades|ciudad|hermanas|hermana|mesta|mesto|mesty|mest)$/;

/**
 * French and Spanish put such a word after the noun ("villes russes"), the other languages before it
 * ("Russian cities"); German's verb may follow "mit welchen Städten", and is no such word.
 */
function besideTownWord(m: Mention, tokens: readonly Token[], lang?: Lang): boolean {
  const before = lang === undefined || lang === 'fr' || lang === 'es' ? [tokens[m.first - 1]] : [];
  const after = lang === 'fr' || lang === 'es' ? [] : [tokens[m.end]];
  return [...before, ...after].some((t) => TOWN_OR_TWIN.test(t?.folded ?? ''));
}

/**
 * "une ville jumelle russe": a word made from a country's name, beside a word for towns and not
 * written as a name, says which towns, though some small town (Ruse) is so named.
 */
function adjectiveOfTowns(m: Mention, tokens: readonly Token[], catalog: Catalog): boolean {
  const token = tokens[m.first];
  if (!token || m.end - m.first !== 1 || !besideTownWord(m, tokens)) return false;
  const asName = token.text !== token.text.toLowerCase() && token.text !== token.text.toUpperCase();
  return !asName && onlySmallWorldTowns(catalog, m.cities) && countryOfWord(token.folded) !== undefined;
}

function asksWhoWithOneCity(
  invocation: Invocation,
  q: Question,
  stray: readonly Mention[],
  tokens: readonly Token[],
  lang: Lang | undefined,
): boolean {
  return (
    invocation.command === 'partners' &&
    invocation.args.country === undefined &&
    q.asksWho &&
    q.places.length === 1 &&
    q.places[0]?.cities.length === 1 &&
    stray.length === 1 &&
    stray.every(
      (m) =>
        m.end - m.first === 1 &&
        m.cities.length === 0 &&
        m.country === undefined &&
        !m.guessed &&
        !besideTownWord(m, tokens, lang) &&
        !joinedAsName(m, tokens),
    )
  );
}

function decide(q: Question, reader: Reader): QuestionReading {
  const has = (topic: Topic) => q.topics.has(topic);
  const relational = has('agreement') || has('inForce') || has('ended') || has('partners');
  const [first, second] = q.places;
  const heard = () => describe(q, reader.catalog);
  const about = (command: 'city' | 'partners', place: Mention) =>
    invocationOf(reader.commands, command, { cities: [argOf(place, reader.catalog)] });
  if (q.places.length > 2) return unsure(heard(), [pair(reader, first, second)]);
  const picture = pictureAsked(q, reader);
  if (picture) return picture;
  if (q.country !== undefined) return partnersIn(q, reader);
  // "Which partnerships turn 50 next year?", "Paderborn and Le Mans, 60 years when?": anniversaries.
  const anniversary = q.ordinal !== undefined && (second !== undefined || (!first && q.period !== undefined));
  if (has('anniversaries') || anniversary) return anniversaries(q, reader);
  if (first && second) {
    const agreement = withFocus(pair(reader, first, second, yesNoAsked(q)), q);
    // Two cities and nothing contrary: the tie between them is what is asked ("Paderborn and Le Mans?");
    // "tell me about Prague and Shanghai" asks to hear about the two together, which is their tie.
    if (relational || !has('city') || q.duration || q.tells) return sure(agreement);
    return unsure(heard(), [agreement, about('city', first)]);
  }
  if (first) {
    if (has('home') && (relational || q.yesNo || q.duration)) {
      if (q.home === undefined) return noHome(q, reader.catalog, [about('partners', first)]);
      return sure(withFocus(pair(reader, q.home, first, yesNoAsked(q)), q));
    }
    // "How long has Prague been twinned?": with whom is not said; its partners' list shows each since when.
    if (q.duration) return unsure(heard(), [about('partners', first)]);
    // "Who walked away from Prague?": its ties, ended or in force, are its partners' list.
    // "Kdo se rozkmotřil s Prahou?", "who signed with Prague?": which cities, so its partners.
    if (
      has('partners') ||
      ((has('ended') || has('inForce') || (has('agreement') && q.asksWho)) && !has('city'))
    )
      return sure(about('partners', first));
    // "谁和布拉格…了" with a verb we do not know: who did something with Prague, likely a partner.
    if (q.bare && q.asksWho) return unsure(heard(), [about('partners', first), about('city', first)]);
    if (has('city') || q.bare) return sure(about('city', first));
    return unsure(heard(), [about('city', first), about('partners', first)]);
  }
  if (has('home') && has('partners')) return sure(invocationOf(reader.commands, 'partners'));
  if (has('home') && has('city')) {
    if (q.home === undefined) return noHome(q, reader.catalog, []);
    return sure(invocationOf(reader.commands, 'city', { cities: [q.home] }));
  }
  if (has('partners')) return unsure(heard(), [invocationOf(reader.commands, 'partners')]);
  return unsure(heard(), []);
}

/**
 * "Show me Prague's partners on a map", "Zeitleiste Osaka San Francisco", "月別の記念日のグラフ": the
 * picture commands, when the places asked fit them.
 */
function pictureAsked(q: Question, reader: Reader): QuestionReading | undefined {
  const [first, second] = q.places;
  if (q.topics.has('map') && second === undefined) {
    if (first) return sure(invocationOf(reader.commands, 'map', { cities: [argOf(first, reader.catalog)] }));
    if (!q.topics.has('home')) return undefined;
    if (q.home === undefined) return noHome(q, reader.catalog, []);
    return sure(invocationOf(reader.commands, 'map', { cities: [q.home] }));
  }
  // A namesake (Concord) is settled by which one is twinned with the other, as for the agreement.
  if (q.topics.has('timeline') && first && second)
    return sure(
      invocationOf(reader.commands, 'timeline', { cities: pairIds(reader.catalog, first, second) }),
    );
  if (q.topics.has('chart') && q.topics.has('anniversaries') && first === undefined) {
    const year = q.period !== undefined && /^\d{4}$/.test(q.period.trim()) ? q.period.trim() : undefined;
    if (q.period !== undefined && year === undefined) return undefined;
    return sure({ command: 'anniversaries chart', args: year === undefined ? {} : { year } });
  }
  return undefined;
}

/** "How many years have A and B been partners?": the agreement, leading with how long. */
function withFocus(invocation: Invocation, q: Question): Invocation {
  return q.duration ? { ...invocation, focus: 'since' } : invocation;
}

/**
 * "Which of Buffalo's partners are in Poland?", "Does Paderborn have a French twin town?": the
 * city's partners in that country, answered yes or no first when asked so; the home city's when
 * the question says "our" and names no city.
 */
function partnersIn(q: Question, reader: Reader): QuestionReading {
  const [first] = q.places;
  const city = first ? argOf(first, reader.catalog) : q.topics.has('home') ? q.home : undefined;
  const listing = invocationOf(reader.commands, 'partners', {
    cities: city === undefined ? [] : [city],
    country: q.country,
  });
  const invocation: Invocation = q.yesNo || q.asksAny ? { ...listing, asks: 'any' } : listing;
  if (city === undefined || !(q.topics.has('partners') || q.yesNo)) {
    return unsure(describe(q, reader.catalog), [invocation]);
  }
  return sure(invocation);
}

/**
 * Anniversaries: of everyone in a period; of one pair ("the 50th anniversary of Concord and
 * Kitakami", "when do Paderborn and Le Mans turn 60?"), that pair's, the n-th when a number says so.
 */
function anniversaries(q: Question, reader: Reader): QuestionReading {
  const [first, second] = q.places;
  const listing = invocationOf(reader.commands, 'anniversaries', { window: q.period });
  if (!first && q.ordinal !== undefined) {
    // "Which partnerships turn 50 next year?": that year's anniversaries with that number only.
    const window = `${q.period ?? 'this year'} turning ${q.ordinal}`;
    return sure(invocationOf(reader.commands, 'anniversaries', { window }));
  }
  if (!first) return sure(listing);
  const partner: Mention | string | undefined = second ?? (q.topics.has('home') ? q.home : undefined);
  if (partner === undefined) {
    return unsure(describe(q, reader.catalog), [
      invocationOf(reader.commands, 'partners', { cities: [argOf(first, reader.catalog)] }),
      listing,
    ]);
  }
  const [a, b] = typeof partner === 'string' ? [partner, first] : [first, partner];
  const window =
    q.ordinal === undefined ? q.period : [q.period, `turning ${q.ordinal}`].filter(Boolean).join(' ');
  return sure(
    invocationOf(reader.commands, 'anniversaries', { cities: pairIds(reader.catalog, a, b), window }),
  );
}

/** Words that join two names as one subject: "Prague and Shanghai", "Praha a Šanghaj", "上海和布拉格". */
const JOINING = new Set(
  ['and', 'und', 'et', 'y', 'e', 'a', 'i', 'と', 'や', '和', '与', '跟', '同', '及'].map(foldName),
);
/** Words that make the next name an owner: "the twinning of Osaka", "le jumelage d'Osaka". */
const OWNING = new Set(['of', 'von', 'de', 'd', 'del', 'du', 'des', 'della'].map(foldName));

/**
 * Whether the first of two cities is written as the one that acts: "Did Shanghai end its tie with
 * Prague?", "Hat Shanghai mit Prag Schluss gemacht?", "上海终止了和布拉格的关系吗". Not when the two are
 * one subject ("Did Prague and Shanghai break up?", "武汉和博伦厄的关系黄了吗") or the first owns the
 * tie ("Le jumelage d'Osaka avec San Francisco est-il terminé ?", "Osaka's tie with ...").
 */
function firstActs(text: string, tokens: readonly Token[], places: readonly Mention[]): boolean {
  const [first, second] = places;
  if (!first || !second) return true;
  const between = tokens.slice(first.end, second.first);
  const oneSubject =
    between.length > 0
      ? between.every((t) => JOINING.has(t.folded))
      : sideBySide(text, tokens, first, second);
  if (oneSubject) return false;
  return !(OWNING.has(tokens[first.first - 1]?.folded ?? '') || tokens[first.end]?.folded === 's');
}

/**
 * Two names with no word between them written as one pair: "Prague-Shanghai", "上海布拉格", "the
 * Prague Shanghai partnership". Not a subject and its object: "Hat Shanghai Prag fallen gelassen?".
 */
function sideBySide(text: string, tokens: readonly Token[], first: Mention, second: Mention): boolean {
  const gap = text.slice(tokens[first.end - 1]?.end ?? 0, tokens[second.first]?.start ?? 0);
  if (gap === '' || PAIR_MARKS.test(gap)) return true;
  const isTie = (t: Token | undefined) => {
    const topics = t === undefined ? undefined : topicsOf([t]);
    return topics !== undefined && (topics.has('partners') || topics.has('agreement'));
  };
  return isTie(tokens[first.first - 1]) || isTie(tokens[second.end]);
}

/** What joins the two names of a pair in writing: "Prague-Shanghai", "Prague/Shanghai", "Prague & Shanghai". */
const PAIR_MARKS = /[-‐‑–—/&+・、]/u;

/** "Is Prague still twinned with Shanghai?", "Did Shanghai end its tie with Prague?": answered first with yes or no. */
function yesNoAsked(q: Question): YesNoQuestion | undefined {
  if (!q.yesNo) return undefined;
  // "Is it active or ended?" asks which state holds: whether it is in force, answered first.
  if (q.topics.has('ended') && !(q.eitherOr && q.topics.has('inForce')))
    return q.firstActs ? 'ended-by-first' : 'ended';
  // "Were they ever partners?": its history answers it; "No" to a tie that ended would deny it was made.
  if (q.ever) return undefined;
  // "Did they ever sign an agreement?" asks about a signing, which the agreement shows; not whether
  // it holds. "Is the tie disputed?" asks about its state: whether it holds, answered first.
  return q.topics.has('partners') || q.topics.has('inForce') || q.asksState ? 'in-force' : undefined;
}

/** The period "today" as the command's grammar writes it: the day a status is answered for anyway. */
const TODAY = 'today';

/**
 * A yes or no that could say the wrong thing: to a negated question ("Are they no longer partners?":
 * "Yes: in force" means the opposite), or about another day than today ("still partners next year?",
 * "in 2010?"), when the status answered is today's.
 */
function yesOrNoDoubtful(
  reading: QuestionReading,
  q: Question,
): reading is QuestionReading & { sure: true; invocation: Invocation } {
  return (
    reading.sure &&
    reading.invocation.asks !== undefined &&
    (q.negated || (q.period !== undefined && q.period !== TODAY))
  );
}

function withoutAsks({ asks: _, ...invocation }: Invocation): Invocation {
  return invocation;
}

/** `agreement` for two places (a place is a mention, or the home city's id). */
function pair(
  reader: Reader,
  a: Mention | string | undefined,
  b: Mention | undefined,
  asks?: YesNoQuestion,
): Invocation {
  const invocation = invocationOf(reader.commands, 'agreement', { cities: pairIds(reader.catalog, a, b) });
  return asks ? { ...invocation, asks } : invocation;
}

/** Both arguments of a pair; a namesake (Concord) is settled by which one has a tie with the other. */
function pairIds(
  catalog: Catalog,
  a: Mention | string | undefined,
  b: Mention | string | undefined,
): [string, string] {
  const first = placeArg(a, catalog);
  const second = placeArg(b, catalog);
  // Both may have namesakes ("Bethlehem and Zaragoza"): each is settled against the other as far as
  // it is settled, so only the two cities twinned with each other are taken.
  const settledFirst = settle(catalog, a, second) ?? first;
  const settledSecond = settle(catalog, b, settledFirst) ?? second;
  return [settle(catalog, a, settledSecond) ?? settledFirst, settledSecond];
}

function placeArg(place: Mention | string | undefined, catalog: Catalog): string {
  return typeof place === 'string' ? place : place ? argOf(place, catalog) : '';
}

function settle(catalog: Catalog, place: Mention | string | undefined, otherArg: string): string | undefined {
  if (typeof place !== 'object' || place.cities.length === 0) return undefined;
  const others = catalog.matchName(otherArg);
  const isTied = (c: City) => others.some((o) => catalog.partnershipBetween(c.id, o.id));
  // "コンコード" is one Concord's name in Japanese, "康科德" two Concords'; the Concord twinned with
  // the other city may be another, named alike in Latin letters only. In Latin letters the name is
  // every namesake's, and "Concord, North Carolina" is that Concord, twinned with the other or not.
  const candidates =
    place.cities.some(isTied) || !CJK.test(place.text)
      ? place.cities
      : [...new Set(place.cities.flatMap((c) => catalog.matchName(c.name)))];
  if (candidates.length < 2) return undefined;
  const tied = candidates.filter(isTied);
  return tied.length === 1 ? tied[0]?.id : undefined;
}

/**
 * The city's id when the name means one city, or one stands out among its namesakes: the office's
 * own ("San Francisco" where the office records San Francisco, California), or one far larger than
 * the rest (Montevideo, not Montevideo, Minnesota); otherwise the words as written, for the
 * dispatcher to explain.
 */
function argOf(place: Mention, catalog: Catalog): string {
  return meantCity(place.cities, catalog)?.id ?? place.text;
}

/** How many times larger than every namesake a town must be to be the one meant. */
const DOMINANT_POPULATION = 10;

function meantCity(cities: readonly City[], catalog: Catalog): City | undefined {
  if (cities.length <= 1) return cities[0];
  const office = cities.filter((c) => catalog.data.cities.some((own) => own.id === c.id));
  if (office.length === 1) return office[0];
  if (office.length > 1) return undefined;
  const [largest, next] = [...cities].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  const second = next?.population ?? 0;
  return largest?.population !== undefined && largest.population >= DOMINANT_POPULATION * Math.max(1, second)
    ? largest
    : undefined;
}

function noHome(q: Question, catalog: Catalog, closest: Invocation[]): QuestionReading {
  return unsure([...describe(q, catalog), (tr) => tr.t('dispatch.heard.noHome')], closest);
}

function describe(q: Question, catalog: Catalog): Message[] {
  const topics = TOPICS.filter((t) => q.topics.has(t));
  const places = q.places;
  const period = q.period;
  return [
    ...(places.length > 0
      ? [
          (tr: Translator) =>
            tr.t('dispatch.heard.city', {
              count: places.length,
              names: formatList(
                places.map((m) => placeName(m, catalog, tr)),
                tr.lang,
              ),
            }),
        ]
      : []),
    ...(topics.length > 0
      ? [
          (tr: Translator) =>
            tr.t('dispatch.heard.topics', {
              topics: formatList(
                topics.map((t) => tr.t(`dispatch.topic.${t}`)),
                tr.lang,
              ),
            }),
        ]
      : []),
    ...(period ? [(tr: Translator) => tr.t('dispatch.heard.period', { period })] : []),
  ];
}

/** A place as understood: the city's name in the reader's language (qualified when it has namesakes), or the words as typed. */
function placeName(m: Mention, catalog: Catalog, tr: Translator): string {
  const city = m.cities[0];
  if (m.cities.length === 0 || !city) return tr.t('dispatch.quoted', { text: m.text });
  if (m.cities.length !== 1) return m.text;
  const name = cityName(city, tr.lang);
  return catalog.hasNamesake(city) ? `${name}, ${city.region ?? city.country}` : name;
}

/** "Partnerstadtjubiläum", "Partnerschaftsjahrestage": a German compound means what its last word means. */
const ANNIVERSARY_COMPOUND = /^[a-z]{4,}(jubilaum|jubilaen|jahrestage?n?)$/;

function topicsOf(words: readonly Token[]): Set<Topic> {
  const found = new Set<Topic>();
  const heads = words.map((t) => {
    const head = ANNIVERSARY_COMPOUND.exec(t.folded)?.[1];
    return head === undefined ? t : { ...t, folded: head };
  });
  for (const [topic, topicCues] of cues().topics) {
    if (hasCue(heads, topicCues)) found.add(topic);
  }
  return found;
}

/** Cues of every language for one list of each table ("search", "help"...), split into words once. */
function cuesOf(list: (table: CueTable) => readonly string[]): CueIndex {
  return cueIndex(cueTables().flatMap((table) => list(table).map((cue) => cue.split(' '))));
}

function vocabularyOf(tables: readonly CueTable[]): {
  exact: Set<string>;
  stems: Map<string, string[]>;
  cjk: string[];
} {
  const words = tables.flatMap((t) =>
    [
      ...TOPICS.flatMap((topic) => t[topic]),
      ...t.yesNoOpeners,
      ...t.questionWords,
      ...t.search,
      ...t.startsWith,
      ...t.help,
      ...t.contrary,
      ...t.duration,
      ...t.any,
      ...t.negation,
      ...t.ever,
      ...t.tell,
      ...t.filler,
    ].flatMap((cue) => cue.split(' ')),
  );
  const exact = new Set(words);
  return {
    exact,
    stems: byFirstLetters(words.filter((w) => w.length >= STEM_LENGTH && !CJK.test(w))),
    cjk: [...exact].filter((w) => CJK.test(w)),
  };
}

/** Stems by their first letters, so a word is compared with the few that can start it. */
function byFirstLetters(stems: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const stem of new Set(stems)) {
    const key = stem.slice(0, STEM_LENGTH);
    map.set(key, [...(map.get(key) ?? []), stem]);
  }
  return map;
}

/**
 * Our cue words and the everyday words of every language we read: never taken for an unknown name.
 * A longer word a cue starts is one of ours unless it is made from a country's name
 * ("estadounidense" starts like "estado" and means American).
 */
function isVocabulary(folded: string): boolean {
  return (
    cues().vocabulary.exact.has(folded) ||
    isCommonWord(folded) ||
    ((cues().vocabulary.stems.get(folded.slice(0, STEM_LENGTH)) ?? []).some((stem) =>
      folded.startsWith(stem),
    ) &&
      countryOfWord(folded) === undefined) ||
    (CJK.test(folded) && isCjkVocabulary(folded))
  );
}

/**
 * Japanese and Chinese words as the segmenter cuts them: a piece of one of our words ("仲良" of
 * "仲良し"), a word holding one of ours ("喧嘩した"), or kana alone (particles and endings: "って",
 * "なの"; names are written in kanji or katakana).
 */
function isCjkVocabulary(folded: string): boolean {
  if (HIRAGANA_ONLY.test(folded)) return true;
  // Katakana writes foreign names: a piece of one ("ナブ" of "ナブルス") must never pass for a word.
  if (KATAKANA.test(folded)) return cues().vocabulary.exact.has(folded);
  // "决|裂了", "绝|交了": the segmenter glues the Chinese past "了" to the end of a piece of our word.
  const word = folded.length > 1 && folded.endsWith('了') ? folded.slice(0, -1) : folded;
  return (
    cues().vocabulary.cjk.some((cue) => cue.includes(word) || (cue.length >= 2 && word.includes(cue))) ||
    // "谁是", "跟谁": two or three of our one-character words, joined by the segmenter.
    (word.length <= MAX_JOINED_CHARACTERS && [...word].every((ch) => cues().vocabulary.exact.has(ch)))
  );
}

const MAX_JOINED_CHARACTERS = 3;

/**
 * Japanese and Chinese words the segmenter cut out of two of ours ("友城一览" as "友|城一|览": 友城 and
 * 一览): a word no name holds, each of whose characters stands in one of our words of two characters
 * or more, written together with the words beside it.
 */
function cutCueWords(tokens: readonly Token[], catalog: Catalog): number[] {
  const cut: number[] = [];
  const written = (i: number) => CJK.test(tokens[i]?.folded ?? '');
  for (let first = 0; first < tokens.length; ) {
    let end = first + 1;
    while (written(end - 1) && written(end) && tokens[end]?.start === tokens[end - 1]?.end) end++;
    const run = tokens.slice(first, end);
    const unknown = (t: Token) => t.folded.length >= 2 && CJK.test(t.folded) && !isVocabulary(t.folded);
    if (run.length >= 2 && run.some(unknown)) {
      const covered = coveredByCues(run.map((t) => t.folded).join(''));
      let at = 0;
      run.forEach((token, k) => {
        const from = at;
        at += token.folded.length;
        if (
          unknown(token) &&
          covered.slice(from, at).every(Boolean) &&
          catalog.matchName(token.folded).length === 0
        )
          cut.push(first + k);
      });
    }
    first = end;
  }
  return cut;
}

/** For each character of the text, whether it stands in one of our words of two characters or more. */
function coveredByCues(text: string): boolean[] {
  const covered = new Array<boolean>(text.length).fill(false);
  for (const cue of cues().vocabulary.cjk) {
    if (cue.length < 2) continue;
    for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1))
      covered.fill(true, at, at + cue.length);
  }
  return covered;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function sure(invocation: Invocation): QuestionReading {
  return { sure: true, invocation };
}

function unsure(heard: Message[], closest: Invocation[]): QuestionReading {
  return { sure: false, heard, closest };
}
