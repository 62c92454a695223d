import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import type { Invocation } from '../../../src/core/parse-command.ts';
import { closestSpelling, editDistanceWithin } from '../../../src/core/question/cjk-names.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import { romanise, variantsOf } from '../../../src/core/question/romanise.ts';
import type { City } from '../../../src/domain/city.ts';
import { phoneticKey } from '../../../src/domain/name-sounds.ts';
import { Catalog } from '../../../src/store/catalog.ts';
import { StoreSchema } from '../../../src/store/schema.ts';
import { World } from '../../../src/store/world/world.ts';
import { WorldFileSchema } from '../../../src/store/world-schema.ts';
import { shippedStore } from '../../fixtures/questions/corpus.ts';
import { agreement, city as cityCommand, partners } from './invocations.ts';

/**
 * Issue 16: cities written in kana or hanzi that the data holds in another script or in Latin
 * letters only, read the way GeoNames romanises them, by their sounds, or by the partner they must
 * be; in sentences written for these tests (not taken from the corpus), over a small hand-written
 * world layer whose names are as GeoNames gives them.
 */
const names = (...list: string[]) => list.map((name) => ({ name, kind: 'alias' as const }));
const place = (id: string, name: string, country: string, extra: Partial<City> = {}): City => ({
  id,
  name,
  names: [],
  country,
  ...extra,
});
const CITIES: City[] = [
  place('buffalo-us', 'Buffalo', 'US', {
    region: 'New York',
    population: 258071,
    names: names('Bufalo', 'baffaro', 'shui niu cheng', '水牛城', 'バッファロー'),
  }),
  place('rzeszow-pl', 'Rzeszów', 'PL', {
    names: names('Rzeszow', 're shu fu', 'jeshufu', '热舒夫', 'ジェシュフ'),
  }),
  place('nablus-ps', 'Nablus', 'PS', { names: names('Naplouse', 'na bu lu si', 'naburusu', '納布盧斯') }),
  place('preston-gb', 'Preston', 'GB', { names: names('普雷斯顿', 'プレストン') }),
  place('borlange-se', 'Borlänge', 'SE', { names: names('Borlenge', 'Burlenge') }),
  place('wuhan-cn', 'Wuhan', 'CN', { names: names('武汉', '武漢') }),
  place('nanae-jp', 'Nanae', 'JP', { names: names('七飯町') }),
  place('kitakami-jp', 'Kitakami', 'JP', { names: names('北上市') }),
  place('concord-massachusetts-us', 'Concord', 'US', {
    region: 'Massachusetts',
    names: names('コンコード', '康科德'),
  }),
  place('concord-california-us', 'Concord', 'US', { region: 'California', names: names('康科德') }),
  place('concord-north-carolina-us', 'Concord', 'US', { region: 'North Carolina' }),
  place('freeport-bs', 'Freeport', 'BS'),
  place('le-mans-fr', 'Le Mans', 'FR', { names: names('ル・マン', '勒芒') }),
  place('london-gb', 'London', 'GB', { names: names('ロンドン', '伦敦') }),
  place('paris-fr', 'Paris', 'FR', { names: names('パリ', '巴黎') }),
  place('prague-cz', 'Prague', 'CZ', { names: names('Praha', 'プラハ', '布拉格') }),
  place('rome-it', 'Rome', 'IT', { names: names('Roma', '罗马') }),
  place('frankfurt-de', 'Frankfurt', 'DE', { names: names('法兰克福') }),
  place('bologna-it', 'Bologna', 'IT', { names: names('博洛尼亚') }),
  place('nashville-us', 'Nashville', 'US', { names: names('纳什维尔') }),
  place('lucerne-ch', 'Lucerne', 'CH', { names: names('卢塞恩') }),
  place('elbasan-al', 'Elbasan', 'AL', { names: names('厄尔巴桑') }),
  place('kitami-jp', 'Kitami', 'JP', { names: names('北見市') }),
];
const pair = (a: string, b: string) => ({
  id: `${a}--${b}`,
  cities: [a, b],
  milestones: [],
  sources: [
    { id: 'wikipedia', title: 'List of twin towns', url: 'https://en.wikipedia.org/wiki/Twin_towns' },
  ],
});
const PAIRS = [
  pair('buffalo-us', 'rzeszow-pl'),
  pair('nablus-ps', 'preston-gb'),
  pair('borlange-se', 'wuhan-cn'),
  pair('concord-massachusetts-us', 'nanae-jp'),
  pair('concord-california-us', 'kitakami-jp'),
  pair('london-gb', 'paris-fr'),
  pair('concord-north-carolina-us', 'freeport-bs'),
  pair('buffalo-us', 'london-gb'),
];

