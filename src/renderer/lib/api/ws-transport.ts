import { isEventName } from './events';
import type { ApiResult } from '../../../shared/api/result';
import {
  CLOSE_BAD_TOKEN,
  SHELL_PROTOCOL,
  SHELL_SOCKET_PATH,
  ServerMessage,
  type ClientMessage,
} from '../../../shared/api/shell-protocol';
import type { EventName } from '../../../shared/api/contract';
import type { Transport, TransportState } from './transport';

interface Pending {
  resolve: (result: ApiResult<unknown>) => void;
  method: string;
}

const lostConnection = (method: string): ApiResult<never> => ({
  ok: false,
  error: {
    code: 'SHELL_UNREACHABLE',
    message: {
      'pt-BR': `Sem conexão com o núcleo local (${method}). Nada do que você digitou foi perdido; tente de novo em instantes.`,
      en: `No connection to the local core (${method}). Nothing you typed was lost; try again in a moment.`,
    },
  },
});

/**
 * The browser shell's transport: one WebSocket to the core on 127.0.0.1, authenticated with the per-run token.
 * Calls made while (re)connecting wait for the socket; a dropped socket reconnects with backoff, and calls in
 * flight are answered with an error value (the core may or may not have run them: the UI refreshes).
 */
export const webSocketTransport = (options: { url: string; token: string; maxWaitMs?: number }): Transport => {
  let socket: WebSocket | null = null;
  let ready = false;
  let nextId = 1;
  let retryMs = 250;
  let closedForGood = false;
  const pending = new Map<number, Pending>();
  const queued: ClientMessage[] = [];
  const eventListeners = new Set<(event: EventName, payload: unknown) => void>();
  const stateListeners = new Set<(state: TransportState) => void>();
  let state: TransportState = { status: 'connecting' };

  const setState = (next: TransportState): void => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const connect = (): void => {
    const ws = new WebSocket(options.url);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ t: 'auth', token: options.token, protocol: SHELL_PROTOCOL } satisfies ClientMessage));
    ws.onmessage = (message) => {
      let data: ServerMessage;
      try {
        const parsed = ServerMessage.safeParse(JSON.parse(String(message.data)));
        if (!parsed.success) return;
        data = parsed.data;
      } catch {
        return;
      }
      if (data.t === 'ready') {
        ready = true;
        retryMs = 250;
        setState({ status: 'ready' });
        for (const call of queued.splice(0)) ws.send(JSON.stringify(call));
      } else if (data.t === 'result') {
        const call = pending.get(data.id);
        pending.delete(data.id);
        call?.resolve(data.result as ApiResult<unknown>);
      } else if (isEventName(data.event)) {
        for (const listener of eventListeners) listener(data.event, data.payload);
      }
    };
    ws.onclose = (event) => {
      ready = false;
      socket = null;
      for (const [id, call] of pending) {
        pending.delete(id);
        call.resolve(lostConnection(call.method));
      }
      if (event.code === CLOSE_BAD_TOKEN) {
        closedForGood = true;
        setState({ status: 'closed', reason: 'bad_token' });
        return;
      }
      setState({ status: 'closed', reason: 'lost' });
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5_000);
    };
  };
  connect();

  return {
    invoke: (method, args) =>
      new Promise((resolve) => {
        if (closedForGood) return resolve(lostConnection(method));
        const id = nextId++;
        const message: ClientMessage = { t: 'call', id, method, args: args ?? {} };
        pending.set(id, { resolve, method });
        if (ready && socket !== null) socket.send(JSON.stringify(message));
        else queued.push(message);
      }),
    subscribe: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection: (listener) => {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
  };
};

/** ws://127.0.0.1:PORT/api for the page this renderer was served from. */
export const shellSocketUrl = (location: { host: string }): string => `ws://${location.host}${SHELL_SOCKET_PATH}`;
