import type { WebSocket } from 'ws';
import { z } from 'zod';
import { ACCESS_ENDED_CLOSE_CODE, accessEndedCloseReason, AccessEndReason } from '../../shared/sync/access-ended';
import type { Clock } from '../../shared/time';
import type { SessionCheck, SessionStore } from '../auth/sessions';

/** Close code of a socket without a (live) session. */
export const UNAUTHORIZED_CLOSE_CODE = 4401;

/** A socket's session is read again at least this often (on its pings) in case a notification was missed. */
export const SOCKET_RECHECK_MS = 30_000;

/** Prefix of session-end payloads on the changes channel (migration 008's soe_end_sessions). */
export const SESSION_ENDED_NOTIFY_PREFIX = 'session_ended:';

const SessionEndedPayload = z.object({ kind: z.enum(['analyst', 'contact']), subjectId: z.string(), reason: AccessEndReason });

interface Live {
  analystId: string;
  token: string;
  checkedAt: number;
}

/**
 * The live sockets of this node by analyst, so a session the server ended closes its socket at once: every node
 * hears soe_end_sessions' NOTIFY and reads the sessions of that analyst's sockets again (one of them may be the
 * session of an analyst who reset their own password, which stays). Each socket is also read again on a ping
 * once SOCKET_RECHECK_MS has passed, which covers a node whose listening connection missed the notification.
 */
export class SocketSessions {
  private readonly live = new Map<WebSocket, Live>();

  constructor(private readonly sessions: SessionStore, private readonly clock: Clock, private readonly onError: (error: unknown) => void) {}

  add(socket: WebSocket, analystId: string, token: string): void {
    this.live.set(socket, { analystId, token, checkedAt: this.clock.now() });
    socket.on('close', () => this.live.delete(socket));
  }

  /** A payload on the changes channel; true when it was a session end (whatever came of it). */
  fromNotify(payload: string): boolean {
    if (!payload.startsWith(SESSION_ENDED_NOTIFY_PREFIX)) return false;
    let parsed: ReturnType<typeof SessionEndedPayload.safeParse>;
    try {
      parsed = SessionEndedPayload.safeParse(JSON.parse(payload.slice(SESSION_ENDED_NOTIFY_PREFIX.length)));
    } catch {
      return true;
    }
    if (parsed.success && parsed.data.kind === 'analyst') void this.recheckAnalyst(parsed.data.subjectId);
    return true;
  }

  /** A ping arrived on the socket: re-read its session if the last read is old. */
  pinged(socket: WebSocket): void {
    const entry = this.live.get(socket);
    if (entry === undefined || this.clock.now() - entry.checkedAt < SOCKET_RECHECK_MS) return;
    void this.recheck(socket, entry);
  }

  async recheckAnalyst(analystId: string): Promise<void> {
    await Promise.all([...this.live].filter(([, e]) => e.analystId === analystId).map(([socket, entry]) => this.recheck(socket, entry)));
  }

  private async recheck(socket: WebSocket, entry: Live): Promise<void> {
    entry.checkedAt = this.clock.now();
    let checked: SessionCheck;
    try {
      checked = await this.sessions.check(entry.token);
    } catch (error) {
      this.onError(error);
      return;
    }
    if (checked.status === 'valid') return;
    this.live.delete(socket);
    closeForSession(socket, checked);
  }
}

/** Closes a socket whose session is not (or no longer) valid, saying why. */
export const closeForSession = (socket: WebSocket, checked: Exclude<SessionCheck, { status: 'valid' }> | { status: 'wrong_kind' }): void => {
  if (checked.status === 'ended') socket.close(ACCESS_ENDED_CLOSE_CODE, accessEndedCloseReason(checked.reason));
  else socket.close(UNAUTHORIZED_CLOSE_CODE, 'unauthorized');
};