const world = new World(
  WorldFileSchema.parse({
    format: 1,
    sources: [
      { id: 'wikipedia', title: 'Wikipedia', url: 'https://en.wikipedia.org', licence: 'CC-BY-SA-4.0' },
    ],
    cities: CITIES,
    partnerships: PAIRS,
  }),
);
const catalog = new Catalog(
  StoreSchema.parse({ version: 1, settings: { world: true }, cities: [], partnerships: [] }),
  world,
);

function read(text: string) {
  return parseQuestion(text, catalog, commands);
}

function expectRun(text: string, expected: Invocation) {
  const reading = read(text);
  expect(reading.sure ? reading.invocation : reading).toEqual(expected);
}

/** Unsure, offering this command: never answered. */
function expectOffer(text: string, offered: Invocation) {
  const reading = read(text);
  expect(reading.sure).toBe(false);
  expect(reading.sure ? [] : reading.closest).toContainEqual(offered);
}

describe('romanising a name as GeoNames writes it', () => {
  it.each([
    ['ナブルス', 'naburusu'],
    ['ジェシュフ', 'jeshufu'],
    ['フィレンツェ', 'firentse'],
    ['バッファロー', 'baffaro'],
    ['ボーレンゲ', 'borenge'],
  ])('GIVEN katakana "%s" THEN its Hepburn romaji is "%s", long vowels run together', (kana, romaji) => {
    expect(romanise(kana)?.exact).toContain(romaji);
  });

  it('GIVEN one name in simplified and in traditional hanzi THEN both are the same toneless pinyin', () => {
    expect(romanise('纳布卢斯')?.exact).toEqual(['na bu lu si']);
    expect(romanise('納布盧斯')?.exact).toEqual(['na bu lu si']);
  });

  it('GIVEN a Japanese name mixing kanji and kana THEN it is not romanised (pinyin is no Japanese reading)', () => {
    expect(romanise('北上かみ')).toBeUndefined();
  });

  it('GIVEN simplified hanzi THEN its traditional and Japanese kanji forms are looked up too', () => {
    expect(variantsOf('七饭町')).toContain('七飯町');
    expect(variantsOf('横滨')).toContain('横浜');
  });

  it('GIVEN a Latin name and its Chinese and Japanese renderings THEN they sound alike', () => {
    expect(phoneticKey('bufaluo')).toBe(phoneticKey('buffalo'));
    expect(phoneticKey('baffaro')).toBe(phoneticKey('buffalo'));
    expect(phoneticKey('reshufu')).toBe(phoneticKey('rzeszow'));
    expect(phoneticKey('abidjan')).not.toBe(phoneticKey('bolune'));
  });
});

