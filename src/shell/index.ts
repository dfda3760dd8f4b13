import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD } from '../shared/demo/people';
import { startBackend } from './backend';
import { ShellOptions, type ShellOptionsInput } from './options';
import { attachSocketBridge } from './socket-bridge';
import { staticHandler } from './static-files';

export interface RunningShell {
  /** Open this in a browser: the token travels in the fragment, which never reaches a server log. */
  url: string;
  port: number;
  describe: string;
  stop(): Promise<void>;
}

/**
 * The browser shell's composition root: the desktop core in this Node process, the built renderer over HTTP
 * and the API contract over a WebSocket, both on 127.0.0.1 only, protected by a token made for this run.
 */
export const startShell = async (input: ShellOptionsInput): Promise<RunningShell> => {
  const options = ShellOptions.parse(input);
  const backend = await startBackend(options);
  if (options.demoLogin !== null) {
    const login = await backend.core.api.invoke('session.login', { login: options.demoLogin, password: DEMO_PASSWORD });
    if (!login.ok) {
      await backend.stop();
      throw new Error(`demo login "${options.demoLogin}" failed: ${login.error.message.en}`);
    }
  }
  const token = randomBytes(24).toString('base64url');
  let port = options.port;
  const host = (): string => `127.0.0.1:${port}`;
  const http = createServer((req, res) => void staticHandler(options.rendererDir, host)(req, res));
  const bridge = attachSocketBridge(http, { token, api: backend.core.api, events: backend.core.events, origin: () => `http://${host()}` });
  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      http.once('error', rejectListen);
      http.listen(options.port, '127.0.0.1', () => resolveListen());
    });
  } catch (error) {
    await backend.stop();
    throw error;
  }
  port = (http.address() as AddressInfo).port;
  let stopped = false;
  return {
    url: `http://${host()}/#token=${token}`,
    port,
    describe: backend.describe,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      bridge.close();
      await new Promise<void>((done) => {
        http.close(() => done());
        http.closeAllConnections();
      });
      await backend.stop();
    },
  };
};
