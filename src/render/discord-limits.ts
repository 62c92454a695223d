/**
 * Discord's documented limits for what a bot sends. Discord answers `400 {code: 50035}` past any of
 * them, and discord.js does not check them, so our renderer and command generator must.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  fieldsPerEmbed: 25,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values, footer and author name of every embed, together. */
  embedCharsPerMessage: 6000,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  optionsPerCommand: 25,
  /** Names, descriptions and choice values of a command and all its options, each in its longest localization. */
  commandTotalChars: 4000,
  choicesPerOption: 25,
} as const;
