import { isDomainError, type Analyst, type DomainError } from '../domain';
import type { MemoryState } from '../mutators/memory-state';
import { mutators, type MutatorName } from '../mutators/registry';
import { runMutator } from '../mutators/run';
import type { MutatorDef } from '../mutators/types';
import type { Actor } from '../oc/actor';
import { DEFAULT_TIME_ZONE } from '../time';
import type { Prng } from './prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Brazil has kept UTC−3 all year since 2019; the demo only needs plausible office hours, not the SLA calendar.
const LOCAL_OFFSET = -3 * HOUR;

/** Moves an instant into office hours (Mon–Fri 08:00–18:00, UTC−3), keeping it if it already is. */
export const officeTime = (instant: number, rng: Prng): number => {
  let local = instant + LOCAL_OFFSET;
  for (let guard = 0; guard < 8; guard += 1) {
    const date = new Date(local);
    const weekday = date.getUTCDay();
    const minutes = date.getUTCHours() * 60 + date.getUTCMinutes();
    if (weekday !== 0 && weekday !== 6 && minutes >= 8 * 60 && minutes < 18 * 60) return local - LOCAL_OFFSET;
    const nextDay = minutes >= 18 * 60 || weekday === 0 || weekday === 6 ? 1 : 0;
    local = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + nextDay, 8, rng.int(0, 90));
  }
  return local - LOCAL_OFFSET;
};

interface Step {
  at: number;
  seq: number;
  run: () => void;
}

/** A binary min-heap of steps by time (then insertion order): the discrete-event clock of the simulation. */
class StepQueue {
  private readonly heap: Step[] = [];
  private seq = 0;

  push(at: number, run: () => void): void {
    const step = { at, seq: (this.seq += 1), run };
    const h = this.heap;
    h.push(step);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i] as Step, h[parent] as Step)) break;
      [h[i], h[parent]] = [h[parent] as Step, h[i] as Step];
      i = parent;
    }
  }

  pop(): Step | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l] as Step, h[m] as Step)) m = l;
        if (r < h.length && before(h[r] as Step, h[m] as Step)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m] as Step, h[i] as Step];
        i = m;
      }
    }
    return top;
  }

  get size(): number {
    return this.heap.length;
  }
}

const before = (a: Step, b: Step): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/**
 * Runs the real mutators over simulated time. Steps due after `now` never run, so the OCs in flight at `now`
 * are left in whatever status their story had reached — with histories the state machine produced.
 */
export class Simulation {
  private readonly queue = new StepQueue();
  private mutationCounter = 0;
  readonly refused = new Map<string, number>();

  constructor(
    readonly state: MemoryState,
    readonly rng: Prng,
    readonly now: number,
  ) {}

  schedule(at: number, run: () => void): void {
    if (at <= this.now) this.queue.push(at, run);
  }

  /** Runs a mutator at a simulated instant; returns the refusal when the state machine says no. */
  act(name: MutatorName, args: Record<string, unknown>, actor: Actor, at: number): DomainError | null {
    const def = mutators[name] as MutatorDef;
    const parsed = def.args.safeParse(args);
    if (!parsed.success) throw new Error(`demo data built invalid ${name} args: ${parsed.error.message}`);
    const refreshed: Actor = actor.kind === 'analyst' ? { kind: 'analyst', analyst: this.state.analysts.get(actor.analyst.id) ?? actor.analyst } : actor;
    const result = runMutator(name, this.state.load(def.needs(parsed.data, refreshed)), parsed.data, {
      actor: refreshed,
      actedAt: at,
      receivedAt: at,
      mutationRef: `demo:${(this.mutationCounter += 1)}`,
      ocNumber: null,
      timeZone: DEFAULT_TIME_ZONE,
    });
    if (isDomainError(result)) {
      this.refused.set(result.code, (this.refused.get(result.code) ?? 0) + 1);
      return result;
    }
    this.state.write(result.changes, result.events);
    return null;
  }

  analyst(analyst: Analyst): Actor {
    return { kind: 'analyst', analyst };
  }

  run(): void {
    for (let step = this.queue.pop(); step !== undefined; step = this.queue.pop()) step.run();
  }

  static readonly MINUTE = MINUTE;
  static readonly HOUR = HOUR;
  static readonly DAY = DAY;
}
