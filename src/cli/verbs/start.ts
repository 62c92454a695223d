import { commands } from '../../../commands/index.ts';
import { calendarFeed } from '../../adapters/calendar-feed.ts';
import { logStrayErrors, secretsOf } from '../../adapters/last-resort.ts';
import { runShell } from '../../adapters/shell.ts';
import { deliveriesOf, hasPlatform, startPlatforms } from '../../adapters/start.ts';
import type { PlatformConfig } from '../../config.ts';
import { Dispatcher } from '../../core/dispatcher.ts';
import type { Logger } from '../../core/logger.ts';
import { HealthChecks, healthRoute, reminderTicks, storeReadable } from '../../ops/health.ts';
import { openLogger } from '../../ops/logger.ts';
import type { BotMetrics } from '../../ops/metrics.ts';
import { type OpsServer, startOpsServer } from '../../ops/ops-server.ts';
import { logRequest } from '../../ops/request-log.ts';
import { consoleDelivery } from '../../reminders/console-delivery.ts';
import { type LedgerFile, openLedger } from '../../reminders/ledger.ts';
import { type RunningReminders, startReminders } from '../../reminders/runtime.ts';
import { readSettings } from '../../settings.ts';
import { backupText } from '../../store/backup.ts';
import { describeHolder } from '../../store/lock-holder.ts';
import { startSnapshots } from '../../store/snapshots.ts';
import type { Store } from '../../store/store.ts';
import { type CliArgs, EXIT } from '../options.ts';
import { withStore } from '../store-access.ts';

/** `twinbot start`: the configured platforms, or the local shell when none is configured. */
export async function start({ values }: CliArgs): Promise<number> {
  // Every configuration mistake is reported, together, before anything starts.
  const { platforms, snapshotDays, calendarToken, ops: opsSettings, logLevel } = readSettings(process.env);
  const log = await openLogger(logLevel, [
    ...secretsOf(platforms),
    ...(calendarToken === undefined ? [] : [calendarToken]),
  ]);
  return withStore(values.data, { write: true }, async (store) => {
    if (store.tookOverFrom) {
      log.warn(
        `store: taken over from ${describeHolder(store.tookOverFrom)}, which ended without letting go of it`,
      );
    }
    const ledger = await openLedger(store.path, { lock: true });
    // prom-client is loaded only where /metrics is served.
    const metrics = opsSettings && new (await import('../../ops/metrics.ts')).BotMetrics(store.path);
    const dispatcher = new Dispatcher({
      store,
      commands,
      ledger,
      log,
      onRequest: (request) => {
        logRequest(log, request);
        metrics?.request(request);
      },
    });
    // From memory, which is what the files hold: this process is their one writer.
    const snapshots = await startSnapshots(
      {
        storePath: store.path,
        days: snapshotDays,
        backup: () => backupText(store.catalog.data, ledger.data, new Date()),
      },
      log,
    );
    // Served from the start, so a probe sees "starting" rather than a refused connection.
    const health = new HealthChecks([
      'store',
      ...(platforms.slack ? ['slack'] : []),
      ...(platforms.discord ? ['discord'] : []),
      'reminders',
    ]);
    health.set('store', storeReadable(store.path));
    let ops: OpsServer | undefined;
    try {
      if (opsSettings) {
        ops = await startOpsServer(
          opsSettings,
          [
            healthRoute(health, log),
            ...(metrics ? [metrics.route(log)] : []),
            ...(calendarToken === undefined
              ? []
              : [calendarFeed(calendarToken, () => dispatcher.calendar(), log)]),
          ],
          log,
        );
        log.info(
          `health: port ${ops.port} (GET /livez, /readyz, /healthz, /metrics${calendarToken === undefined ? '' : ', /calendar/<CALENDAR_TOKEN>.ics'})`,
        );
      }
      if (hasPlatform(platforms)) {
        await runPlatforms(platforms, { dispatcher, store, ledger, calendarToken, health, log, metrics });
      } else {
        const reminders = await startReminders(
          store,
          ledger,
          { console: consoleDelivery(process.stdout) },
          log,
          metrics?.reminderEvents,
        );
        watchReminders(health, metrics, reminders);
        const stopping = stopSignal();
        await runShell(dispatcher, {
          input: process.stdin,
          output: process.stdout,
          interactive: process.stdin.isTTY === true,
          signal: stopping.signal,
        });
        stopping.dispose();
        await reminders.stop();
      }
    } finally {
      await ops?.stop();
      snapshots.stop();
      await ledger.close();
    }
    return EXIT.ok;
  });
}

/** Runs the configured platforms until the process is asked to stop, then stops them cleanly. */
async function runPlatforms(
  platforms: PlatformConfig,
  { dispatcher, store, ledger, calendarToken, health, log, metrics }: Running,
): Promise<void> {
  // No single request, event or interaction may take the bot down, whatever a library throws.
  const stopLogging = logStrayErrors(log, platforms);
  const running = await startPlatforms(platforms, {
    dispatcher,
    log,
    ...(calendarToken !== undefined && { calendarToken }),
  });
  for (const adapter of running) health.set(adapter.name, () => adapter.health());
  log.info(`running: ${running.map((adapter) => adapter.name).join(', ')}`);
  const reminders = await startReminders(store, ledger, deliveriesOf(running), log, metrics?.reminderEvents);
  watchReminders(health, metrics, reminders);
  const stopping = stopSignal();
  await new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve()));
  stopping.dispose();
  log.info('stopping');
  await reminders.stop();
  await Promise.allSettled(running.map((adapter) => adapter.stop()));
  stopLogging();
}

/** What the platforms run with, besides their settings. */
interface Running {
  dispatcher: Dispatcher;
  store: Store;
  ledger: LedgerFile;
  calendarToken: string | undefined;
  health: HealthChecks;
  log: Logger;
  metrics: BotMetrics | undefined;
}

function watchReminders(
  health: HealthChecks,
  metrics: BotMetrics | undefined,
  reminders: RunningReminders,
): void {
  health.set(
    'reminders',
    reminderTicks(() => reminders.lastTickAt()),
  );
  metrics?.watchReminders(() => reminders.lastTickAt());
}

/**
 * Aborted by the first SIGINT or SIGTERM (Ctrl-C, docker stop, systemctl stop): the bot then stops
 * taking work, finishes what is under way, settles the ledger and frees the store, and exits 0.
 */
function stopSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
