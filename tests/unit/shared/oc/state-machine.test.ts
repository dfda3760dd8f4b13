import { describe, expect, it } from 'vitest';
import { OC_STATUSES, isDomainError, type Analyst, type OcStatus } from '../../../../src/shared/domain';
import { checkOcAction, OC_ACTION_RULES, OC_ACTIONS, type OcAction } from '../../../../src/shared/oc/state-machine';
import type { Actor } from '../../../../src/shared/oc/actor';
import { ADMIN, ANA, BEATRIZ, contact, RAFAEL } from '../../../fixtures/domain';

// The full (status × action × role) table, written out independently of OC_ACTION_RULES from SPEC §2 and §8,
// so a change to the rules that disagrees with the spec fails here.
type RoleColumn = 'n1' | 'n2' | 'lead' | 'admin';
const ALL_ROLES: RoleColumn[] = ['n1', 'n2', 'lead', 'admin'];
const LEADS: RoleColumn[] = ['lead', 'admin'];
const OPEN: OcStatus[] = ['nova', 'em_atendimento', 'aguardando_cliente', 'encaminhada_dev', 'aguardando_versao', 'reaberta'];

interface Expectation {
  from: OcStatus[];
  roles: RoleColumn[];
  /** Resulting status when allowed from each status (default: unchanged). */
  to?: Partial<Record<OcStatus, OcStatus>>;
}

const EXPECTED: Record<Exclude<OcAction, 'customer_reply'>, Expectation> = {
  take: { from: ['nova', 'reaberta', 'em_atendimento'], roles: ALL_ROLES, to: { nova: 'em_atendimento', reaberta: 'em_atendimento' } },
  reassign: { from: OPEN, roles: LEADS },
  reply: { from: OPEN, roles: ALL_ROLES, to: { nova: 'em_atendimento', reaberta: 'em_atendimento' } },
  note: { from: [...OC_STATUSES], roles: ALL_ROLES },
  log_call: { from: [...OPEN, 'solucionada'], roles: ALL_ROLES },
  add_simulation: { from: OPEN, roles: ALL_ROLES },
  pause: { from: ['em_atendimento'], roles: ALL_ROLES, to: { em_atendimento: 'aguardando_cliente' } },
  resume: { from: ['aguardando_cliente'], roles: ALL_ROLES, to: { aguardando_cliente: 'em_atendimento' } },
  escalate: { from: ['em_atendimento'], roles: ['n1', 'lead', 'admin'] },
  return_to_n1: { from: ['em_atendimento', 'aguardando_cliente'], roles: ['n2', 'lead', 'admin'] },
  forward_dev: { from: ['em_atendimento'], roles: ['n2', 'lead', 'admin'], to: { em_atendimento: 'encaminhada_dev' } },
  set_target_version: { from: ['encaminhada_dev', 'aguardando_versao'], roles: ['n2', 'lead', 'admin'], to: { encaminhada_dev: 'aguardando_versao', aguardando_versao: 'aguardando_versao' } },
  record_quote: { from: ['em_atendimento', 'aguardando_cliente'], roles: ALL_ROLES },
  record_quote_decision: { from: ['em_atendimento', 'aguardando_cliente'], roles: ALL_ROLES },
  hand_off: { from: ['em_atendimento', 'aguardando_cliente'], roles: ALL_ROLES, to: { em_atendimento: 'solucionada', aguardando_cliente: 'solucionada' } },
  resolve: {
    from: ['em_atendimento', 'aguardando_cliente', 'encaminhada_dev', 'aguardando_versao'],
    roles: ALL_ROLES,
    to: { em_atendimento: 'solucionada', aguardando_cliente: 'solucionada', encaminhada_dev: 'solucionada', aguardando_versao: 'solucionada' },
  },
  reopen: { from: ['solucionada'], roles: ALL_ROLES, to: { solucionada: 'reaberta' } },
  close: { from: ['solucionada'], roles: LEADS, to: { solucionada: 'encerrada' } },
  cancel: { from: ['nova', 'em_atendimento', 'aguardando_cliente', 'reaberta'], roles: ALL_ROLES, to: { nova: 'cancelada', em_atendimento: 'cancelada', aguardando_cliente: 'cancelada', reaberta: 'cancelada' } },
  change_criticidade: { from: OPEN, roles: LEADS },
  release_resolve: { from: ['aguardando_versao'], roles: LEADS, to: { aguardando_versao: 'solucionada' } },
  recompute_sla: { from: OPEN, roles: LEADS },
};

const PEOPLE: Record<RoleColumn, Analyst> = { n1: ANA, n2: RAFAEL, lead: BEATRIZ, admin: ADMIN };
const names = { analystName: (id: string) => (id === 'ana' ? 'Ana Souza' : id), timeZone: 'America/Sao_Paulo' };

