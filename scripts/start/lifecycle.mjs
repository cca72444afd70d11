// Shutdown: cleanups run once, newest first (apps, then Redis, then Postgres), on Ctrl-C,
// SIGTERM, an app crashing, or an error during start-up. A second Ctrl-C kills at once.
import { log } from "./log.mjs";

export function createLifecycle() {
  /** @type {{ name: string, run: () => Promise<void> | void }[]} */
  const cleanups = [];
  /** @type {(() => void)[]} */
  const emergencies = [];
  /** @type {Promise<never> | undefined} */
  let stopping;

  const lifecycle = {
    /** Registers an async cleanup (run in reverse order of registration). */
    onShutdown(name, run) {
      cleanups.push({ name, run });
    },
    /** Registers a synchronous kill for when there is no time for cleanups. */
    onEmergency(kill) {
      emergencies.push(kill);
    },
    get stopping() {
      return stopping !== undefined;
    },
    /** Runs every cleanup once, then exits with `code`. Later calls return the same promise. */
    shutdown(code, message) {
      stopping ??= (async () => {
        if (message) (code === 0 ? log.info : log.error)(message);
        for (const { name, run } of cleanups.slice().reverse()) {
          try {
            log.detail(`Stopping ${name}`);
            await run();
          } catch (error) {
            log.warn(`Stopping ${name} failed: ${error?.message ?? error}`);
          }
        }
        process.exit(code);
      })();
      return stopping;
    },
    /** Kills what can be killed synchronously and exits. */
    emergencyExit(code) {
      for (const kill of emergencies) {
        try {
          kill();
        } catch {
          // keep going
        }
      }
      process.exit(code);
    },
    /** Ctrl-C / SIGTERM / SIGHUP → graceful shutdown; the same signal again → immediate kill. */
    handleSignals() {
      for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
        process.on(signal, () => {
          if (stopping) {
            log.warn("Forced exit: killing everything now");
            lifecycle.emergencyExit(1);
          }
          lifecycle.shutdown(
            0,
            `${signal === "SIGINT" ? "Ctrl-C" : signal}: shutting down (press Ctrl-C again to force)`,
          );
        });
      }
      process.on("exit", () => {
        if (!stopping) for (const kill of emergencies) kill();
      });
    },
  };
  return lifecycle;
}