describe('a city the data holds in Latin letters or another script only', () => {
  it.each([
    ['纳布卢斯有哪些友好城市？', partners('nablus-ps')],
    ['ナブルスについて教えてください', cityCommand('nablus-ps')],
    ['七饭町的友好城市', partners('nanae-jp')],
    ['ル・マンの姉妹都市を教えて', partners('le-mans-fr')],
  ])('GIVEN "%s" THEN its romanisation or other script finds the city for sure', (text, expected) =>
    expectRun(text, expected),
  );

  it('GIVEN a name found by its sounds alone ("布法罗") THEN it is offered, never answered', () => {
    expectOffer('布法罗的友好城市', partners('buffalo-us'));
  });

  it('GIVEN a katakana name found by its sounds alone ("ボーレンゲ") THEN it is offered, never answered', () => {
    expectOffer('ボーレンゲはどんな街ですか', cityCommand('borlange-se'));
  });

  it('GIVEN a name found by its sounds beside its twin ("热舒夫和布法罗") THEN the twin settles it', () => {
    expectRun('热舒夫和布法罗什么时候签的协议？', agreement('rzeszow-pl', 'buffalo-us'));
  });

  it('GIVEN a rendering that drops sounds ("博伦厄") beside a city THEN the partner holding its sounds is meant', () => {
    expectRun('博伦厄和武汉是什么交情？', agreement('borlange-se', 'wuhan-cn'));
  });

  it('GIVEN a katakana name beside a Concord known in Japanese by another ("フリーポートとコンコード") THEN the twin of a Concord is meant', () => {
    expectRun(
      'フリーポートとコンコードの提携について',
      agreement('freeport-bs', 'concord-north-carolina-us'),
    );
  });

  it('GIVEN that rendering alone THEN no city is answered for it', () => {
    const reading = read('博伦厄在哪里？');
    expect(reading.sure).toBe(false);
    expect(reading.sure ? [] : reading.closest).toEqual([]);
  });

  it('GIVEN everyday Chinese words beside a city THEN none is read as a foreign name by its sounds', () => {
    expectRun('我想知道布拉格的友好城市', partners('prague-cz'));
  });

  it('GIVEN a country in katakana before a city THEN it is the country, not a city that sounds alike', () => {
    expectRun('ロンドンのアメリカの姉妹都市', {
      command: 'partners',
      args: { city: 'london-gb', country: 'US' },
    });
  });
});

describe('a region beside a city named alike', () => {
  it.each([
    ['コンコード（カリフォルニア州）の姉妹都市は？', partners('concord-california-us')],
    ['マサチューセッツ州のコンコードの姉妹都市', partners('concord-massachusetts-us')],
    ['马萨诸塞州的康科德有哪些友好城市', partners('concord-massachusetts-us')],
  ])('GIVEN "%s" THEN the city is the one in that region', (text, expected) => expectRun(text, expected));

  it('GIVEN one Concord named in Japanese beside the other twin of another THEN the twinned Concord is meant', () => {
    expectRun('北上市とコンコードの提携はいつ？', agreement('kitakami-jp', 'concord-california-us'));
  });
});

