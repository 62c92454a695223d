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

/** Slack's limit on an image block's alt text. */
const IMAGE_ALT_TEXT = 2000;

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
    case 'image': {
      // Alt text of 1 to 2,000 characters, and the picture by URL or as a Slack file (by id or URL);
      // which files exist is the fake server's to check.
      const alt = block.alt_text;
      if (typeof alt !== 'string' || alt.length === 0 || alt.length > IMAGE_ALT_TEXT) return undefined;
      const file = block.slack_file as { id?: unknown; url?: unknown } | undefined;
      const byFile = file !== undefined && (typeof file.id === 'string' || typeof file.url === 'string');
      return byFile !== (typeof block.image_url === 'string') ? 0 : undefined;
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

const VIEW_TITLE = 24;
const VIEW_BUTTON = 24;
const VIEW_BLOCKS = 100;
const CALLBACK_ID = 255;
const PRIVATE_METADATA = 3000;
const BLOCK_ID = 255;
const INPUT_LABEL = 2000;
const INPUT_HINT = 2000;
const PLACEHOLDER = 150;
const INPUT_MAX_LENGTH = 3000;
const SELECT_OPTIONS = 100;
const OPTION_TEXT = 75;
const OPTION_VALUE = 150;

/** Slack's error code for a modal given to views.open, or undefined when Slack would open it. */
export function slackViewError(view: unknown): string | undefined {
  if (!view || typeof view !== 'object') return 'invalid_arguments';
  const v = view as Record<string, unknown>;
  if (v.type !== 'modal') return 'invalid_arguments';
  if (!plainText(v.title, VIEW_TITLE)) return 'invalid_arguments';
  if (v.close !== undefined && !plainText(v.close, VIEW_BUTTON)) return 'invalid_arguments';
  if (v.submit !== undefined && !plainText(v.submit, VIEW_BUTTON)) return 'invalid_arguments';
  if (typeof v.callback_id !== 'string' || v.callback_id === '' || v.callback_id.length > CALLBACK_ID)
    return 'invalid_arguments';
  if (typeof v.private_metadata === 'string' && v.private_metadata.length > PRIVATE_METADATA)
    return 'invalid_arguments';
  if (!Array.isArray(v.blocks) || v.blocks.length === 0 || v.blocks.length > VIEW_BLOCKS)
    return 'invalid_arguments';
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  let inputs = 0;
  for (const block of v.blocks as AnyBlock[]) {
    const id = block.block_id;
    if (id !== undefined) {
      if (typeof id !== 'string' || id === '' || id.length > BLOCK_ID || blockIds.has(id))
        return 'invalid_arguments';
      blockIds.add(id);
    }
    if (block.type === 'input') {
      inputs += 1;
      if (!validInput(block)) return 'invalid_arguments';
    } else if (blockText(block, actionIds) === undefined) return 'invalid_arguments';
  }
  // A modal with inputs cannot be submitted without a submit button, so Slack refuses it.
  return inputs > 0 && v.submit === undefined ? 'invalid_arguments' : undefined;
}

function validInput(block: AnyBlock): boolean {
  if (!plainText(block.label, INPUT_LABEL)) return false;
  if (block.hint !== undefined && !plainText(block.hint, INPUT_HINT)) return false;
  if (block.optional !== undefined && typeof block.optional !== 'boolean') return false;
  const element = block.element as Record<string, unknown> | undefined;
  if (!element || typeof element.action_id !== 'string' || element.action_id === '') return false;
  if (element.placeholder !== undefined && !plainText(element.placeholder, PLACEHOLDER)) return false;
  switch (element.type) {
    case 'plain_text_input': {
      const max = element.max_length;
      return max === undefined || (typeof max === 'number' && max >= 1 && max <= INPUT_MAX_LENGTH);
    }
    case 'url_text_input':
      return true;
    case 'datepicker':
      return element.initial_date === undefined || /^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date));
    case 'static_select': {
      const options = element.options as { text?: TextObject; value?: unknown }[] | undefined;
      if (!Array.isArray(options) || options.length === 0 || options.length > SELECT_OPTIONS) return false;
      const values = new Set<string>();
      for (const option of options) {
        if (!plainText(option.text, OPTION_TEXT)) return false;
        if (typeof option.value !== 'string' || option.value.length > OPTION_VALUE) return false;
        if (values.has(option.value)) return false;
        values.add(option.value);
      }
      return true;
    }
    default:
      return false;
  }
}

/** Titles, labels, hints, placeholders and options take plain text only. */
function plainText(object: unknown, max: number): boolean {
  const text = object as TextObject | undefined;
  return text?.type === 'plain_text' && sized(text, 1, max) !== undefined;
}
