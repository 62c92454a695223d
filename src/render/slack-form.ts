import type { types } from '@slack/bolt';
import type { ArgSpec, Command } from '../core/command.ts';
import { capitalize } from '../core/describe.ts';
import { textLimit } from '../core/resolve-arg.ts';
import { argDescription, commandSummary } from '../i18n/command-text.ts';
import type { Lang } from '../i18n/languages.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { clip, stripControl } from './plain.ts';

/** Limits Slack enforces on a modal (it refuses to open one that breaks them). */
const VIEW_LIMITS = { title: 24, button: 24, optionText: 75 } as const;

/** Texts up to this long fit one line; longer ones (a reason) get a box that grows. */
const SINGLE_LINE_MAX = 200;

/** Every input has this action id; the block id says which argument (and which part of it) it is. */
export const INPUT_ACTION_ID = 'value';

/**
 * The block holding an argument's input. A date has two: the picker, and a text box for dates known
 * only to the year or month, which a picker cannot express.
 */
export function inputBlockId(argName: string, part: 'main' | 'typed' = 'main'): string {
  return part === 'main' ? `arg:${argName}` : `arg:${argName}:typed`;
}

export interface FormOptions {
  /** Names the form when Slack sends it back. */
  callbackId: string;
  /** Returned unchanged with the submission (Slack allows 3,000 characters). */
  privateMetadata: string;
  /** How the reader types a command here, e.g. `/twin `. */
  commandPrefix: string;
  /** The reader's language for our words on the form; English if not given. */
  lang?: Lang;
}

/**
 * A modal asking for each of the command's arguments, in declared order. Pure: the same command
 * gives the same form. Nothing is required at the form level where a date may come from either of
 * two inputs; the dispatcher checks what is missing, exactly as for typed commands.
 */
export function renderForm(command: Command, options: FormOptions): types.ModalView {
  const tr = translator(options.lang ?? 'en');
  return {
    type: 'modal',
    callback_id: options.callbackId,
    private_metadata: options.privateMetadata,
    title: plain(clip(`${options.commandPrefix}${command.name}`, VIEW_LIMITS.title)),
    submit: plain(clip(capitalize(command.name), VIEW_LIMITS.button)),
    close: plain(clip(tr.t('ui.cancel'), VIEW_LIMITS.button)),
    blocks: [
      { type: 'section', text: { type: 'plain_text', text: stripControl(commandSummary(tr, command)) } },
      ...command.args.flatMap((spec) => inputBlocks(spec, tr)),
    ],
  };
}

function inputBlocks(spec: ArgSpec, tr: Translator): types.InputBlock[] {
  const block = (element: types.InputBlock['element'], extra: Partial<types.InputBlock> = {}) => ({
    type: 'input' as const,
    block_id: inputBlockId(spec.name),
    label: plain(capitalize(argDescription(translator('en'), spec))),
    optional: !spec.required,
    element,
    ...extra,
  });
  switch (spec.kind) {
    case 'choice':
      return [
        block({
          type: 'static_select',
          action_id: INPUT_ACTION_ID,
          placeholder: plain(tr.t('ui.chooseOne')),
          options: (spec.choices ?? []).map((choice) => ({
            text: plain(clip(choice.replace(/_/g, ' '), VIEW_LIMITS.optionText)),
            value: choice,
          })),
        }),
      ];
    case 'date':
      return [
        block({ type: 'datepicker', action_id: INPUT_ACTION_ID }, { optional: true }),
        {
          type: 'input',
          block_id: inputBlockId(spec.name, 'typed'),
          label: plain(tr.t('ui.onlyYearOrMonth')),
          optional: true,
          element: {
            type: 'plain_text_input',
            action_id: INPUT_ACTION_ID,
            placeholder: plain('1974 / 1974-10'),
          },
          hint: plain(tr.t('ui.typedDateWins')),
        },
      ];
    case 'url':
      return [block({ type: 'url_text_input', action_id: INPUT_ACTION_ID })];
    case 'text': {
      const max = textLimit(spec);
      return [
        block({
          type: 'plain_text_input',
          action_id: INPUT_ACTION_ID,
          max_length: max,
          multiline: max > SINGLE_LINE_MAX,
        }),
      ];
    }
    case 'place':
      return [
        block(
          { type: 'plain_text_input', action_id: INPUT_ACTION_ID },
          { hint: plain(tr.t('ui.newPlaceHint')) },
        ),
      ];
    default:
      return [block({ type: 'plain_text_input', action_id: INPUT_ACTION_ID })];
  }
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text };
}
