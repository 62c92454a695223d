import { commands } from '../../../commands/index.ts';
import { calendarFeed } from '../../adapters/calendar-feed.ts';
import { logStrayErrors } from '../../adapters/last-resort.ts';
import { runShell } from '../../adapters/shell.ts';
import { deliveriesOf, hasPlatform, startPlatforms } from '../../adapters/start.ts';
import type { PlatformConfig } from '../../config.ts';
import { Dispatcher } from '../../core/dispatcher.ts';
import { HealthChecks, healthRoute, reminderTicks, storeReadable } from '../../ops/health.ts';
import { type OpsServer, startOpsServer } from '../../ops/ops-server.ts';
import { consoleDelivery } from '../../reminders/console-delivery.ts';
import { type LedgerFile, openLedger } from '../../reminders/ledger.ts';
import { type RunningReminders, startReminders } from '../../reminders/runtime.ts';
import { readSettings } from '../../settings.ts';
import { backupText } from '../../store/backup.ts';
import { describeHolder } from '../../store/lock-holder.ts';
import { startSnapshots } from '../../store/snapshots.ts';
import type { Store } from '../../store/store.ts';
import { logLine } from '../log-line.ts';
import { type CliArgs, EXIT } from '../options.ts';
import { withStore } from '../store-access.ts';

/** `twinbot start`: the configured platforms, or the local shell when none is configured. */
export async function start({ values }: CliArgs): Promise<number> {
  // Every configuration mistake is reported, together, before anything starts.
  const { platforms, snapshotDays, calendarToken, ops: opsSettings } = readSettings(process.env);
  return withStore(values.data, { write: true }, async (store) => {
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
        await runPlatforms(platforms, dispatcher, store, ledger, calendarToken, health);
      } else {
        const reminders = await startReminders(
          store,
          ledger,
          { console: consoleDelivery(process.stdout) },
          logLine,
        );
        watchReminders(health, reminders);
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
  dispatcher: Dispatcher,
  store: Store,
  ledger: LedgerFile,
  calendarToken: string | undefined,
  health: HealthChecks,
): Promise<void> {
  const log = logLine;
  // No single request, event or interaction may take the bot down, whatever a library throws.
  const stopLogging = logStrayErrors(log, platforms);
  const running = await startPlatforms(platforms, {
    dispatcher,
    log,
    ...(calendarToken !== undefined && { calendarToken }),
  });
  for (const adapter of running) health.set(adapter.name, () => adapter.health());
  log(`running: ${running.map((adapter) => adapter.name).join(', ')}`);
  const reminders = await startReminders(store, ledger, deliveriesOf(running), log);
  watchReminders(health, reminders);
  const stopping = stopSignal();
  await new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve()));
  stopping.dispose();
  log('stopping');
  await reminders.stop();
  await Promise.allSettled(running.map((adapter) => adapter.stop()));
  stopLogging();
}

function watchReminders(health: HealthChecks, reminders: RunningReminders): void {
  health.set(
    'reminders',
    reminderTicks(() => reminders.lastTickAt()),
  );
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
