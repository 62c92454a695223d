/**
 * What start-up should tell the operator about Discord variables that no longer do anything.
 * DISCORD_MESSAGE_CONTENT once switched on the privileged Message Content intent; Discord sends the
 * text of mentions and direct messages without it, so the bot never asks for it and the variable
 * is ignored rather than refused, so an old .env still starts.
 */
export function retiredDiscordVariables(env: NodeJS.ProcessEnv): string[] {
  if (env.DISCORD_MESSAGE_CONTENT === undefined) return [];
  return [
    'discord: DISCORD_MESSAGE_CONTENT is no longer needed and is ignored: mentions and direct messages are always answered, without the Message Content intent. Remove it from the environment.',
  ];
}
