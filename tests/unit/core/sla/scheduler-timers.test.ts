import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClockWatchdog, type ClockDisturbance } from '../../../../src/core/sla/clock-watchdog';
import { createSlaScheduler, type SlaScheduler } from '../../../../src/core/sla/scheduler';
import { configResolver } from '../../../../src/core/sla/columns';
import { MAX_TIMER_DELAY_MS, type SchedulerTimers } from '../../../../src/core/sla/timers';
import { SlaHarness, sp } from './harness';

// The scheduler's timer handling with injected timers: every setTimeout it asks for is recorded, and the test
// decides when a callback runs.

class ManualTimers implements SchedulerTimers {
  private next = 1;
  readonly timeouts = new Map<number, { callback: () => void; ms: number }>();
  readonly intervals = new Map<number, { callback: () => void; ms: number }>();
  readonly requested: number[] = [];

  setTimeout(callback: () => void, ms: number): number {
    const id = this.next++;
    this.timeouts.set(id, { callback, ms });
    this.requested.push(ms);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timeouts.delete(handle as number);
  }
  setInterval(callback: () => void, ms: number): number {
    const id = this.next++;
    this.intervals.set(id, { callback, ms });
    return id;
  }
  clearInterval(handle: unknown): void {
    this.intervals.delete(handle as number);
  }
  /** Runs the one pending timeout (the scheduler keeps exactly one). */
  fire(): void {
    expect(this.timeouts.size).toBe(1);
    const [id, timeout] = [...this.timeouts][0]!;
    this.timeouts.delete(id);
    timeout.callback();
  }
  pendingDelay(): number | undefined {
    return [...this.timeouts.values()][0]?.ms;
  }
}

const DAY = 24 * 60 * 60 * 1000;

describe('SLA scheduler timer (injected timers)', () => {
  let h: SlaHarness | undefined;
  let scheduler: SlaScheduler | undefined;
  afterEach(async () => {
    scheduler?.stop();
    await h?.close();
    h = undefined;
  });

  const setUp = async (): Promise<{ t: SlaHarness; timers: ManualTimers; ocId: string }> => {
    h = await SlaHarness.create(sp('2026-11-25T22:00'));
    await h.login('beatriz');
    const ocId = await h.createOc('vip', 'critica');
    const timers = new ManualTimers();
    // The core's own scheduler is not started; this one runs on the same replica and events.
    scheduler = createSlaScheduler({ db: h.core.db, clock: h.core.deps.clock, events: h.core.events, configs: configResolver(h.core.db), timers });
    return { t: h, timers, ocId };
  };

  it('catches up at start, then arms one timeout for the soonest instant', async () => {
    const { timers } = await setUp();
    scheduler!.start();
    expect(timers.requested).toEqual([0]);
    expect(timers.intervals.size).toBe(1);
    timers.fire();
    expect(timers.pendingDelay()).toBe(15 * 60_000);
    expect(scheduler!.armedAt()).toBe(sp('2026-11-25T22:15'));
  });

  it('clamps a far instant to 2^31−1 ms and re-arms for the rest when that fires', async () => {
    const { t, timers } = await setUp();
    const far = Date.now() + 40 * DAY;
    t.core.db.prepare('UPDATE ocorrencia SET sla_next_at = ?').run(far);
    scheduler!.start();
    timers.fire(); // the catch-up: nothing due
    expect(timers.pendingDelay()).toBe(MAX_TIMER_DELAY_MS);
    vi.setSystemTime(Date.now() + MAX_TIMER_DELAY_MS);
    timers.fire();
    expect(timers.pendingDelay()).toBe(far - Date.now());
    expect(scheduler!.armedAt()).toBe(far);
  });

  it('re-arms once for a burst of data.changed', async () => {
    const { t, timers, ocId } = await setUp();
    scheduler!.start();
    timers.fire();
    const before = timers.requested.length;
    for (let i = 0; i < 25; i += 1) t.core.events.emit('data.changed', { tables: ['ocorrencia'], ocIds: [ocId] });
    expect(timers.requested.length).toBe(before + 1);
    expect(timers.pendingDelay()).toBe(100);
    expect(timers.timeouts.size).toBe(1);
    timers.fire();
    expect(scheduler!.armedAt()).toBe(sp('2026-11-25T22:15'));
  });

  it('does not arm at all when no OC has an SLA instant', async () => {
    const { t, timers } = await setUp();
    t.core.db.prepare('UPDATE ocorrencia SET sla_next_at = NULL').run();
    scheduler!.start();
    timers.fire();
    expect(timers.timeouts.size).toBe(0);
    expect(scheduler!.armedAt()).toBeNull();
  });
});

describe('clock watchdog', () => {
  const watch = () => {
    const timers = new ManualTimers();
    let wall = sp('2026-11-25T10:00');
    let mono = 1_000;
    const seen: [ClockDisturbance, number][] = [];
    const dog = createClockWatchdog({
      clock: { now: () => wall },
      timers,
      monotonic: () => mono,
      intervalMs: 30_000,
      toleranceMs: 2_000,
      onDisturbance: (kind, drift) => seen.push([kind, drift]),
    });
    dog.start();
    const tick = (wallMs: number, monoMs: number): void => {
      wall += wallMs;
      mono += monoMs;
      [...timers.intervals.values()][0]!.callback();
    };
    return { dog, timers, seen, tick };
  };

  it('stays quiet while both clocks advance together (within the tolerance)', () => {
    const { seen, tick } = watch();
    tick(30_000, 30_000);
    tick(31_500, 30_000);
    tick(28_500, 30_000);
    expect(seen).toEqual([]);
  });

  it('reports a jump of the wall clock, forward or back', () => {
    const { seen, tick } = watch();
    tick(30_000 + 10 * 60_000, 30_000);
    tick(30_000 - 60_000, 30_000);
    expect(seen).toEqual([
      ['clock-jump', 10 * 60_000],
      ['clock-jump', -60_000],
    ]);
  });

  it('reports sleep both where monotonic time stops and where it keeps counting', () => {
    const { seen, tick } = watch();
    tick(2 * 60 * 60_000, 30_000); // Linux/macOS: timers and monotonic time stood still
    tick(2 * 60 * 60_000, 2 * 60 * 60_000); // Windows: the tick simply came hours late
    expect(seen.map(([kind]) => kind)).toEqual(['clock-jump', 'sleep']);
  });

  it('stops its interval', () => {
    const { dog, timers } = watch();
    dog.stop();
    expect(timers.intervals.size).toBe(0);
  });
});
