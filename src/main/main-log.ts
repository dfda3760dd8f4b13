import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../shared/time';

/**
 * main's log: the console in development, plus userData/logs/main.log so a crash on an analyst's machine
 * (where nobody watches a console) leaves a trace. Synchronous on purpose: the line must be on disk before an
 * uncaught exception ends the process.
 */
export const createMainLog = (dir: string | null, clock: Clock) => {
  let file: string | null = null;
  if (dir !== null) {
    try {
      mkdirSync(dir, { recursive: true });
      file = join(dir, 'main.log');
    } catch {
      file = null;
    }
  }
  return (message: string): void => {
    const line = `${new Date(clock.now()).toISOString()} ${message}`;
    console.log(`[main] ${message}`);
    if (file === null) return;
    try {
      appendFileSync(file, `${line}\n`);
    } catch {
      // A full disk must not turn a log line into a crash.
    }
  };
};