describe('OC state machine: every status × action × role, on the actor’s own OC', () => {
  const cases = (Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>).flatMap((action) =>
    OC_STATUSES.flatMap((status) => ALL_ROLES.map((role) => ({ action, status, role }))),
  );

  it('covers every action of the machine', () => {
    expect(new Set([...Object.keys(EXPECTED), 'customer_reply'])).toEqual(new Set(OC_ACTIONS));
    expect(cases).toHaveLength((OC_ACTIONS.length - 1) * OC_STATUSES.length * ALL_ROLES.length);
  });

  it.each(cases)('$role: $action from $status', ({ action, status, role }) => {
    const me = PEOPLE[role];
    // Own OC at the actor's level; for take the OC is unassigned (taking someone else's is tested below).
    const oc = { status, assigneeId: action === 'take' ? null : me.id, assignedAt: null, level: me.level };
    const result = checkOcAction(action, oc, { kind: 'analyst', analyst: me }, names);
    const expected = EXPECTED[action];
    const allowed = expected.from.includes(status) && expected.roles.includes(role);
    if (allowed) {
      expect(result).toEqual({ to: expected.to?.[status] ?? status });
    } else {
      expect(isDomainError(result)).toBe(true);
      if (isDomainError(result)) {
        expect(result.code).toBe(expected.roles.includes(role) ? 'INVALID_TRANSITION' : 'FORBIDDEN_ROLE');
        expect(result.message['pt-BR'].length).toBeGreaterThan(10);
        expect(result.message.en.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('OC state machine: ownership, levels and actor kinds', () => {
  const analystActor = (a: Analyst): Actor => ({ kind: 'analyst', analyst: a });

  it('refuses to take an OC someone else holds, naming them and the time', () => {
    const result = checkOcAction('take', { status: 'em_atendimento', assigneeId: 'ana', assignedAt: Date.parse('2026-03-02T13:42:00Z'), level: 'n1' }, analystActor({ ...RAFAEL, level: 'n1' }), names);
    expect(result).toMatchObject({ code: 'ALREADY_TAKEN', message: { 'pt-BR': 'OC já assumida por Ana Souza às 10:42.', en: 'OC already taken by Ana Souza at 10:42.' } });
  });

  it('refuses an N1 analyst taking an N2 OC, but lets a lead take it', () => {
    expect(checkOcAction('take', { status: 'em_atendimento', assigneeId: null, assignedAt: null, level: 'n2' }, analystActor(ANA), names)).toMatchObject({ code: 'WRONG_LEVEL' });
    expect(checkOcAction('take', { status: 'em_atendimento', assigneeId: null, assignedAt: null, level: 'n2' }, analystActor(BEATRIZ), names)).toEqual({ to: 'em_atendimento' });
  });

  it.each(['reply', 'pause', 'resolve', 'cancel', 'escalate'] as const)('%s: refused on an OC held by another analyst, allowed for a lead', (action) => {
    const status: OcStatus = action === 'pause' || action === 'escalate' || action === 'reply' || action === 'cancel' || action === 'resolve' ? 'em_atendimento' : 'nova';
    const held = { status, assigneeId: 'ana', assignedAt: null, level: 'n1' as const };
    expect(checkOcAction(action, held, analystActor({ ...RAFAEL, id: 'bruno', level: 'n1' }), names)).toMatchObject({ code: 'NOT_OWNER' });
    expect(checkOcAction(action, held, analystActor(BEATRIZ), names)).not.toHaveProperty('code');
  });

  it('asks to take an unassigned OC before working on it', () => {
    expect(checkOcAction('reply', { status: 'nova', assigneeId: null, assignedAt: null, level: 'n1' }, analystActor(ANA), names)).toMatchObject({ code: 'NOT_ASSIGNED' });
  });

  // Issue 13 item 4: the refusals read as Portuguese ("Assuma a OC antes de respondê-la", not "… responder ela").
  it.each([
    ['reply', 'Assuma a OC antes de respondê-la.', 'Take the OC before you reply to it.'],
    ['pause', 'Assuma a OC antes de pausá-la.', 'Take the OC before you pause it.'],
    ['add_simulation', 'Assuma a OC antes de registrar uma simulação nela.', 'Take the OC before you add a simulation record to it.'],
    ['escalate', 'Assuma a OC antes de escalá-la para o Nível 2.', 'Take the OC before you escalate it to Level 2.'],
  ] as const)('%s on an unassigned OC asks to take it first, in a whole sentence', (action, pt, en) => {
    expect(checkOcAction(action, { status: 'em_atendimento', assigneeId: null, assignedAt: null, level: 'n1' }, analystActor(ANA), names)).toMatchObject({ code: 'NOT_ASSIGNED', message: { 'pt-BR': pt, en } });
  });

  it("names the holder in a whole sentence when the OC is someone else's", () => {
    const held = { status: 'em_atendimento' as const, assigneeId: 'ana', assignedAt: null, level: 'n1' as const };
    expect(checkOcAction('resolve', held, analystActor({ ...RAFAEL, id: 'bruno', level: 'n1' }), names)).toMatchObject({
      message: { 'pt-BR': 'Esta OC está com Ana Souza; só quem a assumiu ou um líder pode solucioná-la.', en: 'This OC belongs to Ana Souza; only the assignee or a lead may resolve it.' },
    });
  });

  it('every action only its owner may do has its sentence form (no "ela" after the verb)', () => {
    for (const [action, rule] of Object.entries(OC_ACTION_RULES)) {
      if (rule.ownership === 'own') expect(rule.it, action).toBeDefined();
    }
  });

  describe('an escalated OC no N2 has taken', () => {
    const escalated = { status: 'em_atendimento' as const, assigneeId: null, assignedAt: null, level: 'n2' as const };
    const reason = 'Esta OC foi escalada para o Nível 2 e aguarda um analista N2. Você pode acompanhá-la e adicionar notas internas.';
    it.each(['reply', 'pause', 'resolve', 'add_simulation', 'cancel'] as const)('N1 cannot %s it, and is told why', (action) => {
      expect(checkOcAction(action, escalated, analystActor(ANA), names)).toMatchObject({ code: 'ESCALATED_TO_N2', message: { 'pt-BR': reason } });
    });
    it('N1 cannot take it (same reason, the take keeps its WRONG_LEVEL code) but may add a note', () => {
      expect(checkOcAction('take', escalated, analystActor(ANA), names)).toMatchObject({ code: 'WRONG_LEVEL', message: { 'pt-BR': reason } });
      expect(checkOcAction('note', escalated, analystActor(ANA), names)).toEqual({ to: 'em_atendimento' });
    });
    it('an N2 may take it and is asked to take it before replying; a lead may reply', () => {
      expect(checkOcAction('take', escalated, analystActor(RAFAEL), names)).toEqual({ to: 'em_atendimento' });
      expect(checkOcAction('reply', escalated, analystActor(RAFAEL), names)).toMatchObject({ code: 'NOT_ASSIGNED' });
      expect(checkOcAction('reply', escalated, analystActor(BEATRIZ), names)).toEqual({ to: 'em_atendimento' });
    });
  });

  it('lets the phone analyst log a call and any analyst note an OC held by someone else', () => {
    const held = { status: 'em_atendimento' as const, assigneeId: 'bruno', assignedAt: null, level: 'n1' as const };
    expect(checkOcAction('log_call', held, analystActor(ANA), names)).toEqual({ to: 'em_atendimento' });
    expect(checkOcAction('note', held, analystActor(RAFAEL), names)).toEqual({ to: 'em_atendimento' });
  });

  it.each([
    ['aguardando_cliente', 'em_atendimento'],
    ['solucionada', 'reaberta'],
    ['em_atendimento', 'em_atendimento'],
    ['encaminhada_dev', 'encaminhada_dev'],
  ] as const)('a customer reply on %s moves it to %s', (from, to) => {
    expect(checkOcAction('customer_reply', { status: from, assigneeId: 'ana', assignedAt: null, level: 'n1' }, { kind: 'contact', contact: contact() }, names)).toEqual({ to });
  });

  it.each(['encerrada', 'cancelada'] as const)('a customer cannot reply to an OC that is %s', (status) => {
    expect(checkOcAction('customer_reply', { status, assigneeId: null, assignedAt: null, level: 'n1' }, { kind: 'contact', contact: contact() }, names)).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses analyst actions from a contact and contact actions from an analyst', () => {
    expect(checkOcAction('resolve', { status: 'em_atendimento', assigneeId: null, assignedAt: null, level: 'n1' }, { kind: 'contact', contact: contact() }, names)).toMatchObject({ code: 'ACTOR_NOT_ALLOWED' });
    expect(checkOcAction('customer_reply', { status: 'em_atendimento', assigneeId: null, assignedAt: null, level: 'n1' }, analystActor(ANA), names)).toMatchObject({ code: 'ACTOR_NOT_ALLOWED' });
  });

  it('lets the system close a solved OC (auto-close job)', () => {
    expect(checkOcAction('close', { status: 'solucionada', assigneeId: 'ana', assignedAt: null, level: 'n1' }, { kind: 'system', id: 'system', name: 'job' }, names)).toEqual({ to: 'encerrada' });
  });
});
