import { describe, expect, it } from 'vitest';
import { add } from '../../commands/add.ts';
import { alias } from '../../commands/alias.ts';
import { anniversaries } from '../../commands/anniversaries.ts';
import { commands } from '../../commands/index.ts';
import { record } from '../../commands/record.ts';
import { inputBlockId, renderForm } from '../../src/render/slack-form.ts';
import { slackViewError } from '../fakes/slack-limits.ts';

const OPTIONS = { callbackId: 'twin_form', privateMetadata: '{}', commandPrefix: '/twin ' };

type AnyInput = {
  type: string;
  block_id?: string;
  optional?: boolean;
  hint?: { text: string };
  element: { type: string; options?: unknown[] } & Record<string, unknown>;
};

function input(view: ReturnType<typeof renderForm>, blockId: string): AnyInput {
  const found = (view.blocks as AnyInput[]).find((b) => b.block_id === blockId);
  if (!found) throw new Error(`no block ${blockId}`);
  return found;
}

describe('Slack forms from argument declarations', () => {
  it('GIVEN every shared command THEN its form is one Slack would open', () => {
    for (const command of commands)
      expect(slackViewError(renderForm(command, OPTIONS)), command.name).toBeUndefined();
  });

  it('GIVEN add THEN cities take text with a hint for new ones, the type is a menu, the date a picker or typed text, the source an address', () => {
    const view = renderForm(add, OPTIONS);
    expect(view.title.text).toBe('/twin add');
    expect(view.submit?.text).toBe('Add');
    expect(input(view, 'arg:city').optional).toBe(false);
    expect(input(view, 'arg:with').hint?.text).toContain('"Name, CC"');
    const type = input(view, 'arg:type');
    expect(type.optional).toBe(true);
    expect(type.element.type).toBe('static_select');
    expect(type.element.options).toContainEqual({
      text: { type: 'plain_text', text: 'friendship city' },
      value: 'friendship_city',
    });
    expect(input(view, inputBlockId('signed')).element.type).toBe('datepicker');
    const typed = input(view, inputBlockId('signed', 'typed'));
    expect(typed.element).toMatchObject({
      type: 'plain_text_input',
      placeholder: { text: '1974 / 1974-10' },
    });
    expect(typed.optional).toBe(true);
    expect(input(view, 'arg:source').element.type).toBe('url_text_input');
  });

  it('GIVEN a long text such as a reason THEN it gets a multiline box; a short one such as a name one line, each with its limit', () => {
    expect(input(renderForm(record, OPTIONS), 'arg:reason').element).toMatchObject({
      multiline: true,
      max_length: 2000,
    });
    expect(input(renderForm(alias, OPTIONS), 'arg:name').element).toMatchObject({
      multiline: false,
      max_length: 200,
    });
  });

  it('GIVEN a command name too long for a modal title THEN the title is shortened to fit, and Slack would open it', () => {
    const view = renderForm(anniversaries, { ...OPTIONS, commandPrefix: '/twinning-office ' });
    expect(view.title.text).toHaveLength(24);
    expect(view.title.text.endsWith('…')).toBe(true);
    expect(slackViewError(view)).toBeUndefined();
    expect(slackViewError({ ...view, title: { type: 'plain_text', text: 'x'.repeat(25) } })).toBe(
      'invalid_arguments',
    );
  });
});
