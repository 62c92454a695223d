import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { Dispatcher } from '../../core/dispatcher.ts';
import { type Lang, langOfTag } from '../../i18n/languages.ts';
import { DISCORD_LIMITS as LIMITS } from '../../render/discord-limits.ts';
import { clip } from '../../render/plain.ts';
import { findSlashCommand } from './command-json.ts';
import { focusedOption, readSubcommand } from './options.ts';

/**
 * Suggestions for the option being typed: cities from the name index (for a `place` too, where a
 * new city typed as "Name, CC" is still sent as typed, since Discord submits free text for
 * autocomplete options); other options, and keystrokes that cannot be read, get none.
 */
export async function completeOption(
  interaction: AutocompleteInteraction,
  dispatcher: Dispatcher,
): Promise<void> {
  const input = readSubcommand(interaction.options.data);
  const focused = input && focusedOption(input);
  const command = input && findSlashCommand(dispatcher.commands, interaction.commandName, input.subcommand);
  const arg = focused && command?.args.find((a) => a.name === focused.name);
  const names = arg?.kind === 'city' || arg?.kind === 'place';
  await interaction.respond(
    names && focused ? cityChoices(dispatcher, focused.text, langOfTag(interaction.locale)) : [],
  );
}

/**
 * Up to 25 cities, best match first, labelled so namesakes differ ("Concord, California, United
 * States"), with the city id as the value: the handler then gets exactly the city that was picked.
 * An id longer than a choice value may be is left out; that city can still be typed by name.
 */
export function cityChoices(
  dispatcher: Dispatcher,
  typed: string,
  lang: Lang = 'en',
): ApplicationCommandOptionChoiceData<string>[] {
  return dispatcher
    .completeCity(typed, LIMITS.autocompleteChoices, lang)
    .filter((choice) => choice.id.length <= LIMITS.choiceValue)
    .map((choice) => ({
      name: clip(choice.label, LIMITS.choiceName),
      value: choice.id,
    }));
}
