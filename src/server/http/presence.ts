import type { WebSocket } from 'ws';
import { RelayedPresenceMessage, type ClientSocketMessage } from '../../shared/sync/protocol';
import type { Clock } from '../../shared/time';

type Beat = Extract<ClientSocketMessage, { type: 'presence' }>;

/** A beat older than this is gone; desktops re-send every 15 s (the core's PRESENCE_TTL_MS and HEARTBEAT_MS). */
export const PRESENCE_TTL_MS = 45_000;
/** At most one beat relayed per socket per this many ms; a faster sender's latest beat goes out at the next slot. */
const MIN_GAP_MS = 100;
/** Prefix of presence payloads on the changes channel (head payloads are plain digits). */
export const PRESENCE_NOTIFY_PREFIX = 'presence:';

interface Peer {
  socket: WebSocket;
  analystId: string;
  name: string;
  lastRelayAt: number;
  waiting: Beat | null;
  timer: NodeJS.Timeout | null;
  /** The last beat relayed from this socket (null until it sends one). */
  last: RelayedPresenceMessage | null;
}

export interface PresenceHubOptions {
  node: string;
  clock: Clock;
  /** Sends a payload to the other nodes (NOTIFY on the changes channel). */
  broadcast: (payload: string) => Promise<void>;
  onError: (error: unknown) => void;
}

/**
 * Collision presence between desktops (SPEC §4): a beat from a socket goes to every other analyst's socket on
 * this node at once and to the other nodes through NOTIFY. Who sent it is the socket's session, never the
 * client's word. Nothing is stored: the node only remembers each analyst's latest live beat (for sockets that
 * connect later), for PRESENCE_TTL_MS.
 */
export class PresenceHub {
  private readonly peers = new Map<WebSocket, Peer>();
  private readonly recent = new Map<string, { beat: RelayedPresenceMessage; from: Peer | null }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: PresenceHubOptions) {
    this.sweeper = setInterval(() => this.prune(), PRESENCE_TTL_MS / 3);
    this.sweeper.unref();
  }

  /** An authenticated socket: it gets the live beats of the other analysts right away. */
  join(socket: WebSocket, analystId: string, name: string): void {
    const peer: Peer = { socket, analystId, name, lastRelayAt: -Infinity, waiting: null, timer: null, last: null };
    this.peers.set(socket, peer);
    socket.on('close', () => this.leave(peer));
    this.prune();
    for (const { beat } of this.recent.values()) {
      if (beat.analystId !== analystId && beat.ocId !== null) socket.send(JSON.stringify(beat));
    }
  }

  /** A beat from a socket; `false` when the socket has not joined (not authenticated yet). */
  fromSocket(socket: WebSocket, beat: Beat): boolean {
    const peer = this.peers.get(socket);
    if (peer === undefined) return false;
    peer.waiting = beat;
    const wait = peer.lastRelayAt + MIN_GAP_MS - performance.now();
    if (wait <= 0) this.flush(peer);
    else peer.timer ??= setTimeout(() => this.flush(peer), wait);
    return true;
  }

  /** A payload another node (or this one: skipped) broadcast. */
  fromNode(payload: string): void {
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    const envelope = message as { node?: unknown; beat?: unknown };
    if (envelope.node === this.options.node) return;
    const parsed = RelayedPresenceMessage.safeParse(envelope.beat);
    if (!parsed.success || this.expired(parsed.data)) return;
    this.remember(parsed.data, null);
    this.deliver(parsed.data);
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const peer of this.peers.values()) if (peer.timer !== null) clearTimeout(peer.timer);
    this.peers.clear();
    this.recent.clear();
  }

  private flush(peer: Peer): void {
    if (peer.timer !== null) clearTimeout(peer.timer);
    peer.timer = null;
    const beat = peer.waiting;
    peer.waiting = null;
    if (beat === null || !this.peers.has(peer.socket)) return;
    peer.lastRelayAt = performance.now();
    // The desktop's clock is corrected by its measured offset; a beat from the future would outlive its TTL.
    const relayed: RelayedPresenceMessage = { type: 'presence', analystId: peer.analystId, name: peer.name, ocId: beat.ocId, activity: beat.activity, at: Math.min(beat.at, this.options.clock.now()) };
    if (this.expired(relayed)) return;
    peer.last = relayed;
    this.relay(relayed, peer);
  }

  /**
   * A socket that closes while its analyst was on an OC says "left" for them, so the others do not wait out the
   * TTL — unless a newer beat of the same analyst came since (a reconnect, a second desktop).
   */
  private leave(peer: Peer): void {
    if (peer.timer !== null) clearTimeout(peer.timer);
    this.peers.delete(peer.socket);
    if (peer.last === null || peer.last.ocId === null || this.recent.get(peer.analystId)?.from !== peer) return;
    this.relay({ ...peer.last, ocId: null, at: Math.max(peer.last.at, this.options.clock.now()) }, null);
  }

  private relay(beat: RelayedPresenceMessage, from: Peer | null): void {
    this.remember(beat, from);
    this.deliver(beat);
    this.options.broadcast(`${PRESENCE_NOTIFY_PREFIX}${JSON.stringify({ node: this.options.node, beat })}`).catch(this.options.onError);
  }

  private remember(beat: RelayedPresenceMessage, from: Peer | null): void {
    const before = this.recent.get(beat.analystId);
    if (before !== undefined && before.beat.at > beat.at) return;
    this.recent.set(beat.analystId, { beat, from });
  }

  private deliver(beat: RelayedPresenceMessage): void {
    const text = JSON.stringify(beat);
    for (const peer of this.peers.values()) {
      if (peer.analystId !== beat.analystId && peer.socket.readyState === peer.socket.OPEN) peer.socket.send(text);
    }
  }

  private expired(beat: RelayedPresenceMessage): boolean {
    return this.options.clock.now() - beat.at > PRESENCE_TTL_MS;
  }

  private prune(): void {
    for (const [analystId, { beat }] of this.recent) if (this.expired(beat)) this.recent.delete(analystId);
  }
}
