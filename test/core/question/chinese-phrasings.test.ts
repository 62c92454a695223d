import { beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../src/core/dispatcher.ts';
import type { Catalog } from '../../../src/store/catalog.ts';
import {
  type CLASSES,
  corpusDispatcher,
  invocationMeaning,
  LabelSchema,
  labelMeaning,
  meaningText,
  sameMeaning,
  shippedStore,
} from '../../fixtures/questions/corpus.ts';

type Class = (typeof CLASSES)[number];
type Asked = { asks?: 'in-force' | 'ended-by-first' | 'ended' | 'any'; focus?: 'since' };

/**
 * Issue 16: Chinese questions written for these tests the way a twinning office or a community chat
 * writes them (casual and formal, traditional characters, a pinyin keyboard's homophone, full-width
 * punctuation or none, emoji, numbers as 二十, 20 or 廿), not taken from the corpus; each with the
 * command it means, written as the corpus labels are (test/fixtures/questions/README.md), on the
 * shipped seed and world layer.
 */
const QUESTIONS: readonly [Class, string, string, Asked?][] = [
  // partners
  ['partners', '上海有哪些友好城市', 'partners Shanghai'],
  ['partners', '上海都跟哪些城市结好了？', 'partners Shanghai'],
  ['partners', '请列出布拉格的所有友好城市。', 'partners Prague'],
  ['partners', '臺北的姊妹市有哪些？', 'partners Taipei'],
  ['partners', '北京的友城有哪些😀', 'partners Beijing'],
  ['partners', '广州的有好城市', 'partners Guangzhou'],
  ['partners', '想知道武汉跟哪些外国城市结成了友好城市', 'partners Wuhan'],
  ['partners', '热舒夫有几个友好城市？', 'partners Rzeszów'],
  ['partners', '和杭州结为姐妹城市的有哪些城市', 'partners Hangzhou'],
  ['partners', '南京的国际友城名单', 'partners Nanjing'],
  ['partners', '成都，友好城市？', 'partners Chengdu'],
  ['partners', '哪些城市是重庆的友好城市', 'partners Chongqing'],
  ['partners', '帕德博恩跟谁是友好城市', 'partners Paderborn'],
  ['partners', '大阪的姐妹城市都有谁啊', 'partners Osaka'],
  ['partners', '天津结交了哪些友好城市?', 'partners Tianjin'],
  // agreement
  ['agreement', '上海和布拉格的友好城市协议', 'agreement Shanghai / Prague'],
  ['agreement', '北京与柏林什么时候签的约', 'agreement Beijing / Berlin'],
  ['agreement', '布拉格和台北是哪一年结好的？', 'agreement Prague / Taipei'],
  ['agreement', '杭州与尼斯缔结友好城市的日期', 'agreement Hangzhou / Nice'],
  ['agreement', '查一下南京和莱比锡的友好关系', 'agreement Nanjing / Leipzig'],
  ['agreement', '西安、京都 协议详情', 'agreement xi-an-cn / Kyoto'],
  ['agreement', '武汉跟博伦厄是怎么结为友好城市的', 'agreement Wuhan / Borlänge'],
  ['agreement', '臺北與布拉格締約的經過', 'agreement Taipei / Prague'],
  ['agreement', '大阪和旧金山的友好关系是哪年建立的', 'agreement Osaka / san-francisco-us'],
  ['agreement', '帕德博恩和勒芒的结好协议是谁签的', 'agreement Paderborn / Le Mans'],
  // yes-no
  ['yes-no', '上海和布拉格还是友好城市吗？', 'agreement Shanghai / Prague', { asks: 'in-force' }],
  ['yes-no', '北京跟巴黎是不是友好城市', 'agreement Beijing / Paris', { asks: 'in-force' }],
  ['yes-no', '布拉格和台北现在还是姐妹城市吗', 'agreement Prague / Taipei', { asks: 'in-force' }],
  ['yes-no', '武汉和博伦厄有没有结为友好城市？', 'agreement Wuhan / Borlänge', { asks: 'in-force' }],
  ['yes-no', '上海是不是跟布拉格解约了', 'agreement Shanghai / Prague', { asks: 'ended-by-first' }],
  ['yes-no', '布拉格终止了与上海的友好关系吗？', 'agreement Prague / Shanghai', { asks: 'ended-by-first' }],
  ['yes-no', '大阪和旧金山的姐妹城市关系还在吗', 'agreement Osaka / san-francisco-us', { asks: 'in-force' }],
  ['yes-no', '杭州和尼斯是有好城市吗', 'agreement Hangzhou / Nice', { asks: 'in-force' }],
  ['yes-no', '臺北和布拉格仍是姊妹市嗎？', 'agreement Taipei / Prague', { asks: 'in-force' }],
  [
    'yes-no',
    '是大阪终止了和旧金山的关系吗',
    'agreement Osaka / san-francisco-us',
    { asks: 'ended-by-first' },
  ],
  ['yes-no', '旧金山有没有跟大阪断交', 'agreement san-francisco-us / Osaka', { asks: 'ended-by-first' }],
  ['yes-no', '南京和莱比锡算友好城市吗', 'agreement Nanjing / Leipzig', { asks: 'in-force' }],
  ['yes-no', '上海跟布拉格的友好关系结束了吗？', 'agreement Shanghai / Prague', { asks: 'ended' }],
  [
    'yes-no',
    '伊斯坦布尔退出了和鹿特丹的友好关系吗',
    'agreement Istanbul / Rotterdam',
    { asks: 'ended-by-first' },
  ],
  // age-duration
  ['age-duration', '上海和布拉格结好几年了', 'agreement Shanghai / Prague', { focus: 'since' }],
  ['age-duration', '北京和柏林做友好城市多长时间了？', 'agreement Beijing / Berlin', { focus: 'since' }],
  ['age-duration', '布法罗与热舒夫的友好关系有多少年历史', 'agreement Buffalo / Rzeszów', { focus: 'since' }],
  ['age-duration', '杭州跟尼斯结为友城多久啦', 'agreement Hangzhou / Nice', { focus: 'since' }],
  ['age-duration', '臺北和布拉格結為姊妹市幾年了？', 'agreement Taipei / Prague', { focus: 'since' }],
  ['age-duration', '武汉和博伦厄的友谊持续了多少年', 'agreement Wuhan / Borlänge', { focus: 'since' }],
  ['age-duration', '南京和佛罗伦萨是友好城市有多久了', 'agreement Nanjing / Florence', { focus: 'since' }],
  ['age-duration', '西安和爱丁堡结好已经多少年了？', 'agreement xi-an-cn / Edinburgh', { focus: 'since' }],
  // nth-anniversary
  ['nth-anniversary', '上海和布拉格20周年是哪天', 'anniversaries Shanghai / Prague turning 20'],
  ['nth-anniversary', '北京和柏林结好二十周年是什么时候？', 'anniversaries Beijing / Berlin turning 20'],
  ['nth-anniversary', '布法罗和热舒夫的五十周年纪念是哪一天', 'anniversaries Buffalo / Rzeszów turning 50'],
  ['nth-anniversary', '杭州和尼斯廿周年什么时候', 'anniversaries Hangzhou / Nice turning 20'],
  ['nth-anniversary', '臺北與布拉格十週年是幾月幾號', 'anniversaries Taipei / Prague turning 10'],
  ['nth-anniversary', '武汉和博伦厄结好30周年在哪天', 'anniversaries Wuhan / Borlänge turning 30'],
  ['nth-anniversary', '帕德博恩和勒芒的下一个周年纪念日是什么时候', 'anniversaries Paderborn / Le Mans'],
  ['nth-anniversary', '南京与莱比锡友好城市25周年是几号', 'anniversaries Nanjing / Leipzig turning 25'],
  // partners-in-country
  ['partners-in-country', '上海在德国有友好城市吗', 'partners Shanghai in DE', { asks: 'any' }],
  ['partners-in-country', '北京有哪些美国的友好城市', 'partners Beijing in US'],
  ['partners-in-country', '布拉格在中国的姐妹城市', 'partners Prague in CN'],
  ['partners-in-country', '大阪在美国有几个姐妹城市？', 'partners Osaka in US'],
  ['partners-in-country', '广州有没有日本的友城', 'partners Guangzhou in JP', { asks: 'any' }],
  ['partners-in-country', '杭州的友好城市里哪些在法国', 'partners Hangzhou in FR'],
  ['partners-in-country', '武汉在瑞典的友好城市是哪个', 'partners Wuhan in SE'],
  ['partners-in-country', '天津跟韩国哪些城市结好了', 'partners Tianjin in KR'],
  // what-happened
  ['what-happened', '上海和布拉格怎么了', 'agreement Shanghai / Prague'],
  ['what-happened', '为什么布拉格和上海不再是友好城市了', 'agreement Prague / Shanghai'],
  ['what-happened', '是谁终止了伊斯坦布尔和鹿特丹的友好关系？', 'agreement Istanbul / Rotterdam'],
  ['what-happened', '大阪跟旧金山为啥断了', 'agreement Osaka / san-francisco-us'],
  ['what-happened', '谁退出了和布拉格的友好关系？', 'partners Prague'],
  ['what-happened', '上海和布拉格闹掰的原因', 'agreement Shanghai / Prague'],
  ['what-happened', '鹿特丹与伊斯坦布尔的关系出了什么事', 'agreement Rotterdam / Istanbul'],
  ['what-happened', '大阪和旧金山到底发生了啥', 'agreement Osaka / san-francisco-us'],
  // tell-me-about
  ['tell-me-about', '说说上海吧', 'city Shanghai'],
  ['tell-me-about', '介绍下布拉格', 'city Prague'],
  ['tell-me-about', '关于热舒夫的信息', 'city Rzeszów'],
  ['tell-me-about', '能给我介绍一下帕德博恩这个城市吗？', 'city Paderborn'],
  ['tell-me-about', '北上市是个怎样的地方', 'city Kitakami'],
  ['tell-me-about', '我想了解一下克拉根福', 'city Klagenfurt'],
  ['tell-me-about', '勒芒这个城市怎么样', 'city Le Mans'],
  ['tell-me-about', '講講臺北', 'city Taipei'],
  // city
  ['city', '北上市在哪里？', 'city Kitakami'],
  ['city', '博伦厄是哪个国家的', 'city Borlänge'],
  ['city', '帕德博恩', 'city Paderborn'],
  ['city', '热舒夫在哪个国家', 'city Rzeszów'],
  ['city', '克拉根福属于哪个州？', 'city Klagenfurt'],
  ['city', '勒芒在哪个省', 'city Le Mans'],
  ['city', '北上市是哪个县的', 'city Kitakami'],
  ['city', '北上市在何県？', 'city Kitakami'],
  ['city', '布法罗位于哪里', 'city Buffalo'],
  // anniversaries
  ['anniversaries', '明年有哪些周年纪念', 'anniversaries next year'],
  ['anniversaries', '本月有什么周年纪念日？', 'anniversaries this month'],
  ['anniversaries', '2027年满20周年的友好关系', 'anniversaries 2027 turning 20'],
  ['anniversaries', '接下来30天有哪些纪念日', 'anniversaries next 30 days'],
  ['anniversaries', '下周有周年纪念吗', 'anniversaries next 7 days'],
  ['anniversaries', '今年有哪些友好城市周年庆', 'anniversaries this year'],
  ['anniversaries', '2028年的周年纪念', 'anniversaries 2028'],
  ['anniversaries', '明年满三十周年的有哪些？', 'anniversaries next year turning 30'],
  ['anniversaries', '下个月的周年纪念日有哪些？', 'anniversaries next month'],
  ['anniversaries', '2027年3月有什么周年', 'anniversaries 2027-03'],
  ['anniversaries', '明年有哪些週年紀念？', 'anniversaries next year'],
  // search
  ['search', '搜索 kita', 'search kita'],
  ['search', '查找名字里有berg的城市', 'search berg'],
  ['search', '搜一下pra', 'search pra'],
  // help
  ['help', '帮助', 'help'],
  ['help', '这个机器人怎么用？', 'help'],
  ['help', '你都会些什么', 'help'],
  ['help', '有哪些命令', 'help'],
  // two-cities-no-answer
  ['two-cities-no-answer', '上海和布拉格？', 'agreement Shanghai / Prague'],
  ['two-cities-no-answer', '北京 柏林', 'agreement Beijing / Berlin'],
  ['two-cities-no-answer', '那杭州和尼斯呢', 'agreement Hangzhou / Nice'],
  ['two-cities-no-answer', '南京跟莱比锡现在咋样了', 'agreement Nanjing / Leipzig'],
  ['two-cities-no-answer', '布法罗和热舒夫最近有啥动静', 'agreement Buffalo / Rzeszów'],
  // question-word-or-country
  ['question-word-or-country', '奥地利克拉根福的友好城市', 'partners Klagenfurt'],
  ['question-word-or-country', '日本北上市和哪些城市是姐妹城市', 'partners Kitakami'],
  ['question-word-or-country', '德国帕德博恩和法国勒芒何时结好', 'agreement Paderborn / Le Mans'],
  ['question-word-or-country', '中国上海与捷克布拉格何时签约', 'agreement Shanghai / Prague'],
  ['question-word-or-country', '瑞典的博伦厄在哪', 'city Borlänge'],
  ['question-word-or-country', '自从什么时候起布法罗和热舒夫是友好城市', 'agreement Buffalo / Rzeszów'],
  ['question-word-or-country', '波兰热舒夫和美国布法罗哪年结好的', 'agreement Rzeszów / Buffalo'],
  // unknown-words
  ['unknown-words', '上海和布拉格咋就散伙了', 'agreement Shanghai / Prague'],
  ['unknown-words', '大阪跟旧金山是啥时候牵手的', 'agreement Osaka / san-francisco-us'],
  ['unknown-words', '布拉格在海外的朋友圈有谁', 'partners Prague'],
  ['unknown-words', '北京和柏林啥时候好上的', 'agreement Beijing / Berlin'],
  ['unknown-words', '杭州和尼斯怎么结下缘分的', 'agreement Hangzhou / Nice'],
  ['unknown-words', '热舒夫跟哪些城市有来往', 'partners Rzeszów'],
  ['unknown-words', '伊斯坦布尔和鹿特丹是怎么一刀两断的', 'agreement Istanbul / Rotterdam'],
  ['unknown-words', '武汉和博伦厄的交情有多深', 'agreement Wuhan / Borlänge'],
  // A second round, written after the first was read right.
  ['yes-no', '上海和布拉格是否仍为友好城市', 'agreement Shanghai / Prague', { asks: 'in-force' }],
  ['yes-no', '北京和柏林还是不是友好城市啊', 'agreement Beijing / Berlin', { asks: 'in-force' }],
  ['yes-no', '大阪跟旧金山断了没', 'agreement Osaka / san-francisco-us', { asks: 'ended' }],
  ['yes-no', '请问杭州与尼斯目前仍保持友好城市关系吗？', 'agreement Hangzhou / Nice', { asks: 'in-force' }],
  ['yes-no', '上海把布拉格拉黑了吗😂', 'agreement Shanghai / Prague', { asks: 'ended-by-first' }],
  ['yes-no', '南京和莱比锡结为友好城市了吗', 'agreement Nanjing / Leipzig', { asks: 'in-force' }],
  ['yes-no', '热舒夫和布法罗是姐妹城市不', 'agreement Rzeszów / Buffalo', { asks: 'in-force' }],
  [
    'yes-no',
    '是布拉格先提出解除与上海的友好关系吗',
    'agreement Prague / Shanghai',
    { asks: 'ended-by-first' },
  ],
  [
    'yes-no',
    '旧金山和大阪的姐妹城市关系已经终止了吗',
    'agreement san-francisco-us / Osaka',
    { asks: 'ended' },
  ],
  ['yes-no', '成都和重庆是友好城市吗', 'agreement Chengdu / Chongqing', { asks: 'in-force' }],
  ['yes-no', '西安跟爱丁堡还有友好关系吗', 'agreement xi-an-cn / Edinburgh', { asks: 'in-force' }],
  ['yes-no', '武汉与博伦厄的友好关系还有效吗？', 'agreement Wuhan / Borlänge', { asks: 'in-force' }],
  ['agreement', '上海布拉格什么时候结好的', 'agreement Shanghai / Prague'],
  ['agreement', '杭州与尼斯于哪年缔结友好城市关系？', 'agreement Hangzhou / Nice'],
  ['agreement', '北京和柏林的友城协议是哪天签署的', 'agreement Beijing / Berlin'],
  ['agreement', '帕德博恩-勒芒 友好协议', 'agreement Paderborn / Le Mans'],
  ['agreement', '大阪和旧金山最早是哪一年结为姐妹城市', 'agreement Osaka / san-francisco-us'],
  ['agreement', '布法罗和热舒夫的友好城市关系详情', 'agreement Buffalo / Rzeszów'],
  ['age-duration', '上海和布拉格做了几年友好城市', 'agreement Shanghai / Prague', { focus: 'since' }],
  ['age-duration', '杭州同尼斯结好至今多少年？', 'agreement Hangzhou / Nice', { focus: 'since' }],
  ['age-duration', '布拉格跟台北的友好关系有几年了', 'agreement Prague / Taipei', { focus: 'since' }],
  ['age-duration', '北京和柏林结好到现在多少年', 'agreement Beijing / Berlin', { focus: 'since' }],
  ['nth-anniversary', '上海和布拉格结好第二十个周年是哪天', 'anniversaries Shanghai / Prague turning 20'],
  ['nth-anniversary', '北京与柏林友好城市40周年纪念日', 'anniversaries Beijing / Berlin turning 40'],
  ['nth-anniversary', '杭州和尼斯什么时候满三十周年', 'anniversaries Hangzhou / Nice turning 30'],
  ['nth-anniversary', '布法罗和热舒夫的周年纪念日是哪天', 'anniversaries Buffalo / Rzeszów'],
  ['partners-in-country', '布拉格在日本有没有姐妹城市', 'partners Prague in JP', { asks: 'any' }],
  ['partners-in-country', '上海有哪些意大利的友好城市', 'partners Shanghai in IT'],
  ['partners-in-country', '北京的友好城市中有英国的吗', 'partners Beijing in GB', { asks: 'any' }],
  ['partners-in-country', '杭州在法国的友城', 'partners Hangzhou in FR'],
  ['what-happened', '上海和布拉格为什么分手', 'agreement Shanghai / Prague'],
  ['what-happened', '布拉格和上海的友好关系是怎么结束的', 'agreement Prague / Shanghai'],
  ['what-happened', '谁和上海解除了友好关系', 'partners Shanghai'],
  ['what-happened', '伊斯坦布尔和鹿特丹之间出啥事了', 'agreement Istanbul / Rotterdam'],
  ['city', '旧金山', 'city san-francisco-us'],
  ['city', '克拉根福在哪儿？', 'city Klagenfurt'],
  ['city', '热舒夫人口多少', 'city Rzeszów'],
  ['city', '博伦厄位于哪个国家', 'city Borlänge'],
  ['city', '勒芒是哪个国家的城市', 'city Le Mans'],
  ['tell-me-about', '讲一下布法罗', 'city Buffalo'],
  ['tell-me-about', '帮我介绍一下热舒夫这个城市', 'city Rzeszów'],
  ['tell-me-about', '杭州的基本信息', 'city Hangzhou'],
  ['tell-me-about', '聊聊勒芒', 'city Le Mans'],
  ['anniversaries', '接下来两个月有哪些周年纪念', 'anniversaries next 60 days'],
  ['anniversaries', '2027年有哪些友好城市周年', 'anniversaries 2027'],
  ['anniversaries', '明年满二十周年的友好城市', 'anniversaries next year turning 20'],
  ['anniversaries', '下个月的纪念日', 'anniversaries next month'],
  ['anniversaries', '今年的周年纪念有哪些', 'anniversaries this year'],
  ['partners', '跟上海结好的城市', 'partners Shanghai'],
  ['partners', '布拉格都有哪些姐妹城', 'partners Prague'],
  ['partners', '北京友城', 'partners Beijing'],
  ['partners', '请问武汉有哪些国际友好城市？', 'partners Wuhan'],
  ['partners', '杭州友好城市名单🙏', 'partners Hangzhou'],
  ['partners', '大阪有多少个姐妹城市', 'partners Osaka'],
  ['partners', '谁是布拉格的友好城市', 'partners Prague'],
  ['two-cities-no-answer', '上海、布拉格', 'agreement Shanghai / Prague'],
  ['two-cities-no-answer', '杭州和尼斯的情况', 'agreement Hangzhou / Nice'],
  ['two-cities-no-answer', '北京柏林', 'agreement Beijing / Berlin'],
  ['two-cities-no-answer', '大阪与旧金山的关系', 'agreement Osaka / san-francisco-us'],
  ['question-word-or-country', '何时上海和布拉格结为友好城市', 'agreement Shanghai / Prague'],
  ['question-word-or-country', '美国布法罗的友好城市有哪些', 'partners Buffalo'],
  ['question-word-or-country', '法国尼斯和中国杭州什么时候结好', 'agreement Nice / Hangzhou'],
  [
    'question-word-or-country',
    '捷克布拉格和台湾台北是友好城市吗',
    'agreement Prague / Taipei',
    { asks: 'in-force' },
  ],
  ['help', '使用说明', 'help'],
  ['search', '搜索 berg', 'search berg'],
  // A third round: polite wrappers, two cities to hear about, a city named again, periods, and
  // words the segmenter cuts across.
  ['tell-me-about', '说说上海和布拉格', 'agreement Shanghai / Prague'],
  ['tell-me-about', '讲讲北京和柏林吧', 'agreement Beijing / Berlin'],
  ['tell-me-about', '给我介绍一下杭州和尼斯', 'agreement Hangzhou / Nice'],
  ['tell-me-about', '聊聊大阪跟旧金山', 'agreement Osaka / san-francisco-us'],
  ['partners', '能不能帮我查一下北京的友城', 'partners Beijing'],
  ['partners', '请问大阪有几个姐妹城市呀', 'partners Osaka'],
  ['partners', '麻烦问一下，南京有哪些友好城市啦', 'partners Nanjing'],
  ['partners', '布拉格友城一览表', 'partners Prague'],
  ['partners', '可不可以告诉我武汉的友城一览', 'partners Wuhan'],
  ['yes-no', '上海和布拉格，是上海先退出的吗', 'agreement Shanghai / Prague', { asks: 'ended-by-first' }],
  ['yes-no', '上海和布拉格，是布拉格先终止的吗', 'agreement Prague / Shanghai', { asks: 'ended-by-first' }],
  ['age-duration', '上海和布拉格结为友好城市多少周年了', 'agreement Shanghai / Prague', { focus: 'since' }],
  ['age-duration', '北京和柏林结好几周年了', 'agreement Beijing / Berlin', { focus: 'since' }],
  ['anniversaries', '下一年有哪些周年纪念', 'anniversaries next year'],
  ['anniversaries', '后年有哪些周年纪念', 'anniversaries 2028'],
  ['anniversaries', '下一个月的纪念日', 'anniversaries next month'],
  // A fourth round: colloquial verbs, weeks and years ahead, a city's one-character name (简称).
  ['partners', '布拉格跟哪些城市好上了', 'partners Prague'],
  ['city', '北上市在哪个省份', 'city Kitakami'],
  ['search', '帮我搜一下带berg的城市', 'search berg'],
  ['anniversaries', '未来一周的纪念日', 'anniversaries next 7 days'],
  ['anniversaries', '接下来两个星期有什么周年', 'anniversaries next 14 days'],
  ['anniversaries', '今后一年的周年纪念', 'anniversaries next 365 days'],
  ['anniversaries', '2028年有什么友城周年纪念活动', 'anniversaries 2028'],
  ['partners', '沪的友好城市', 'partners Shanghai'],
  ['agreement', '京和柏林什么时候结好的', 'agreement Beijing / Berlin'],
  ['yes-no', '沪和布拉格还是友好城市吗', 'agreement Shanghai / Prague', { asks: 'in-force' }],
  ['anniversaries', '今天有周年纪念吗', 'anniversaries today'],
  ['anniversaries', '今年上半年有哪些周年纪念', 'anniversaries 2026 h1'],
  ['anniversaries', '下半年有什么周年', 'anniversaries this year h2'],
  ['anniversaries', '2027年下半年有哪些周年', 'anniversaries 2027 h2'],
  ['anniversaries', '明年上半年的纪念日', 'anniversaries next year h1'],
  ['yes-no', '上海和布拉格今天还是友好城市吗', 'agreement Shanghai / Prague', { asks: 'in-force' }],
  ['yes-no', '上海跟布拉格是老铁吗', 'agreement Shanghai / Prague', { asks: 'in-force' }],
  ['yes-no', '北京和柏林是哥俩好吗', 'agreement Beijing / Berlin', { asks: 'in-force' }],
  ['yes-no', '上海和布拉格是不是凉了', 'agreement Shanghai / Prague', { asks: 'ended' }],
  ['partners', '布拉格的好基友都有谁', 'partners Prague'],
  ['partners', '布拉格拜过把子的城市', 'partners Prague'],
  ['tell-me-about', '给我科普一下布拉格', 'city Prague'],
  ['tell-me-about', '布拉格有啥好玩的', 'city Prague'],
  ['city', '布拉格百科', 'city Prague'],
  ['city', '上海是哪国的', 'city Shanghai'],
  ['city', '布拉格是首都吗', 'city Prague'],
  ['partners', '上海一共有多少友城', 'partners Shanghai'],
  ['search', '名字里有burg的城市有哪些', 'search burg'],
];

/** The feature a label in the corpus's form needs, which the corpus's schema asks to be named. */
function needsOf(cls: Class, asked: Asked): string | undefined {
  if (asked.focus === 'since') return 'since';
  if (cls === 'nth-anniversary') return 'pair-anniversary';
  if (cls === 'partners-in-country') return 'partners-in-country';
  return undefined;
}

describe('Chinese questions written for these tests', () => {
  let dispatcher: Dispatcher;
  let catalog: Catalog;
  beforeAll(async () => {
    const store = await shippedStore();
    dispatcher = corpusDispatcher(store);
    catalog = store.catalog;
  });

  /** What the reader ran for each question of a class that is not its label's command, or that it was unsure of. */
  const misread = (cls: Class): string[] =>
    QUESTIONS.filter(([c]) => c === cls).flatMap(([, text, command, asked = {}], i) => {
      const needs = needsOf(cls, asked);
      const label = LabelSchema.parse({
        id: `zh-${900 + i}`,
        lang: 'zh',
        class: cls,
        text,
        command,
        ...asked,
        ...(needs && { needs }),
      });
      const wanted = labelMeaning(label, catalog);
      if (!wanted.ok) return [`${text}: ${wanted.problem}`];
      const reading = dispatcher.read(text);
      // With nothing understood and nothing to offer, the dispatcher answers with the help listing.
      if (reading.kind === 'unsure' && reading.closest.length === 0 && command === 'help') return [];
      if (reading.kind !== 'run') return [`${text}: unsure`];
      const got = invocationMeaning(reading.invocation, catalog);
      return sameMeaning(wanted.meaning, got) ? [] : [`${text}: ${meaningText(got)}`];
    });

  it('GIVEN what the bot is for, its instructions or functions asked THEN the help is answered', () => {
    for (const text of ['你是干嘛的', '能给我看看指令吗', '功能列表'])
      expect(dispatcher.read(text), text).toMatchObject({ kind: 'run', invocation: { command: 'help' } });
  });

  for (const cls of new Set(QUESTIONS.map(([c]) => c)))
    it(`GIVEN ${cls} questions in Chinese THEN each runs the command it means`, () => {
      expect(misread(cls)).toEqual([]);
    });
});
