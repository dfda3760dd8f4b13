import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { createCore, type Core } from '../../../../src/core/core';
import { seedReplica } from '../../../../src/core/seed/seed-replica';
import type { ArgsOf, MethodName, ResultOf } from '../../../../src/shared/api/contract';
import type { SlaAlert } from '../../../../src/shared/api/notices';
import { missingEligibility, type Criticidade, type Customer, type Plan } from '../../../../src/shared/domain';

// A desktop core on a replica with people and customers but no OCs, driven by vitest's fake timers: Date (the
// core's clock), performance.now (the watchdog's monotonic clock) and the timers all move together with
// advanceTo; vi.setSystemTime moves the wall clock alone, like a user or NTP setting it.

/** An instant in São Paulo local time (UTC−3 all year: Brazil has no daylight saving since 2019). */
export const sp = (local: string): number => Date.parse(`${local}:00-03:00`);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export class SlaHarness {
  core!: Core;
  readonly alerts: { alert: SlaAlert; emittedAt: number }[] = [];
  readonly changed: string[][] = [];

  private constructor(readonly dir: string) {}

  /** Fake timers at `at`, a seeded replica (no OCs), a core (not started yet). */
  static async create(at: number): Promise<SlaHarness> {
    vi.useFakeTimers({ now: at, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
    const harness = new SlaHarness(mkdtempSync(join(tmpdir(), 'soe-sla-')));
    harness.open();
    await seedReplica(harness.core.db, { ocs: 0, seed: 5, now: at });
    return harness;
  }

  get dbPath(): string {
    return join(this.dir, 'replica.db');
  }

  /** Opens a core on the replica file (again, after a restart) and listens to its events. */
  open(): Core {
    this.core = createCore({ dbPath: this.dbPath, clock: { now: () => Date.now() } });
    this.core.events.on('sla.alert', (alert) => this.alerts.push({ alert, emittedAt: Date.now() }));
    this.core.events.on('data.changed', (p) => this.changed.push(p.ocIds));
    return this.core;
  }

  async call<M extends MethodName>(method: M, args?: ArgsOf<M>): Promise<ResultOf<M>> {
    const result = await this.core.api.invoke(method, args ?? {});
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en}`);
    return result.value as ResultOf<M>;
  }

  async login(login: string): Promise<void> {
    await this.call('session.login', { login, password: 'demo' });
  }

  customer(plan: Plan): Customer {
    const customers = (this.core.db.prepare('SELECT doc FROM customer ORDER BY id').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as Customer);
    const found = customers.find((c) => c.plan === plan && missingEligibility(c).length === 0);
    if (found === undefined) throw new Error(`no eligible ${plan} customer in the seed`);
    return found;
  }

  /** Opens an OC now (by phone) for a customer of the plan; returns its id. */
  async createOc(plan: Plan, criticidade: Criticidade): Promise<string> {
    const customer = this.customer(plan);
    const ack = await this.call('oc.create', {
      customerId: customer.id,
      channel: 'phone',
      module: customer.modules[0] as string,
      criticidade,
      kind: 'erro',
      subject: `Erro ao emitir nota (${plan} ${criticidade})`,
      description: 'A emissão de nota fiscal falha com erro de validação.',
    });
    if (ack.id === null) throw new Error('oc.create returned no id');
    return ack.id;
  }

  /** Lets time pass up to `instant`, firing every timer due on the way. */
  advanceTo(instant: number): void {
    vi.advanceTimersByTime(Math.max(0, instant - Date.now()));
  }

  /** Alerts of one OC as `clock:threshold`, in emission order. */
  alertsOf(ocId: string): string[] {
    return this.alerts.filter((a) => a.alert.ocId === ocId).map((a) => `${a.alert.clock}:${a.alert.threshold}`);
  }

  recorded(ocId: string): string[] {
    return (this.core.db.prepare('SELECT clock, threshold FROM sla_alert WHERE oc_id = ? ORDER BY clock, threshold').all(ocId) as {
      clock: string;
      threshold: number;
    }[]).map((r) => `${r.clock}:${r.threshold}`);
  }

  /** The app is quit: the core stops and the database is closed. */
  async quit(): Promise<void> {
    await this.core.stop();
  }

  /** The app starts again on the same database file (session restored from it). */
  restart(): Core {
    this.open();
    this.core.start();
    return this.core;
  }

  async close(): Promise<void> {
    await this.core.stop();
    vi.useRealTimers();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
