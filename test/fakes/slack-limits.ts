/**
 * The message limits Slack enforces, written independently of our renderer so tests check the
 * renderer against them: Slack refuses such a message whole (it never cuts it).
 */

interface TextObject {
  type?: string;
  text?: unknown;
}

type AnyBlock = Record<string, unknown> & { type?: unknown };

const SECTION_TEXT = 3000;
const FIELD_TEXT = 2000;
const FIELDS = 10;
const HEADER_TEXT = 150;
const BLOCKS = 50;
const CONTEXT_ELEMENTS = 10;
const ACTION_ELEMENTS = 25;
const BUTTON_TEXT = 75;
const BUTTON_VALUE = 2000;
const BLOCK_TEXT_TOTAL = 12_000;
const MESSAGE_TEXT = 40_000;

/** Slack's error code for the message, or undefined when Slack would accept it. */
export function slackMessageError(message: { blocks?: unknown; text?: unknown }): string | undefined {
  const text = typeof message.text === 'string' ? message.text : '';
  if (text.length > MESSAGE_TEXT) return 'msg_too_long';
  if (message.blocks === undefined) return text === '' ? 'no_text' : undefined;
  if (!Array.isArray(message.blocks) || message.blocks.length === 0) return 'invalid_blocks';
  if (message.blocks.length > BLOCKS) return 'invalid_blocks';
  let total = 0;
  const actionIds = new Set<string>();
  for (const block of message.blocks as AnyBlock[]) {
    const size = blockText(block, actionIds);
    if (size === undefined) return 'invalid_blocks';
    total += size;
  }
  return total > BLOCK_TEXT_TOTAL ? 'msg_blocks_too_long' : undefined;
}

/** The block's text length, or undefined if Slack would call the block invalid. */
function blockText(block: AnyBlock, actionIds: Set<string>): number | undefined {
  switch (block.type) {
    case 'header': {
      const t = block.text as TextObject | undefined;
      return t?.type === 'plain_text' ? sized(t, 1, HEADER_TEXT) : undefined;
    }
    case 'section': {
      const fields = (block.fields ?? []) as TextObject[];
      if (block.text === undefined && fields.length === 0) return undefined;
      if (fields.length > FIELDS) return undefined;
      let total = 0;
      if (block.text !== undefined) {
        const size = sized(block.text as TextObject, 1, SECTION_TEXT);
        if (size === undefined) return undefined;
        total += size;
      }
      for (const field of fields) {
        const size = sized(field, 1, FIELD_TEXT);
        if (size === undefined) return undefined;
        total += size;
      }
      return total;
    }
    case 'context': {
      const elements = (block.elements ?? []) as TextObject[];
      if (elements.length === 0 || elements.length > CONTEXT_ELEMENTS) return undefined;
      let total = 0;
      for (const element of elements) {
        const size = sized(element, 1, SECTION_TEXT);
        if (size === undefined) return undefined;
        total += size;
      }
      return total;
    }
    case 'actions': {
      const elements = (block.elements ?? []) as Record<string, unknown>[];
      if (elements.length === 0 || elements.length > ACTION_ELEMENTS) return undefined;
      let total = 0;
      for (const element of elements) {
        const id = element.action_id;
        if (element.type !== 'button' || typeof id !== 'string' || id.length > 255 || actionIds.has(id)) {
          return undefined;
        }
        actionIds.add(id);
        if (typeof element.value === 'string' && element.value.length > BUTTON_VALUE) return undefined;
        const size = sized(element.text as TextObject, 1, BUTTON_TEXT);
        if (size === undefined) return undefined;
        total += size;
      }
      return total;
    }
    default:
      return undefined;
  }
}

function sized(object: TextObject | undefined, min: number, max: number): number | undefined {
  if (object === undefined || typeof object.text !== 'string') return undefined;
  if (object.type !== 'mrkdwn' && object.type !== 'plain_text') return undefined;
  const length = object.text.length;
  return length >= min && length <= max ? length : undefined;
}
