import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { domainError, isDomainError } from '../../shared/domain';
import { accessEndReasonOf } from '../../shared/sync/access-ended';
import { ClientSocketMessage, type ServerSocketMessage } from '../../shared/sync/protocol';
import { authenticate, bearerToken, type ServerContext } from '../context';
import { headVersion } from '../sync/pull';
import type { PresenceHub } from './presence';
import { sendError } from './errors';
import { closeForSession, type SocketSessions } from './socket-sessions';
import type { PullObserver } from './sync-routes';

/** However busy the node, a commit reaches the desktops' pulls within this long. */
const MAX_POKE_SPACING_MS = 1_000;
/**
 * A poke is a frame per socket, and one that carries the changes is as large as they are: pokes are spaced so a
 * node sends at most about this many a second (200 desktops: a poke every 50 ms at most; 2 desktops: no limit
 * beyond the throttle). Measured at 200 desktops × 1 push/s: push p99 200 → 68 ms against every 25 ms.
 */
const POKE_FRAMES_PER_S = 4_000;
/** Pulls get at most about a third of the node's time: the next poke waits twice as long as the last wave took. */
const PULL_DUTY = 3;

/**
 * The WebSocket clients of this node. Every commit on any node NOTIFYs its new head; each node pokes its own
 * sockets, and every poked desktop pulls (or, when the poke carries the changes, applies them). Pokes are paced
 * by those pulls rather than by a fixed delay per socket: a poke goes out `throttleMs` after the previous one (a
 * burst of commits becomes one poke) once the wave of pulls the previous one caused has mostly finished, and no
 * sooner than PULL_DUTY times that wave's duration after it started nor than POKE_FRAMES_PER_S allows — so an
 * idle server pokes at once, and a busy one never spends more than about a third of its time on pulls nor piles
 * pulls on pulls (at most MAX_POKE_SPACING_MS between pokes).
 */
export class PokeHub implements PullObserver {
  private readonly sockets = new Set<WebSocket>();
  private head = 0;
  private sentHead = 0;
  private lastSentAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private pulling = 0;
  /** When the pulls in flight last dropped back to a few (the end of a poke's wave). */
  private lastSettledAt = -Infinity;

  /** Pokes go out in the order they were decided, even when reading what one carries takes a moment. */
  private sending: Promise<void> = Promise.resolve();

  /**
   * `carry` reads the changes above a head for a poke to carry (null: too many, or not at hand); without it a
   * poke only says "pull".
   */
  constructor(
    private readonly throttleMs: number,
    private readonly carry?: (from: number, head: number) => Promise<{ changes: string; head: number } | null>,
  ) {}

  get size(): number {
    return this.sockets.size;
  }

  add(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }

  committed(head: number): void {
    if (!Number.isFinite(head) || head <= this.head) return;
    this.head = head;
    this.schedule();
  }

  pullStarted(): void {
    this.pulling += 1;
  }

  pullEnded(): void {
    this.pulling -= 1;
    if (!this.pullsSettled()) return;
    this.lastSettledAt = performance.now();
    if (this.head > this.sentHead) this.schedule();
  }

  private pullsSettled(): boolean {
    return this.pulling <= Math.max(1, Math.floor(this.sockets.size / 10));
  }

