import type { RelayedPresenceMessage } from '../../shared/sync/protocol';
import type { Clock } from '../../shared/time';
import { attachPresenceRelay, type PresenceBeat, type PresenceRelay } from '../api/presence';
import type { CoreDeps } from '../api/deps';
import type { PokeSocket } from './poke-socket';

/**
 * Presence over the sync client's poke socket (SPEC §4 collision notice). The server relays beats and names the
 * sender from the socket's session, so only what the analyst looks at is sent. Offline, nothing goes out; on
 * (re)connect the last beat is sent again so the others see this desktop without waiting for the heartbeat.
 */
export class SocketPresenceRelay implements PresenceRelay {
  private readonly listeners = new Set<(beat: PresenceBeat) => void>();
  private mine: PresenceBeat | null = null;

  constructor(private readonly socket: PokeSocket, private readonly currentAnalyst: () => string | null, private readonly clock: Clock) {}

  publish(beat: PresenceBeat): void {
    // The session decides who the server says this is: a beat of an analyst who is no longer the one logged in
    // to the server (logout, a colleague on the same desktop) is not sent under someone else's name.
    if (beat.analystId !== this.currentAnalyst()) return;
    this.mine = beat;
    this.socket.send({ type: 'presence', ocId: beat.ocId, activity: beat.activity, at: beat.at });
  }

  subscribe(listener: (beat: PresenceBeat) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The socket (re)connected. */
  opened(): void {
    const mine = this.mine;
    if (mine === null || mine.ocId === null) return;
    this.publish({ ...mine, at: this.clock.now() });
  }

  received(message: RelayedPresenceMessage): void {
    const beat: PresenceBeat = { analystId: message.analystId, name: message.name, ocId: message.ocId, activity: message.activity, at: message.at };
    for (const listener of this.listeners) listener(beat);
  }
}

/**
 * Connects a core's collision presence to the other desktops through its sync client (composition roots call it
 * once after createCore); a local-only core has no relay and nothing happens. Returns the detach function.
 */
export const relayPresence = (core: { deps: CoreDeps }): (() => void) => {
  const relay = core.deps.sync.presence;
  return relay === undefined ? () => undefined : attachPresenceRelay(core.deps, relay);
};
