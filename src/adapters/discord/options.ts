import { ApplicationCommandOptionType as OptionType } from 'discord.js';
import * as z from 'zod';
import type { ArgSpec, Command } from '../../core/command.ts';
import { NAME_LIMIT } from '../../domain/names.ts';
import { SHARE_OPTION } from './command-json.ts';

/** The longest string option value Discord accepts (the largest `max_length` it allows). */
export const OPTION_TEXT_MAX = 6000;

/**
 * One option as discord.js hands it over (`interaction.options.data`): discord.js checks neither
 * the shape nor the type of a value, so `getString` can return a number, an array or an object.
 */
const OptionSchema = z.object({
  name: z.string(),
  type: z.number(),
  value: z.unknown(),
  focused: z.boolean().optional(),
  /** Set by discord.js when a Mentionable option names a role (resolved from the payload). */
  role: z.unknown().optional(),
});
type Option = z.infer<typeof OptionSchema>;

/** Every command of ours is a subcommand of `/twin` or `/twin-staff`: exactly one, with its options. */
const SubcommandSchema = z.tuple([
  z.object({
    type: z.literal(OptionType.Subcommand),
    name: z.string(),
    options: z.array(OptionSchema).max(25).optional(),
  }),
]);

export interface SlashInput {
  subcommand: string;
  options: readonly Option[];
}

/** The subcommand used and its options, or undefined when the options are not a single subcommand. */
export function readSubcommand(data: unknown): SlashInput | undefined {
  const parsed = SubcommandSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const [{ name, options = [] }] = parsed.data;
  return { subcommand: name, options };
}

const Snowflake = z.string().regex(/^\d{1,20}$/);
const TextOption = z.object({
  type: z.literal(OptionType.String),
  value: z.string().max(OPTION_TEXT_MAX),
});
const MentionableOption = z.object({ type: z.literal(OptionType.Mentionable), value: Snowflake });
const ShareOption = z.object({ type: z.literal(OptionType.Boolean), value: z.boolean() });

export type CommandArguments =
  | { ok: true; args: Record<string, string>; share: boolean }
  | { ok: false; message: string };

/**
 * The command's arguments as the text grammar has them (a picked member or role becomes its
 * mention), and whether to share the answer; or, for an option of the wrong type or size, a message
 * that says what to do. Options the command does not declare are left out.
 */
export function commandArguments(command: Command, options: readonly Option[]): CommandArguments {
  const args: Record<string, string> = {};
  for (const arg of command.args) {
    const option = options.find((o) => o.name === arg.name);
    if (option === undefined) continue;
    const text = argumentText(arg, option);
    if (text === undefined) return { ok: false, message: tooLong(arg, option) ?? unreadable(option) };
    args[arg.name] = text;
  }
  const share = options.find((o) => o.name === SHARE_OPTION);
  if (share === undefined) return { ok: true, args, share: false };
  const parsed = ShareOption.safeParse(share);
  return parsed.success
    ? { ok: true, args, share: parsed.data.value }
    : { ok: false, message: unreadable(share) };
}

function argumentText(arg: ArgSpec, option: Option): string | undefined {
  if (arg.kind === 'staff-id') {
    const parsed = MentionableOption.safeParse(option);
    if (!parsed.success) return undefined;
    return option.role ? `<@&${parsed.data.value}>` : `<@${parsed.data.value}>`;
  }
  const parsed = TextOption.safeParse(option);
  return parsed.success ? parsed.data.value : undefined;
}

/** A text option of the right type can fail only by its length: say so, with what to do. */
function tooLong(arg: ArgSpec, option: Option): string | undefined {
  if (arg.kind === 'staff-id' || option.type !== OptionType.String || typeof option.value !== 'string') {
    return undefined;
  }
  return `\`${option.name}\` is longer than Discord allows (${OPTION_TEXT_MAX} characters). Shorten it and try again.`;
}

function unreadable(option: Option): string {
  return `Discord sent \`${option.name}\` as a kind of value this command does not take. A server admin can run \`twinbot register-commands\` to bring the commands up to date; then try again.`;
}

const FocusedSchema = z.object({
  name: z.string(),
  type: z.literal(OptionType.String),
  value: z.string().max(NAME_LIMIT),
  focused: z.literal(true),
});

/**
 * The option being typed in an autocomplete, and its text so far; undefined when there is no
 * single focused text option, or its text is longer than any name can be (nothing would match, and
 * a fuzzy search of thousands of characters would hold up every other answer).
 */
export function focusedOption(input: SlashInput): { name: string; text: string } | undefined {
  const focused = input.options.filter((o) => o.focused === true);
  if (focused.length !== 1) return undefined;
  const parsed = FocusedSchema.safeParse(focused[0]);
  return parsed.success ? { name: parsed.data.name, text: parsed.data.value } : undefined;
}
