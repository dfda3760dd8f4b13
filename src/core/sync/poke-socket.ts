import WebSocket from 'ws';
import { ServerSocketMessage, type ClientSocketMessage, type PulledChange, type RelayedPresenceMessage } from '../../shared/sync/protocol';
import { backoffDelay } from './clock-offset';

/** The changes a poke carries: every row whose current version is in (from, head]. */
export interface CarriedChanges {
  from: number;
  changes: PulledChange[];
}

export interface PokeSocketOptions {
  url: () => string | null;
  /** The server committed something up to `head`. */
  /** A newer head; `carried`: the changes above `carried.from` up to it, when the poke brings them. */
  onPoke: (head: number, carried?: CarriedChanges) => void;
  /** (Re)connected: pull, since pokes may have been missed while the socket was down. */
  onOpen: () => void;
  onPong: (sentAt: number, serverTime: number, receivedAt: number) => void;
  /** Another analyst's presence beat, relayed by the server. */
  onPresence?: (beat: RelayedPresenceMessage) => void;
  /**
   * The socket closed, with its code and reason (e.g. ACCESS_ENDED_CLOSE_CODE: the session was ended); `wasOpen`
   * tells a connection that was up (the server went away or ended it) from a reconnect attempt that failed.
   */
  onClosed?: (code: number, reason: string, wasOpen: boolean) => void;
  now: () => number;
  random: () => number;
  pingEveryMs?: number;
}

/**
 * The live poke channel (SPEC §6). It is only a hint: the pull is the truth, so a dropped socket costs latency,
 * never data. Pings keep it honest (a half-open connection is dropped) and feed the clock-offset estimate.
 */
export class PokeSocket {
  private socket: WebSocket | null = null;
  private retry: NodeJS.Timeout | null = null;
  private pinger: NodeJS.Timeout | null = null;
  private attempts = 0;
  private stopped = true;
  private pings = new Map<number, number>();
  private nextPing = 1;

  constructor(private readonly options: PokeSocketOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  private connect(): void {
    if (this.stopped || this.socket !== null) return;
    const url = this.options.url();
    if (url === null) {
      this.scheduleReconnect();
      return;
    }
    const socket = new WebSocket(url, { handshakeTimeout: 10_000 });
    this.socket = socket;
    let opened = false;
    socket.on('open', () => {
      opened = true;
      this.attempts = 0;
      this.pinger = setInterval(() => this.ping(), this.options.pingEveryMs ?? 15_000);
      this.ping();
      this.options.onOpen();
    });
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('error', () => undefined);
    socket.on('close', (code, reason) => {
      if (this.pinger !== null) clearInterval(this.pinger);
      this.pinger = null;
      if (this.socket === socket) this.socket = null;
      this.pings.clear();
      if (!this.stopped) this.options.onClosed?.(code, reason.toString('utf8'), opened);
      this.scheduleReconnect();
    });
  }

  private receive(text: string): void {
    let parsed: ReturnType<typeof ServerSocketMessage.safeParse>;
    try {
      parsed = ServerSocketMessage.safeParse(JSON.parse(text));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'hello') this.options.onPoke(message.head);
    if (message.type === 'poke') {
      this.options.onPoke(message.head, message.from === undefined || message.changes === undefined ? undefined : { from: message.from, changes: message.changes });
    }
    if (message.type === 'presence') this.options.onPresence?.(message);
    if (message.type === 'pong') {
      const sentAt = this.pings.get(message.id);
      this.pings.delete(message.id);
      if (sentAt !== undefined) this.options.onPong(sentAt, message.serverTime, this.options.now());
    }
  }

  private ping(): void {
    const socket = this.socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN) return;
    // A ping still unanswered one interval later means the connection is dead without having said so.
    if (this.pings.size > 1) {
      socket.terminate();
      return;
    }
    const id = this.nextPing++;
    this.pings.set(id, this.options.now());
    socket.send(JSON.stringify({ type: 'ping', id }));
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry !== null) return;
    const delay = backoffDelay(this.attempts++, this.options.random, 500, 15_000);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect();
    }, delay);
  }

  /** Sends a message if the socket is open; false otherwise (the caller decides whether it matters). */
  send(message: ClientSocketMessage): boolean {
    const socket = this.socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  /** Drops the connection now (new credentials, tests of a dropped socket); it reconnects by itself. */
  drop(): void {
    this.socket?.terminate();
  }

  stop(): void {
    this.stopped = true;
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
    if (this.pinger !== null) clearInterval(this.pinger);
    this.pinger = null;
    this.socket?.terminate();
    this.socket = null;
  }
}
