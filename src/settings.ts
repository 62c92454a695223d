import { parseCalendarToken } from './adapters/calendar-feed.ts';
import { type PlatformConfig, parsePlatformConfig } from './config.ts';
import { ConfigError, type Parsed } from './config-result.ts';
import type { LogLevel } from './core/logger.ts';
import { parseLogLevel } from './ops/log-level.ts';
import { type OpsSettings, parseOpsSettings } from './ops/ops-server.ts';
import { parseSnapshotDays } from './store/snapshots.ts';

/** Everything `twinbot start` reads from the environment. */
export interface Settings {
  platforms: PlatformConfig;
  snapshotDays: number;
  calendarToken: string | undefined;
  ops: OpsSettings | undefined;
  logLevel: LogLevel;
}

/**
 * Reads every setting and reports every mistake together, one line each naming its variable, so an
 * operator fixes them all before one restart instead of one per restart. Nothing is started before
 * this returns.
 */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const platforms = parsePlatformConfig(env);
  const snapshotDays = parseSnapshotDays(env);
  const calendarToken = parseCalendarToken(env);
  const ops = parseOpsSettings(env);
  const logLevel = parseLogLevel(env);
  const problems = [platforms, snapshotDays, calendarToken, ops, logLevel].flatMap(problemsOf);
  if (platforms.ok && calendarToken.ok && ops.ok) {
    problems.push(...unservedCalendar(platforms.value, calendarToken.value, ops.value));
  }
  if (
    problems.length > 0 ||
    !platforms.ok ||
    !snapshotDays.ok ||
    !calendarToken.ok ||
    !ops.ok ||
    !logLevel.ok
  ) {
    throw ConfigError.of(problems);
  }
  return {
    platforms: platforms.value,
    snapshotDays: snapshotDays.value,
    calendarToken: calendarToken.value,
    ops: ops.value,
    logLevel: logLevel.value,
  };
}

function problemsOf(part: Parsed<unknown>): string[] {
  return part.ok ? [] : part.problems;
}

/**
 * The feed is served on HEALTH_PORT and by Slack's HTTP receiver: with neither, a token would turn
 * on a feed nobody can reach, and the operator would not know why the calendar stays empty.
 */
function unservedCalendar(
  platforms: PlatformConfig,
  calendarToken: string | undefined,
  ops: OpsSettings | undefined,
): string[] {
  if (calendarToken === undefined || ops !== undefined || platforms.slack?.mode === 'http') return [];
  return [
    'CALENDAR_TOKEN is set but nothing serves the calendar feed: set HEALTH_PORT (the feed is then at /calendar/<CALENDAR_TOKEN>.ics on it), or leave CALENDAR_TOKEN unset',
  ];
}
