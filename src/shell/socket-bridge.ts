import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { CoreApi } from '../core/api/core-api';
import type { CoreEvents } from '../core/api/emitter';
import {
  CLOSE_BAD_MESSAGE,
  CLOSE_BAD_TOKEN,
  ClientMessage,
  SHELL_PROTOCOL,
  SHELL_SOCKET_PATH,
  type ServerMessage,
} from '../shared/api/shell-protocol';

export interface BridgeOptions {
  token: string;
  api: CoreApi;
  events: CoreEvents;
  /** The only page origin allowed to open the socket (http://127.0.0.1:PORT). */
  origin: () => string;
  /** How long a socket may stay unauthenticated. */
  authTimeoutMs?: number;
}

export interface Bridge {
  connections(): number;
  close(): void;
}

const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const reject = (socket: Duplex, status: number, text: string): void => {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/**
 * The browser shell's API: the contract over a loopback WebSocket. A cross-site page cannot use it — the
 * upgrade must come from the shell's own origin, and the first message must carry the per-run token.
 * Every message is parsed with zod; the core validates the arguments of each call against the contract.
 */
export const attachSocketBridge = (http: Server, options: BridgeOptions): Bridge => {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const authTimeoutMs = options.authTimeoutMs ?? 5_000;

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== SHELL_SOCKET_PATH) return reject(socket, 404, 'Not Found');
    if (req.headers.origin !== options.origin()) return reject(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  const serve = (ws: WebSocket): void => {
    let authed = false;
    let unsubscribe: (() => void) | null = null;
    const send = (message: ServerMessage): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const timer = setTimeout(() => {
      if (!authed) ws.close(CLOSE_BAD_TOKEN, 'authentication timeout');
    }, authTimeoutMs);

    ws.on('message', (data: RawData) => {
      let parsed: ClientMessage;
      try {
        const result = ClientMessage.safeParse(JSON.parse(data.toString()));
        if (!result.success) throw new Error('invalid message');
        parsed = result.data;
      } catch {
        ws.close(CLOSE_BAD_MESSAGE, 'invalid message');
        return;
      }
      if (!authed) {
        if (parsed.t !== 'auth' || !sameToken(parsed.token, options.token)) {
          ws.close(CLOSE_BAD_TOKEN, 'bad token');
          return;
        }
        authed = true;
        clearTimeout(timer);
        unsubscribe = options.events.onAny((event, payload) => send({ t: 'event', event, payload }));
        send({ t: 'ready', protocol: SHELL_PROTOCOL });
        return;
      }
      if (parsed.t !== 'call') return;
      const { id, method, args } = parsed;
      void options.api.invoke(method, args).then((result) => send({ t: 'result', id, result }));
    });
    ws.on('close', () => {
      clearTimeout(timer);
      unsubscribe?.();
    });
    ws.on('error', () => ws.terminate());
  };

  return {
    connections: () => wss.clients.size,
    close: () => {
      for (const client of wss.clients) client.close(1001, 'shell stopping');
      wss.close();
    },
  };
};
