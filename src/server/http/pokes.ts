import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { ClientSocketMessage, type ServerSocketMessage } from '../../shared/sync/protocol';
import { sessionOf, type ServerContext } from '../context';
import { headVersion } from '../sync/pull';
import type { PresenceHub } from './presence';

/**
 * The WebSocket clients of this node. Every commit on any node NOTIFYs its new head; each node pokes its own
 * sockets, at most once per `throttleMs` (a burst of commits becomes one poke, so 200 clients pull once, not 200×).
 */
export class PokeHub {
  private readonly sockets = new Set<WebSocket>();
  private head = 0;
  private sentHead = 0;
  private lastSentAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly throttleMs: number) {}

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
    if (this.timer !== null) return;
    // Each poke makes every socket pull; with many desktops connected the pokes are spaced further apart
    // (5 ms per socket: 200 desktops get a poke a second) so the pulls they trigger stay a bounded load.
    const interval = Math.max(this.throttleMs, this.sockets.size * 5);
    const wait = Math.max(0, this.lastSentAt + interval - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    if (this.head <= this.sentHead) return;
    this.sentHead = this.head;
    this.lastSentAt = performance.now();
    const message = JSON.stringify({ type: 'poke', head: this.head } satisfies ServerSocketMessage);
    for (const socket of this.sockets) if (socket.readyState === socket.OPEN) socket.send(message);
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

export const registerSocketRoute = (app: FastifyInstance, ctx: ServerContext, hub: PokeHub, presence: PresenceHub): void => {
  app.get('/api/v1/socket', { websocket: true }, (socket, request) => {
    // A beat sent right after the socket opened may arrive before the session check ends: the latest one waits.
    let early: Extract<ClientSocketMessage, { type: 'presence' }> | null = null;
    // Authenticate before anything is sent; a socket without a session is closed with a policy code.
    void (async () => {
      const session = await sessionOf(ctx, request, 'analyst');
      if (session === null) {
        socket.close(4401, 'unauthorized');
        return;
      }
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
        socket.send(JSON.stringify({ type: 'pong', id: message.id, serverTime: ctx.clock.now() } satisfies ServerSocketMessage));
      } else if (!presence.fromSocket(socket, message)) {
        early = message;
      }
    });
  });
};
