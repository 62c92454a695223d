/** What the user asked, as the dispatcher's text grammar, and whether they asked to share the answer. */
interface Question {
  text: string;
  share: boolean;
}

const SHARE_FLAG = '--share';

/**
 * Reads text as Slack sends it: `&`, `<` and `>` arrive as entities, a mention of the bot arrives as
 * `<@U123>` (or `<@U123|name>`), and `--share` anywhere asks for a public answer.
 */
export function readQuestion(raw: string, botUserId?: string): Question {
  const words = decodeEntities(withoutMention(raw, botUserId))
    .split(/\s+/)
    .filter((word) => word !== '');
  const share = words.some((word) => word.toLowerCase() === SHARE_FLAG);
  return { text: words.filter((word) => word.toLowerCase() !== SHARE_FLAG).join(' '), share };
}

/**
 * "hi @twinbot partners Kitakami": the question is what follows the mention, the rest is a greeting;
 * "partners Kitakami @twinbot": nothing follows, so it is what precedes.
 */
function withoutMention(raw: string, botUserId: string | undefined): string {
  if (botUserId === undefined) return raw;
  const mention = new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g');
  const first = mention.exec(raw);
  if (!first) return raw;
  const after = raw.slice(first.index + first[0].length);
  return (after.trim() === '' ? raw.slice(0, first.index) : after).replace(mention, ' ');
}

/** `&amp;` last, so that a typed `&lt;` (sent as `&amp;lt;`) stays `&lt;`. */
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
