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
import { backupPieces } from '../../store/backup.ts';
import { describeHolder } from '../../store/lock-holder.ts';
import { startSnapshots } from '../../store/snapshots.ts';
import type { Store } from '../../store/store.ts';
import { cliLang } from '../lang.ts';
import { type CliArgs, EXIT } from '../options.ts';
import { STOP_WORK_MS, type StopSignal, settlesWithin, stopSignal } from '../stopping.ts';
import { withStore } from '../store-access.ts';

/** `twinbot start`: the configured platforms, or the local shell when none is configured. */
export async function start({ values }: CliArgs): Promise<number> {
  // The shell's language; a bad --lang stops here, before the store is opened.
  const lang = cliLang(values.lang, process.env);
  // Every configuration mistake is reported, together, before anything starts.
  const { platforms, snapshotDays, calendarToken, ops: opsSettings, logLevel } = readSettings(process.env);
  const log = await openLogger(logLevel, [
    ...secretsOf(platforms),
    ...(calendarToken === undefined ? [] : [calendarToken]),
  ]);
  const stopping = stopSignal(log);
  const stopped = await withStore(
    values.data,
    { write: true, warm: true },
    async (store): Promise<Stopped> => {
      if (store.recovered) log.warn(`store: ${store.recovered}`);
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
          backup: () => backupPieces(store.catalog.data, ledger.data, new Date()),
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
      let stopped: Stopped = 'finished';
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
          stopped = await runPlatforms(platforms, {
            dispatcher,
            store,
            ledger,
            calendarToken,
            health,
            log,
            metrics,
            stopping,
          });
        } else {
          const reminders = await startReminders(
            store,
            ledger,
            { console: consoleDelivery(process.stdout) },
            log,
            metrics?.reminderEvents,
          );
          watchReminders(health, metrics, reminders);
          await runShell(dispatcher, {
            input: process.stdin,
            output: process.stdout,
            interactive: process.stdin.isTTY === true,
            signal: stopping.signal,
            lang,
          });
          await reminders.stop();
        }
      } finally {
        await ops?.stop();
        snapshots.stop();
        await ledger.close();
      }
      return stopped;
    },
  ).finally(() => stopping.dispose());
  if (stopped === 'abandoned') {
    // What was abandoned still runs and would write after the store was freed: end it now.
    log.warn(
      'stopping: exiting without the work still under way; the ledger and the store are settled and freed',
    );
    process.exit(EXIT.failed);
  }
  return EXIT.ok;
}

/** Whether the stop finished everything under way, or gave up waiting for some of it (see STOP_WORK_MS). */
type Stopped = 'finished' | 'abandoned';

/** Runs the configured platforms until the process is asked to stop, then stops them cleanly. */
async function runPlatforms(
  platforms: PlatformConfig,
  { dispatcher, store, ledger, calendarToken, health, log, metrics, stopping }: Running,
): Promise<Stopped> {
  // No single request, event or interaction may take the bot down, whatever a library throws; nor
  // may a library's late failure while it stops (the handlers stay until the process ends).
  logStrayErrors(log, platforms);
  const running = await startPlatforms(platforms, {
    dispatcher,
    log,
    ...(calendarToken !== undefined && { calendarToken }),
  });
  for (const adapter of running) health.set(adapter.name, () => adapter.health());
  log.info(`running: ${running.map((adapter) => adapter.name).join(', ')}`);
  const reminders = await startReminders(store, ledger, deliveriesOf(running), log, metrics?.reminderEvents);
  watchReminders(health, metrics, reminders);
  await stopping.requested;
  log.info('stopping');
  // Reminders first: a tick under way posts through the platforms, which must still be up.
  const underWay = new Set(['reminders', ...running.map((adapter) => adapter.name)]);
  const stoppingAll = (async () => {
    await reminders.stop();
    underWay.delete('reminders');
    await Promise.all(
      running.map(async (adapter) => {
        await adapter
          .stop()
          .catch((error: unknown) =>
            log.error(`stopping: ${adapter.name} failed to stop: ${(error as Error).message}`),
          );
        underWay.delete(adapter.name);
      }),
    );
  })();
  if (await settlesWithin(stoppingAll, STOP_WORK_MS)) return 'finished';
  log.warn(
    `stopping: ${[...underWay].join(', ')} still under way after ${STOP_WORK_MS / 1000} s; settling the ledger and freeing the store without it`,
  );
  return 'abandoned';
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
  stopping: StopSignal;
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
