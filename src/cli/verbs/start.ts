import { commands } from '../../../commands/index.ts';
import { calendarFeed, readCalendarToken } from '../../adapters/calendar-feed.ts';
import { logStrayErrors } from '../../adapters/last-resort.ts';
import { runShell } from '../../adapters/shell.ts';
import { deliveriesOf, hasPlatform, startPlatforms } from '../../adapters/start.ts';
import { type PlatformConfig, readPlatformConfig } from '../../config.ts';
import { Dispatcher } from '../../core/dispatcher.ts';
import { HealthChecks, healthRoute, reminderTicks, storeReadable } from '../../ops/health.ts';
import { type OpsServer, readOpsSettings, startOpsServer } from '../../ops/ops-server.ts';
import { consoleDelivery } from '../../reminders/console-delivery.ts';
import { type LedgerFile, openLedger } from '../../reminders/ledger.ts';
import { type RunningReminders, startReminders } from '../../reminders/runtime.ts';
import { backupText } from '../../store/backup.ts';
import { describeHolder } from '../../store/lock-holder.ts';
import { readSnapshotDays, startSnapshots } from '../../store/snapshots.ts';
import type { Store } from '../../store/store.ts';
import { logLine } from '../log-line.ts';
import { type CliArgs, EXIT } from '../options.ts';
import { STOP_WORK_MS, type StopSignal, settlesWithin, stopSignal } from '../stopping.ts';
import { withStore } from '../store-access.ts';

/** `twinbot start`: the configured platforms, or the local shell when none is configured. */
export async function start({ values }: CliArgs): Promise<number> {
  const platforms = readPlatformConfig(process.env);
  const snapshotDays = readSnapshotDays(process.env);
  const calendarToken = readCalendarToken(process.env);
  const opsSettings = readOpsSettings(process.env);
  const stopping = stopSignal(logLine);
  const stopped = await withStore(values.data, { write: true }, async (store): Promise<Stopped> => {
    if (store.tookOverFrom) {
      logLine(
        `store: taken over from ${describeHolder(store.tookOverFrom)}, which ended without letting go of it`,
      );
    }
    const ledger = await openLedger(store.path, { lock: true });
    const dispatcher = new Dispatcher({ store, commands, ledger });
    // From memory, which is what the files hold: this process is their one writer.
    const snapshots = await startSnapshots(
      {
        storePath: store.path,
        days: snapshotDays,
        backup: () => backupText(store.catalog.data, ledger.data, new Date()),
      },
      logLine,
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
            healthRoute(health, logLine),
            ...(calendarToken === undefined
              ? []
              : [calendarFeed(calendarToken, () => dispatcher.calendar(), logLine)]),
          ],
          logLine,
        );
        logLine(
          `health: port ${ops.port} (GET /livez, /readyz, /healthz${calendarToken === undefined ? '' : ', /calendar/<CALENDAR_TOKEN>.ics'})`,
        );
      }
      if (hasPlatform(platforms)) {
        stopped = await runPlatforms(platforms, dispatcher, store, ledger, calendarToken, health, stopping);
      } else {
        const reminders = await startReminders(
          store,
          ledger,
          { console: consoleDelivery(process.stdout) },
          logLine,
        );
        watchReminders(health, reminders);
        await runShell(dispatcher, {
          input: process.stdin,
          output: process.stdout,
          interactive: process.stdin.isTTY === true,
          signal: stopping.signal,
        });
        await reminders.stop();
      }
    } finally {
      await ops?.stop();
      snapshots.stop();
      await ledger.close();
    }
    return stopped;
  }).finally(() => stopping.dispose());
  if (stopped === 'abandoned') {
    // What was abandoned still runs and would write after the store was freed: end it now.
    logLine(
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
  dispatcher: Dispatcher,
  store: Store,
  ledger: LedgerFile,
  calendarToken: string | undefined,
  health: HealthChecks,
  stopping: StopSignal,
): Promise<Stopped> {
  const log = logLine;
  // No single request, event or interaction may take the bot down, whatever a library throws; nor
  // may a library's late failure while it stops (the handlers stay until the process ends).
  logStrayErrors(log, platforms);
  const running = await startPlatforms(platforms, {
    dispatcher,
    log,
    ...(calendarToken !== undefined && { calendarToken }),
  });
  for (const adapter of running) health.set(adapter.name, () => adapter.health());
  log(`running: ${running.map((adapter) => adapter.name).join(', ')}`);
  const reminders = await startReminders(store, ledger, deliveriesOf(running), log);
  watchReminders(health, reminders);
  await stopping.requested;
  log('stopping');
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
            log(`stopping: ${adapter.name} failed to stop: ${(error as Error).message}`),
          );
        underWay.delete(adapter.name);
      }),
    );
  })();
  if (await settlesWithin(stoppingAll, STOP_WORK_MS)) return 'finished';
  log(
    `stopping: ${[...underWay].join(', ')} still under way after ${STOP_WORK_MS / 1000} s; settling the ledger and freeing the store without it`,
  );
  return 'abandoned';
}

function watchReminders(health: HealthChecks, reminders: RunningReminders): void {
  health.set(
    'reminders',
    reminderTicks(() => reminders.lastTickAt()),
  );
}