describe('Japanese and Chinese ways of asking', () => {
  it.each([
    ['ロンドンとパリは姉妹都市？', { ...agreement('london-gb', 'paris-fr'), asks: 'in-force' }],
    ['伦敦和巴黎是友好城市？', { ...agreement('london-gb', 'paris-fr'), asks: 'in-force' }],
    [
      '七飯町とコンコードは提携してどれくらいですか',
      { ...agreement('nanae-jp', 'concord-massachusetts-us'), focus: 'since' },
    ],
    [
      'ロンドンの姉妹都市でフランスにあるのは？',
      { command: 'partners', args: { city: 'london-gb', country: 'FR' } },
    ],
    ['キタで始まる町を検索して', { command: 'search', args: { text: 'kita' } }],
    ['ロンドンとパリの提携をやめたのはどちら？', agreement('london-gb', 'paris-fr')],
    ['ロンドンとパリって姉妹都市だっけ', { ...agreement('london-gb', 'paris-fr'), asks: 'in-force' }],
    ['ロンドンとパリの提携期間を教えて', { ...agreement('london-gb', 'paris-fr'), focus: 'since' }],
    ['パリってどんな街？', cityCommand('paris-fr')],
    [
      'ロンドンとパリが70周年を迎えるのはいつ',
      { command: 'anniversaries', args: { city: 'london-gb', with: 'paris-fr', window: 'turning 70' } },
    ],
    [
      '伦敦和巴黎哪年满70年',
      { command: 'anniversaries', args: { city: 'london-gb', with: 'paris-fr', window: 'turning 70' } },
    ],
    ['巴黎的姊妹城市', partners('paris-fr')],
    ['何ができますか', { command: 'help', args: {} }],
    ['伦敦结交了哪些外国朋友城市', partners('london-gb')],
    ['巴黎是哪个国家的', cityCommand('paris-fr')],
    ['伦敦和巴黎是从哪年开始的', agreement('london-gb', 'paris-fr')],
    ['谁和巴黎断了', partners('paris-fr')],
    ['哪个城市跟巴黎决裂了', partners('paris-fr')],
    ['跟伦敦黄了的是谁', partners('london-gb')],
    ['巴黎跟哪些城市携手', partners('paris-fr')],
    ['有什么周年纪念快到了', { command: 'anniversaries', args: {} }],
    ['近期有哪些周年纪念', { command: 'anniversaries', args: {} }],
    ['未来三个月有哪些周年纪念', { command: 'anniversaries', args: { window: 'next 90 days' } }],
    ['今后一个月有哪些周年纪念日', { command: 'anniversaries', args: { window: 'next 30 days' } }],
    ['向こう3か月の記念日は？', { command: 'anniversaries', args: { window: 'next 90 days' } }],
    ['パリと別れたのはどこ？', partners('paris-fr')],
    ['ロンドンと手を切ったのはどこ', partners('london-gb')],
    ['パリと縁を切った都市は', partners('paris-fr')],
    ['ロンドンと組んでいる都市は', partners('london-gb')],
    ['パリはどこ', cityCommand('paris-fr')],
  ] as [string, Invocation][])('GIVEN "%s" THEN it is read as a native speaker means it', (text, expected) =>
    expectRun(text, expected),
  );
});

describe('"who" beside one city and a verb not understood', () => {
  it.each(['谁跟巴黎那个了', '誰がパリとやらかした'])(
    'GIVEN "%s" THEN its partners are offered, never the city answered',
    (text) => {
      expectOffer(text, partners('paris-fr'));
    },
  );
});

describe('Chinese and Japanese periods, anniversaries and yes/no questions', () => {
  const window = (period: string): Invocation => ({ command: 'anniversaries', args: { window: period } });
  const turning = (n: number): Invocation => ({
    command: 'anniversaries',
    args: { city: 'london-gb', with: 'paris-fr', window: `turning ${n}` },
  });
  it.each([
    ['下周有哪些周年纪念', window('next 7 days')],
    ['下个星期的纪念日', window('next 7 days')],
    ['来週の記念日を教えて', window('next 7 days')],
    ['四月有什么周年', window('april')],
    ['4月份的周年纪念', window('april')],
    ['6月の記念日', window('june')],
    ['2028年5月的周年纪念', window('2028-05')],
    ['2028年十一月の記念日', window('2028-11')],
    ['3か月以内の記念日', window('next 90 days')],
    ['年末の記念日', window('december')],
    ['年底有哪些周年', window('december')],
    ['伦敦和巴黎第20个周年是哪天', turning(20)],
    ['伦敦和巴黎满二十年是什么时候', turning(20)],
    ['ロンドンとパリの第20回目の記念日', turning(20)],
    ['伦敦和巴黎是否仍是姐妹城市', { ...agreement('london-gb', 'paris-fr'), asks: 'in-force' }],
    ['伦敦和巴黎有没有结为友好城市', { ...agreement('london-gb', 'paris-fr'), asks: 'in-force' }],
    ['伦敦和巴黎是友城么', { ...agreement('london-gb', 'paris-fr'), asks: 'in-force' }],
    ['伦敦和巴黎结对了没有', { ...agreement('london-gb', 'paris-fr'), asks: 'in-force' }],
    ['伦敦是不是跟巴黎断了', { ...agreement('london-gb', 'paris-fr'), asks: 'ended-by-first' }],
    // Falling out asks what happened, not whether the tie ended.
    ['伦敦和巴黎闹翻了吗', agreement('london-gb', 'paris-fr')],
  ] as [string, Invocation][])('GIVEN "%s" THEN it is read as a native speaker means it', (text, expected) =>
    expectRun(text, expected),
  );
});

