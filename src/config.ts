import * as z from 'zod';
import { ConfigError, mistakes, ok, type Parsed, valueOrThrow } from './config-result.ts';

export { ConfigError };

/**
 * Platform settings, read only from the environment. Which adapters start follows from which tokens
 * are present. Errors name the variable and never echo its value, since most of them are secrets.
 */
const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb-')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, 'must be the signing secret from the app settings').optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must be an app-level token starting with xapp-')
    .optional(),
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DISCORD_TOKEN: z.string().min(20, 'must be the bot token from the Developer Portal').optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'must be the numeric application id')
    .optional(),
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export type SlackConfig =
  | { mode: 'http'; botToken: string; signingSecret: string; port: number; apiUrl?: string }
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string };

export interface DiscordConfig {
  token: string;
  applicationId: string;
  apiUrl?: string;
}

export interface PlatformConfig {
  slack?: SlackConfig;
  discord?: DiscordConfig;
}

/** Empty variables count as unset, as they do in most deployment tools. */
function present(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/**
 * The Slack and Discord variables: every mistake at once, one line each naming its variable (see
 * readSettings, which reports these beside the other settings' mistakes).
 */
export function parsePlatformConfig(env: NodeJS.ProcessEnv): Parsed<PlatformConfig> {
  const set = present(env);
  const result = EnvSchema.safeParse(set);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);
  problems.push(...slackProblems(set), ...discordProblems(set));
  if (!result.success || problems.length > 0) return mistakes(...problems);
  const e = result.data;
  return ok({ ...slackConfig(e), ...discordConfig(e) });
}

/** The platform settings alone, for commands that need nothing else (`register-commands`). */
export function readPlatformConfig(env: NodeJS.ProcessEnv): PlatformConfig {
  return valueOrThrow(parsePlatformConfig(env));
}

/** Variables that are set but cannot work without another one. */
function slackProblems(set: Record<string, string>): string[] {
  const has = (name: string) => Object.hasOwn(set, name);
  if (!has('SLACK_BOT_TOKEN') && !has('SLACK_SIGNING_SECRET') && !has('SLACK_APP_TOKEN')) return [];
  const problems: string[] = [];
  if (!has('SLACK_BOT_TOKEN')) {
    problems.push('SLACK_BOT_TOKEN is missing: Slack needs the bot token (xoxb-...) as well.');
  }
  if (!has('SLACK_SIGNING_SECRET') && !has('SLACK_APP_TOKEN')) {
    problems.push(
      'SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is missing: set the signing secret for HTTP mode, or an app token for Socket Mode.',
    );
  }
  return problems;
}

function discordProblems(set: Record<string, string>): string[] {
  const has = (name: string) => Object.hasOwn(set, name);
  if (has('DISCORD_TOKEN') === has('DISCORD_APPLICATION_ID')) return [];
  return has('DISCORD_TOKEN')
    ? ['DISCORD_APPLICATION_ID is missing: Discord needs the application id as well.']
    : ['DISCORD_TOKEN is missing: Discord needs the bot token as well.'];
}

/** Only called once every problem above is ruled out. */
function slackConfig(e: z.infer<typeof EnvSchema>): PlatformConfig {
  if (e.SLACK_BOT_TOKEN === undefined) return {};
  const apiUrl = e.SLACK_API_URL === undefined ? {} : { apiUrl: e.SLACK_API_URL };
  if (e.SLACK_APP_TOKEN !== undefined) {
    return { slack: { mode: 'socket', botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, ...apiUrl } };
  }
  if (e.SLACK_SIGNING_SECRET === undefined) return {};
  return {
    slack: {
      mode: 'http',
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      port: e.PORT,
      ...apiUrl,
    },
  };
}

function discordConfig(e: z.infer<typeof EnvSchema>): PlatformConfig {
  if (e.DISCORD_TOKEN === undefined || e.DISCORD_APPLICATION_ID === undefined) return {};
  const apiUrl = e.DISCORD_API_URL === undefined ? {} : { apiUrl: e.DISCORD_API_URL };
  return { discord: { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, ...apiUrl } };
}
