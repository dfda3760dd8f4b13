import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child {
  process: ChildProcess;
  /** Lines written to stdout so far. */
  lines: string[];
  exited: Promise<number | null>;
  /** Resolves with the first stdout line that matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs a TypeScript entry (tsx) in a child process with the given environment. */
export const runTs = (relativeToThisFolder: string, env: Record<string, string>): Child => {
  const script = fileURLToPath(new URL(relativeToThisFolder, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let index = buffer.indexOf('\n');
    while (index !== -1) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 1);
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
      index = buffer.indexOf('\n');
    }
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    lines,
    exited,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const found = lines.find((l) => pattern.test(l));
        if (found !== undefined) return resolve(found);
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`process exited (${code}) before ${pattern}; stderr: ${stderr}`));
        });
        waiters.push({ pattern, resolve: (line) => { clearTimeout(timer); resolve(line); } });
      }),
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
};