describe('Chinese renderings that drop sounds, and names the segmenter cuts wrongly', () => {
  const more = [
    place('klagenfurt-at', 'Klagenfurt', 'AT', { names: names('克拉根福') }),
    // Names that bring the characters of 弗里波特 among those Chinese writes foreign names with.
    place('fribourg-ch', 'Fribourg', 'CH', { names: names('弗里堡') }),
    place('bordeaux-fr', 'Bordeaux', 'FR', { names: names('波尔多') }),
    place('detroit-us', 'Detroit', 'US', { names: names('底特律') }),
  ];
  const officeWorld = new World(
    WorldFileSchema.parse({
      format: 1,
      sources: [
        { id: 'wikipedia', title: 'Wikipedia', url: 'https://en.wikipedia.org', licence: 'CC-BY-SA-4.0' },
      ],
      cities: [...CITIES, ...more],
      partnerships: [...PAIRS, pair('klagenfurt-at', 'rzeszow-pl')],
    }),
  );
  const own = (id: string) => {
    const { region: _region, population: _population, ...city } = CITIES.find((c) => c.id === id) as City;
    return city;
  };
  /** An office that records Borlänge and Freeport as its own cities. */
  const office = new Catalog(
    StoreSchema.parse({
      version: 1,
      settings: { world: true },
      cities: [own('borlange-se'), own('freeport-bs')],
      partnerships: [],
    }),
    officeWorld,
  );
  const worldOnly = new Catalog(
    StoreSchema.parse({ version: 1, settings: { world: true }, cities: [], partnerships: [] }),
    officeWorld,
  );
  const readAt = (text: string, at = office) => {
    const reading = parseQuestion(text, at, commands);
    return reading.sure ? reading.invocation : reading;
  };

  it('GIVEN a rendering beside a name with namesakes ("弗里波特和康科德") THEN the partner of one of them is meant', () => {
    expect(readAt('弗里波特和康科德是姐妹城市吗', worldOnly)).toEqual({
      ...agreement('freeport-bs', 'concord-north-carolina-us'),
      asks: 'in-force',
    });
  });

  it.each([
    ['博伦厄在哪', cityCommand('borlange-se')],
    ['博伦厄市的友好城市', partners('borlange-se')],
    ['弗里波特在哪里', cityCommand('freeport-bs')],
  ] as [string, Invocation][])(
    'GIVEN "%s", the office\'s own city by the sounds kept THEN that city is meant',
    (text, expected) => {
      expect(readAt(text)).toEqual(expected);
    },
  );

  it('GIVEN a country and region where the one city of that name is not ("美国缅因州的弗里波特") THEN nothing is answered', () => {
    expect(readAt('弗里波特的友好城市')).toEqual(partners('freeport-bs'));
    expect(readAt('美国缅因州的弗里波特有哪些友好城市')).toMatchObject({ sure: false });
  });

  it('GIVEN a name whose last character the segmenter glued to the next word ("克拉根福建交") THEN the name is read whole', () => {
    expect(readAt('热舒夫和克拉根福建交30周年是哪天')).toEqual({
      command: 'anniversaries',
      args: { city: 'rzeszow-pl', with: 'klagenfurt-at', window: 'turning 30' },
    });
  });
});

