import { describe, expect, it } from 'vitest';
import type { QueueRow } from '../../../src/shared/api/views';
import { compareUrgency, emptyFilter, matchesFilter, patchRows, toQueueFilter, urgencyOf, AT_RISK_MS } from '../../../src/renderer/features/queue/team-filter';

const NOW = Date.parse('2026-11-25T15:00:00Z');

const row = (over: Partial<QueueRow> & { id: string }): QueueRow => ({
  number: 'OC-2026-000001',
  displayNumber: 'OC-2026-000001',
  customerId: 'c1',
  customerName: 'Metalúrgica Sul Ltda.',
  plan: 'ouro',
  module: 'financeiro',
  segment: 'industria',
  criticidade: 'media',
  kind: 'erro',
  channel: 'extranet',
  status: 'nova',
  level: 'n1',
  subject: 'Boleto com juros',
  assigneeId: null,
  assigneeName: null,
  preferredAnalystId: null,
  createdAt: NOW - 3_600_000,
  updatedAt: NOW - 3_600_000,
  sla: { clock: 'resolution', state: 'running', dueAt: NOW + 10 * 3_600_000, percent: 20, breachedAt: null },
  olaDueAt: null,
  pending: false,
  ...over,
});

describe('team view filter (the core query, mirrored for patching)', () => {
  it('matches on every dimension the query filters by', () => {
    const r = row({ id: 'a' });
    expect(matchesFilter(r, emptyFilter(), NOW)).toBe(true);
    expect(matchesFilter(r, { ...emptyFilter(), modules: ['fiscal'] }, NOW)).toBe(false);
    expect(matchesFilter(r, { ...emptyFilter(), modules: ['financeiro'], segments: ['industria'], levels: ['n1'], plans: ['ouro'] }, NOW)).toBe(true);
    expect(matchesFilter(r, { ...emptyFilter(), assignee: 'unassigned' }, NOW)).toBe(true);
    expect(matchesFilter(row({ id: 'b', assigneeId: 'x' }), { ...emptyFilter(), assignee: 'unassigned' }, NOW)).toBe(false);
    expect(matchesFilter(row({ id: 'b', assigneeId: 'x' }), { ...emptyFilter(), assignee: 'x' }, NOW)).toBe(true);
  });

  it('keeps closed OCs out of open views and in "with closed" views', () => {
    const closed = row({ id: 'c', status: 'encerrada' });
    expect(matchesFilter(closed, emptyFilter(), NOW)).toBe(false);
    expect(matchesFilter(closed, { ...emptyFilter(), openOnly: false }, NOW)).toBe(true);
  });

  it('breached and at-risk follow the badge and the live deadline', () => {
    const breached = row({ id: 'd', sla: { clock: 'resolution', state: 'breached', dueAt: NOW - 60_000, percent: 101, breachedAt: NOW - 60_000 } });
    expect(matchesFilter(breached, { ...emptyFilter(), breached: true }, NOW)).toBe(true);
    expect(matchesFilter(row({ id: 'e' }), { ...emptyFilter(), breached: true }, NOW)).toBe(false);
    const soon = row({ id: 'f', sla: { clock: 'first_response', state: 'running', dueAt: NOW + AT_RISK_MS - 1, percent: 80, breachedAt: null } });
    expect(matchesFilter(soon, { ...emptyFilter(), atRisk: true }, NOW)).toBe(true);
    expect(matchesFilter(row({ id: 'g' }), { ...emptyFilter(), atRisk: true }, NOW)).toBe(false);
  });

  it('filters by stage: an escalated OC no N2 holds is aguardando_n2, not its status (issue 13 item 4)', () => {
    const waiting = row({ id: 'h', status: 'em_atendimento', level: 'n2', assigneeId: null });
    const held = row({ id: 'i', status: 'em_atendimento', level: 'n2', assigneeId: 'rafael' });
    expect(matchesFilter(waiting, { ...emptyFilter(), statuses: ['aguardando_n2'] }, NOW)).toBe(true);
    expect(matchesFilter(waiting, { ...emptyFilter(), statuses: ['em_atendimento'] }, NOW)).toBe(false);
    expect(matchesFilter(held, { ...emptyFilter(), statuses: ['em_atendimento'] }, NOW)).toBe(true);
    expect(matchesFilter(held, { ...emptyFilter(), statuses: ['aguardando_n2'] }, NOW)).toBe(false);
    expect(toQueueFilter({ ...emptyFilter(), statuses: ['aguardando_n2'] })).toMatchObject({ stages: ['aguardando_n2'] });
  });

  it('builds the core query from the view', () => {
    expect(toQueueFilter({ ...emptyFilter(), assignee: 'unassigned', atRisk: true, openOnly: false })).toEqual({
      openOnly: false,
      limit: 20_000,
      assigneeId: null,
      dueWithinMs: AT_RISK_MS,
    });
  });
});

describe('urgency order', () => {
  it('puts the soonest live deadline first and OCs without one (or closed) last', () => {
    const late = row({ id: 'late', sla: { clock: 'resolution', state: 'running', dueAt: NOW + 9e6, percent: 1, breachedAt: null } });
    const early = row({ id: 'early', sla: { clock: 'resolution', state: 'running', dueAt: NOW + 1e6, percent: 1, breachedAt: null } });
    const paused = row({ id: 'paused', sla: { clock: 'resolution', state: 'paused', dueAt: null, percent: 30, breachedAt: null } });
    const closed = row({ id: 'closed', status: 'encerrada', sla: { clock: 'resolution', state: 'breached', dueAt: NOW - 9e6, percent: 200, breachedAt: NOW - 9e6 } });
    expect([late, paused, closed, early].sort(compareUrgency).map((r) => r.id)).toEqual(['early', 'late', 'paused', 'closed']);
    expect(urgencyOf(closed)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('patches a sorted view: changed rows move, leave or enter', () => {
    const a = row({ id: 'a', sla: { clock: 'resolution', state: 'running', dueAt: NOW + 1e6, percent: 1, breachedAt: null } });
    const b = row({ id: 'b', sla: { clock: 'resolution', state: 'running', dueAt: NOW + 2e6, percent: 1, breachedAt: null } });
    const c = row({ id: 'c', sla: { clock: 'resolution', state: 'running', dueAt: NOW + 3e6, percent: 1, breachedAt: null } });
    const view = [a, b, c];
    // b became more urgent; c was taken by someone (leaves an "unassigned" view); d is new.
    const b2 = { ...b, sla: { ...b.sla!, dueAt: NOW + 5e5 } };
    const c2 = { ...c, assigneeId: 'x' };
    const d = row({ id: 'd', sla: { clock: 'resolution', state: 'running', dueAt: NOW + 1.5e6, percent: 1, breachedAt: null } });
    const patched = patchRows(view, [b2, c2, d], ['b', 'c', 'd'], { ...emptyFilter(), assignee: 'unassigned' }, NOW);
    expect(patched.map((r) => r.id)).toEqual(['b', 'a', 'd']);
    // Rows that did not change keep their identity (memoised table rows do not re-render).
    expect(patched[1]).toBe(a);
  });
});
