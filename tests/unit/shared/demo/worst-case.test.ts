import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../src/shared/demo/generate';
import { WORST_CASE_MODULES, WORST_CASE_NOW, WORST_CASE_TEXT } from '../../../../src/shared/demo/worst-case';
import { Analyst, CatalogItem, CHANNELS, Contact, CRITICIDADES, Customer, isOpenStatus, OC_KINDS, OC_STATUSES, Ocorrencia, PLANS, type OcEvent } from '../../../../src/shared/domain';
import { evaluateSla } from '../../../../src/shared/sla/clocks';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('worst-case fixture', () => {
  const data = generateDemo({ ocs: 1_500, seed: 1, now: WORST_CASE_NOW, fixture: 'worst-case' });
  const base = generateDemo({ ocs: 1_500, seed: 1, now: WORST_CASE_NOW });
  const eventsOf = new Map<string, OcEvent[]>();
  for (const event of data.events) eventsOf.set(event.ocId, [...(eventsOf.get(event.ocId) ?? []), event]);
  const clocksAt = (oc: Ocorrencia, now = WORST_CASE_NOW) => evaluateSla(eventsOf.get(oc.id) ?? [], () => data.slaConfig, now).clocks;
  const open = data.ocorrencias.filter((o) => isOpenStatus(o.status));

  it('is deterministic, and the demo underneath is the same demo', () => {
    const again = generateDemo({ ocs: 1_500, seed: 1, now: WORST_CASE_NOW, fixture: 'worst-case' });
    expect(again.ocorrencias.map((o) => [o.id, o.number, o.status])).toEqual(data.ocorrencias.map((o) => [o.id, o.number, o.status]));
    const ids = new Set(data.ocorrencias.map((o) => o.id));
    expect(base.ocorrencias.every((o) => ids.has(o.id))).toBe(true);
    expect(data.ocorrencias.length).toBeGreaterThan(base.ocorrencias.length + 30);
  });

  it('holds the longest names and subjects the schemas allow, every row valid', () => {
    expect(WORST_CASE_TEXT.longestCustomer).toHaveLength(160);
    expect(WORST_CASE_TEXT.longestAnalyst).toHaveLength(120);
    expect(WORST_CASE_TEXT.longestContact).toHaveLength(120);
    expect(WORST_CASE_TEXT.longModule).toHaveLength(60);
    for (const subject of WORST_CASE_TEXT.subjects) expect(subject).toHaveLength(200);
    expect(Customer.shape.name.safeParse(`${WORST_CASE_TEXT.longestCustomer}x`).success).toBe(false);
    for (const row of data.customers) expect(Customer.safeParse(row).success).toBe(true);
    for (const row of data.analysts) expect(Analyst.safeParse(row).success).toBe(true);
    for (const row of data.contacts) expect(Contact.safeParse(row).success).toBe(true);
    for (const row of data.catalog) expect(CatalogItem.safeParse(row).success).toBe(true);
    for (const row of data.ocorrencias) expect(Ocorrencia.safeParse(row).success).toBe(true);
    expect(data.customers.map((c) => c.name)).toContain(WORST_CASE_TEXT.longestCustomer);
    expect(data.analysts.map((a) => a.name)).toContain(WORST_CASE_TEXT.longestAnalyst);
    expect(data.catalog.find((c) => c.id === WORST_CASE_MODULES.sped)?.name).toBe(WORST_CASE_TEXT.longModule);
    expect(data.ocorrencias.filter((o) => o.subject.length === 200).length).toBeGreaterThan(20);
  });

  it('has every status, kind and channel, and every plan × criticidade running tonight', () => {
    expect([...new Set(data.ocorrencias.map((o) => o.status))].sort()).toEqual([...OC_STATUSES].sort());
    expect([...new Set(data.ocorrencias.map((o) => o.kind))].sort()).toEqual([...OC_KINDS].sort());
    expect([...new Set(data.ocorrencias.map((o) => o.channel))].sort()).toEqual([...CHANNELS].sort());
    const running = open.filter((o) => clocksAt(o).some((c) => c.state === 'running'));
    for (const plan of PLANS) for (const criticidade of CRITICIDADES) expect(running.some((o) => o.plan === plan && o.criticidade === criticidade), `${plan}/${criticidade}`).toBe(true);
  });

  it('has a resolution breached 99 days 23 hours ago, a reclassified breach and a quote waiting for approval', () => {
    const ancient = open.find((o) => clocksAt(o).some((c) => c.clock === 'resolution' && c.dueAt !== null && WORST_CASE_NOW - c.dueAt >= 99 * DAY + 23 * HOUR && WORST_CASE_NOW - c.dueAt < 100 * DAY));
    expect(ancient?.subject).toBe(WORST_CASE_TEXT.subjects[0]);
    expect(data.events.some((e) => e.data.type === 'criticidade_changed')).toBe(true);
    expect(open.some((o) => o.quote !== null && o.quote.decision === null)).toBe(true);
  });

  it('is the night when every countdown is long: most running deadlines are 10 hours or more away', () => {
    const dues = open.flatMap((o) => clocksAt(o).filter((c) => c.state === 'running' && c.clock !== 'ola_n2' && c.dueAt !== null).map((c) => (c.dueAt as number) - WORST_CASE_NOW));
    expect(dues.length).toBeGreaterThan(100);
    expect(dues.filter((d) => d >= 10 * HOUR).length / dues.length).toBeGreaterThan(0.8);
  });

  it('has N2 pick-ups waiting (one long past its OLA), recados for the long names and an analyst at full capacity', () => {
    const waitingN2 = open.filter((o) => o.level === 'n2' && o.assigneeId === null);
    expect(waitingN2.length).toBeGreaterThanOrEqual(2);
    expect(waitingN2.some((o) => clocksAt(o).some((c) => c.clock === 'ola_n2' && c.breachedAt !== null && WORST_CASE_NOW - c.breachedAt > DAY))).toBe(true);
    const longest = data.analysts.find((a) => a.name === WORST_CASE_TEXT.longestAnalyst) as Analyst;
    expect(data.recados.filter((r) => r.doneAt === null && r.callerName === WORST_CASE_TEXT.longestContact).length).toBe(4);
    expect(open.filter((o) => o.assigneeId === longest.id)).toHaveLength(longest.capacity);
  });
});