describe('Chinese and Japanese everyday words for what is asked', () => {
  const window = (period: string): Invocation => ({ command: 'anniversaries', args: { window: period } });
  it.each([
    ['伦敦和巴黎好了几十年了', { ...agreement('london-gb', 'paris-fr'), focus: 'since' }],
    ['巴黎的兄弟城市', partners('paris-fr')],
    ['パリの兄弟都市', partners('paris-fr')],
    ['パリと仲のいい都市', partners('paris-fr')],
    ['巴黎的友好城市名单', partners('paris-fr')],
    ['巴黎被谁拉黑了', partners('paris-fr')],
    ['巴黎跟谁好', partners('paris-fr')],
    ['巴黎的朋友圈', partners('paris-fr')],
    // "谁是": the segmenter joins "who" and "is"; "哪些" (which ones) asks for ties as "who" does.
    ['巴黎都和谁是姐妹', partners('paris-fr')],
    ['伦敦认了哪些亲戚', partners('london-gb')],
    ['伦敦结了哪些对子', partners('london-gb')],
    ['伦敦的国际友城', partners('london-gb')],
    ['伦敦在海外有哪些好哥们', partners('london-gb')],
    ['伦敦都跟哪些外国城市称兄道弟', partners('london-gb')],
    // "Which city" asks which cities, as "who" does; one hanzi we lack (认) is no question of its own.
    ['伦敦跟谁吵过架', partners('london-gb')],
    ['伦敦和哪个城市闹过矛盾', partners('london-gb')],
    ['伦敦在国外认了几个干亲', partners('london-gb')],
    ['北上市简介', cityCommand('kitakami-jp')],
    ['パリが縁組みしている都市', partners('paris-fr')],
    ['パリの親善都市', partners('paris-fr')],
    ['パリのパートナーシティ', partners('paris-fr')],
    ['パリのプロフィール', cityCommand('paris-fr')],
    // "How is it": of one city, the city; of two, their tie.
    ['巴黎怎么样', cityCommand('paris-fr')],
    ['巴黎近况', cityCommand('paris-fr')],
    ['伦敦和巴黎咋样了', agreement('london-gb', 'paris-fr')],
    ['どう使うの', { command: 'help', args: {} }],
    // "どう" asks how things are, not whether.
    ['ロンドンとパリの提携って今どうなの', agreement('london-gb', 'paris-fr')],
    // The segmenter glues the name's first character to the word before it: 介绍|下北|上市.
    ['介绍下北上市', cityCommand('kitakami-jp')],
    ['巴黎是什么地方', cityCommand('paris-fr')],
    ['パリの基本情報', cityCommand('paris-fr')],
    ['パリの人口は', cityCommand('paris-fr')],
    ['巴黎人口多少', cityCommand('paris-fr')],
    ['今年有什么金婚纪念', window('this year turning 50')],
    [
      'ロンドンとパリが半世紀を迎えるのは',
      { command: 'anniversaries', args: { city: 'london-gb', with: 'paris-fr', window: 'turning 50' } },
    ],
    ['未来三十天的周年纪念', window('next 30 days')],
    ['今後60日以内の記念日', window('next 60 days')],
    ['年内の記念日', window('this year')],
    ['有叫Kita的城市吗', { command: 'search', args: { text: 'Kita' } }],
    ['Kitaを含む都市', { command: 'search', args: { text: 'Kita' } }],
    ['你是干什么的', { command: 'help', args: {} }],
    ['何を聞けばいい？', { command: 'help', args: {} }],
    // "Why" asks what happened, not whether.
    ['ロンドンとパリはなんで別れたの', agreement('london-gb', 'paris-fr')],
    // A question mark after a plain verb asks yes or no.
    ['ロンドンはパリとの提携を解消した？', { ...agreement('london-gb', 'paris-fr'), asks: 'ended-by-first' }],
  ] as [string, Invocation][])('GIVEN "%s" THEN it is read as a native speaker means it', (text, expected) =>
    expectRun(text, expected),
  );
});

