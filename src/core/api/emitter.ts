import { EVENT_NAMES, type EventName, type EventPayload } from '../../shared/api/contract';

export type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** Typed fan-out of core events to every window (IPC) or socket (browser shell). */
export class CoreEvents {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (payload: unknown) => void);
    return () => set.delete(listener as (payload: unknown) => void);
  }

  /** Any event, for transports that forward everything. */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void {
    const offs = EVENT_NAMES.map((e) => this.on(e, (p) => listener(e, p)));
    return () => offs.forEach((off) => off());
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch {
        // One broken window must not stop the others from hearing the event.
      }
    }
  }
}
