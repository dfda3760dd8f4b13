import type { App } from 'electron';

// Quitting flushes before the process goes: the sync client pushes what the outbox holds and the replica is
// closed (core.stop()). Electron would otherwise exit as soon as the windows are gone.

export const SHUTDOWN_TIMEOUT_MS = 10_000;

const withTimeout = async (work: Promise<void>, ms: number): Promise<'done' | 'timeout'> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

export interface ShutdownOptions {
  app: Pick<App, 'on' | 'quit'>;
  /** Stops tray, timers, sync and closes the database. */
  stop: () => Promise<void>;
  log: (message: string) => void;
  timeoutMs?: number;
  /** Process signals that should quit gracefully (SIGTERM from a session logout, Ctrl+C in a terminal). */
  signals?: Pick<NodeJS.Process, 'on'>;
}

export const installGracefulShutdown = (options: ShutdownOptions): void => {
  let phase: 'running' | 'stopping' | 'stopped' = 'running';
  options.app.on('before-quit', (event) => {
    if (phase === 'stopped') return;
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    void withTimeout(options.stop(), options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS)
      .then((outcome) => {
        if (outcome === 'timeout') options.log('shutdown: the core did not stop in time; quitting anyway (the replica is durable)');
      }, (error: unknown) => options.log(`shutdown: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        phase = 'stopped';
        options.app.quit();
      });
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) options.signals?.on(signal, () => options.app.quit());
};