describe('a country and a region written before a city in Chinese or Japanese', () => {
  it.each([
    ['美国马萨诸塞州的康科德有哪些友好城市', partners('concord-massachusetts-us')],
    // The one Kitakami: the prefecture says where it is, though its Japanese reading cannot be compared.
    ['岩手県の北上市の姉妹都市', partners('kitakami-jp')],
    ['日本岩手県北上市について', cityCommand('kitakami-jp')],
  ] as [string, Invocation][])(
    'GIVEN "%s" THEN the city is the one there, and the words no question',
    (text, expected) => expectRun(text, expected),
  );
});

describe('on the shipped world layer, whose many names some pieces of words match', () => {
  let shipped: Catalog;
  beforeAll(async () => {
    shipped = (await shippedStore()).catalog;
  });
  it.each([
    // The country written joined to the city, as Chinese writes it.
    ['巴勒斯坦纳布卢斯的友好城市', partners('nablus-ps')],
    // "ボー" starts ポーランド (Poland) once folded: a piece of a katakana word is no country.
    ['ボーレンゲってどこ', cityCommand('borlange-se')],
    // Long names the segmenter cuts into many pieces, "ー" among them.
    ['第聂伯罗彼得罗夫斯克和西安什么时候结为友好城市的', agreement('dnipro-ua', 'xi-an-cn')],
    [
      'ブレーマーハーフェンとフレゼリクスハウンの姉妹都市提携はいつ',
      agreement('bremerhaven-de', 'frederikshavn-dk'),
    ],
    // A country's name that is also a city's, beside that city's twin: the city (El Salvador, Salvador).
    ['英雄港与萨尔瓦多的友好关系', agreement('angra-do-heroismo-pt', 'salvador-br')],
    // "北" of 北卡罗来纳 is North, translated, not sounded.
    ['康科德（北卡罗来纳州）的友好城市', partners('concord-north-carolina-us')],
    // A city named as a country's name starts (ジョージア, Georgia) is the city.
    ['ジョージとタコマの姉妹都市提携はいつ', agreement('george-za', 'tacoma-us')],
  ] as [string, Invocation][])('GIVEN "%s" THEN it is read as meant', (text, expected) => {
    const reading = parseQuestion(text, shipped, commands);
    expect(reading.sure ? reading.invocation : reading).toEqual(expected);
  });
});

describe('the spelling distance of a romanised name, bounded', () => {
  /** Levenshtein distance in full, to compare the bounded one with. */
  function levenshtein(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++) {
        const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
        current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
      }
      previous = current;
    }
    return previous[b.length] ?? 0;
  }
  const spellings = [
    'bufaluo',
    'buffalo',
    'bufalo',
    'bolune',
    'borlange',
    'borlenge',
    'gyongyosh',
    'gyongyos',
  ];
  const pairs = spellings.flatMap((a) =>
    [...spellings, 'naburusu', 'nablus', 'b', '', 'oblune', 'bolnue', 'bbolune'].map((b) => [a, b] as const),
  );

  it.each([0, 1, 2, 3])(
    'GIVEN a bound of %i THEN each distance within it is exact, and any farther is the bound plus one',
    (max) => {
      for (const [a, b] of pairs) {
        expect(editDistanceWithin(a, b, max), `${a} ~ ${b}`).toBe(Math.min(levenshtein(a, b), max + 1));
        expect(editDistanceWithin(b, a, max), `${b} ~ ${a}`).toBe(Math.min(levenshtein(a, b), max + 1));
      }
    },
  );

  it("GIVEN a city's spellings and a romanisation THEN the closest is found, up to two edits, as a full comparison finds it", () => {
    const romanisations = [
      ['bolune'],
      ['gyongyoshu', 'gyongyosh'],
      ['bufaluo'],
      ['bulnage'],
      ['bifali'],
      ['xyz'],
    ];
    for (const sounds of romanisations) {
      for (let from = 0; from < spellings.length; from++) {
        const names = spellings.slice(from, from + 3);
        const full = Math.min(3, ...sounds.flatMap((sound) => names.map((n) => levenshtein(n, sound))));
        expect(closestSpelling(names, sounds), `${sounds} ~ ${names}`).toBe(full);
      }
    }
  });
});