  private schedule(): void {
    if (this.head <= this.sentHead) return;
    const since = performance.now() - this.lastSentAt;
    const waveMs = this.lastSettledAt > this.lastSentAt ? this.lastSettledAt - this.lastSentAt : 0;
    const spacing = Math.min(MAX_POKE_SPACING_MS, Math.max(this.throttleMs, PULL_DUTY * waveMs, (this.sockets.size * 1_000) / POKE_FRAMES_PER_S));
    if (since >= MAX_POKE_SPACING_MS || (since >= spacing && this.pullsSettled())) {
      this.flush();
      return;
    }
    // Due at `spacing` (or, while the last wave runs, when it settles — pullEnded — or at the latest bound).
    const due = since < spacing ? spacing : MAX_POKE_SPACING_MS;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.schedule();
    }, due - since);
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const from = this.sentHead;
    const head = this.head;
    this.sentHead = head;
    this.lastSentAt = performance.now();
    const plain = JSON.stringify({ type: 'poke', head } satisfies ServerSocketMessage);
    const send = (message: string) => {
      // Encoded once for every socket (a text frame each).
      const frame = Buffer.from(message, 'utf8');
      for (const socket of this.sockets) if (socket.readyState === socket.OPEN) socket.send(frame, { binary: false });
    };
    const carry = this.carry;
    if (carry === undefined || from === 0) {
      this.sending = this.sending.then(() => send(plain));
      return;
    }
    // Read now, sent in turn: the desktops at `from` apply the changes without a pull each (one read for all).
    const carried = carry(from, head).catch(() => null);
    this.sending = this.sending.then(async () => {
      const changes = await carried;
      send(changes === null ? plain : `{"type":"poke","head":${changes.head},"from":${from},"changes":[${changes.changes}]}`);
    });
  }

  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
  }
}

/** The analyst's display name for presence, read once per socket (the session names only the id). */
const analystName = async (ctx: ServerContext, analystId: string): Promise<string> => {
  const { rows } = await ctx.db.query<{ name: string | null }>("SELECT doc->>'name' AS name FROM analyst WHERE id = $1", [analystId]);
  return rows[0]?.name ?? analystId;
};

export const registerSocketRoute = (app: FastifyInstance, ctx: ServerContext, hub: PokeHub, presence: PresenceHub, live: SocketSessions): void => {
  app.route({
    method: 'GET',
    url: '/api/v1/socket',
    // A plain GET (no upgrade) is told what this address is, with the usual error body.
    handler: (_request, reply) => sendError(reply.header('upgrade', 'websocket'), 426, domainError('WEBSOCKET_ONLY', {
      'pt-BR': 'Este endereço aceita apenas conexões WebSocket.',
      en: 'This address accepts WebSocket connections only.',
    })),
    wsHandler: (socket, request) => {
      // A beat sent right after the socket opened may arrive before the session check ends: the latest one waits.
      let early: Extract<ClientSocketMessage, { type: 'presence' }> | null = null;
      // Authenticate before anything is sent; a socket without a session is closed with a policy code (4401), one
      // whose session the server ended with ACCESS_ENDED_CLOSE_CODE and the reason.
      void (async () => {
        const session = await authenticate(ctx, request, 'analyst');
        if (isDomainError(session)) {
          const reason = accessEndReasonOf(session);
          closeForSession(socket, reason === null ? { status: 'none' } : { status: 'ended', kind: 'analyst', reason });
          return;
        }
        // Tracked at once, so an end of this session notified from now on closes it (an earlier one: its next ping).
        live.add(socket, session.subjectId, bearerToken(request) ?? '');
        const name = await analystName(ctx, session.subjectId);
        if (socket.readyState !== socket.OPEN) return;
        hub.add(socket);
        const hello: ServerSocketMessage = { type: 'hello', head: await headVersion(ctx.db), serverTime: ctx.clock.now() };
        if (socket.readyState !== socket.OPEN) return;
        socket.send(JSON.stringify(hello));
        presence.join(socket, session.subjectId, name);
        if (early !== null) presence.fromSocket(socket, early);
        early = null;
      })().catch((error: unknown) => {
        ctx.log.warn({ err: error }, 'socket setup failed');
        socket.close(1011, 'server error');
      });
      socket.on('message', (data) => {
        let parsed: ReturnType<typeof ClientSocketMessage.safeParse>;
        try {
          parsed = ClientSocketMessage.safeParse(JSON.parse(String(data)));
        } catch {
          return;
        }
        if (!parsed.success) return;
        const message = parsed.data;
        if (message.type === 'ping') {
          live.pinged(socket);
          socket.send(JSON.stringify({ type: 'pong', id: message.id, serverTime: ctx.clock.now() } satisfies ServerSocketMessage));
        } else if (!presence.fromSocket(socket, message)) {
          early = message;
        }
      });
    },
  });
};
