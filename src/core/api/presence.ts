import type { OcPresence, OcViewer, PresenceActivity } from '../../shared/api/workspace';
import type { Analyst } from '../../shared/domain';
import type { CoreDeps } from './deps';

/** One analyst's presence as desktops exchange it through the server. */
export interface PresenceBeat {
  analystId: string;
  name: string;
  /** null = looking at no OC. */
  ocId: string | null;
  activity: PresenceActivity;
  /** When this desktop said so (server-corrected clock). */
  at: number;
}

/**
 * How presence reaches the other desktops. The sync client implements it over its server connection: `publish`
 * sends this desktop's beat, `subscribe` delivers the beats of other desktops as the server relays them.
 * Presence is ephemeral — never stored, never in the outbox — so an offline desktop simply shows nobody.
 */
export interface PresenceRelay {
  publish(beat: PresenceBeat): void;
  subscribe(listener: (beat: PresenceBeat) => void): () => void;
}

/** A beat older than this is gone (its desktop closed or lost the network); desktops re-send every HEARTBEAT_MS. */
export const PRESENCE_TTL_MS = 45_000;
export const HEARTBEAT_MS = 15_000;

class PresenceBoard {
  private mine: PresenceBeat | null = null;
  private readonly others = new Map<string, PresenceBeat>();
  relay: PresenceRelay | null = null;

  constructor(private readonly deps: Pick<CoreDeps, 'clock' | 'events'>) {}

  setMine(analyst: Analyst, ocId: string | null, activity: PresenceActivity): void {
    const before = this.mine;
    if (before?.analystId === analyst.id && before.ocId === ocId && before.activity === activity) return;
    this.mine = { analystId: analyst.id, name: analyst.name, ocId, activity, at: this.deps.clock.now() };
    this.relay?.publish(this.mine);
  }

  clearMine(): void {
    if (this.mine === null) return;
    this.relay?.publish({ ...this.mine, ocId: null, at: this.deps.clock.now() });
    this.mine = null;
  }

  heartbeat(): void {
    if (this.mine !== null) this.relay?.publish({ ...this.mine, at: this.deps.clock.now() });
  }

  receive(beat: PresenceBeat): void {
    if (beat.analystId === this.mine?.analystId) return;
    const before = this.others.get(beat.analystId);
    if (before !== undefined && before.at > beat.at) return; // out of order
    this.others.set(beat.analystId, beat);
    for (const ocId of new Set([before?.ocId, beat.ocId])) {
      if (ocId !== null && ocId !== undefined) this.deps.events.emit('presence.changed', this.of(ocId, this.mine?.analystId ?? null));
    }
  }

  of(ocId: string, meId: string | null): OcPresence {
    const now = this.deps.clock.now();
    const viewers: OcViewer[] = [];
    for (const beat of this.others.values()) {
      if (beat.ocId !== ocId || beat.analystId === meId || now - beat.at > PRESENCE_TTL_MS) continue;
      viewers.push({ analystId: beat.analystId, name: beat.name, activity: beat.activity, since: beat.at });
    }
    viewers.sort((a, b) => (a.activity === b.activity ? a.since - b.since : a.activity === 'replying' ? -1 : 1));
    return { ocId, viewers };
  }
}

// One board per core, found through the core's event hub (the same per-instance cache pattern as prepared
// statements per connection): no process-wide state, and a second core in the same process has its own.
const boards = new WeakMap<object, PresenceBoard>();

export const presenceBoardOf = (deps: Pick<CoreDeps, 'clock' | 'events'>): PresenceBoard => {
  let board = boards.get(deps.events);
  if (board === undefined) {
    board = new PresenceBoard(deps);
    boards.set(deps.events, board);
  }
  return board;
};

/**
 * Connects a core's presence to the other desktops. The composition root calls it once the sync client
 * exists; the returned function detaches it (on stop).
 */
export const attachPresenceRelay = (deps: Pick<CoreDeps, 'clock' | 'events'>, relay: PresenceRelay): (() => void) => {
  const board = presenceBoardOf(deps);
  board.relay = relay;
  const off = relay.subscribe((beat) => board.receive(beat));
  const timer = setInterval(() => board.heartbeat(), HEARTBEAT_MS);
  timer.unref?.();
  board.heartbeat();
  return () => {
    clearInterval(timer);
    off();
    board.relay = null;
  };
};
