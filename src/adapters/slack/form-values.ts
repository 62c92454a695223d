import * as z from 'zod';
import type { Command } from '../../core/command.ts';
import { cleanText } from '../../domain/clean-text.ts';
import { INPUT_ACTION_ID, inputBlockId } from '../../render/slack-form.ts';

/** Where a form was asked for, kept in the modal: its answer goes back there, privately. */
export interface FormOrigin {
  command: string;
  /** The slash command's response_url: it posts into the channel where the form was asked for. */
  responseUrl: string;
  channelId: string;
}

const OriginSchema = z.object({
  command: z.string().min(1),
  responseUrl: z.url({ protocol: /^https?$/ }),
  channelId: z.string().min(1),
});

export function encodeOrigin(origin: FormOrigin): string {
  return JSON.stringify(origin);
}

export function decodeOrigin(text: string): FormOrigin | undefined {
  try {
    const parsed = OriginSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** One input's state as Slack sends it: null or absent where the user left it empty. */
const InputStateSchema = z.object({
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});

const StateValuesSchema = z.record(z.string(), z.record(z.string(), InputStateSchema));

export interface FormEntries {
  /** The arguments as text, as if typed after the command. */
  args: Record<string, string>;
  /** The block showing each argument's value, where a message about it belongs. */
  blocks: Record<string, string>;
}

/**
 * The submitted form's `state.values` as the command's arguments, cleaned as typed text is (a box
 * holding only hidden characters counts as empty); undefined if Slack sent something else.
 */
export function readEntries(command: Command, values: unknown): FormEntries | undefined {
  const parsed = StateValuesSchema.safeParse(values);
  if (!parsed.success) return undefined;
  const state = (blockId: string) => parsed.data[blockId]?.[INPUT_ACTION_ID];
  const args: Record<string, string> = {};
  const blocks: Record<string, string> = {};
  for (const spec of command.args) {
    const typedBox = spec.kind === 'date' ? state(inputBlockId(spec.name, 'typed'))?.value : undefined;
    const typed = typedBox ? cleanText(typedBox) : undefined;
    if (typed) {
      // Typed wins: it is the only way to give a year or a month alone.
      args[spec.name] = typed;
      blocks[spec.name] = inputBlockId(spec.name, 'typed');
      continue;
    }
    const main = state(inputBlockId(spec.name));
    const entered = main?.selected_option?.value ?? main?.selected_date ?? main?.value;
    const value = entered ? cleanText(entered) : undefined;
    if (value) args[spec.name] = value;
    blocks[spec.name] = inputBlockId(spec.name);
  }
  return { args, blocks };
}
