import { describe, expect, it } from 'vitest';
import { isDomainError, type OcEvent } from '../../../../src/shared/domain';
import { ANA, BEATRIZ, BRUNO, RAFAEL, SIMULATION, T0, World } from '../../../fixtures/domain';

const MIN = 60_000;
const HOUR = 60 * MIN;

const createOc = (world: World, id = 'oc-1', extra: Record<string, unknown> = {}) =>
  world.ok('oc.create', {
    id, customerId: 'cust-1', channel: 'extranet', module: 'fiscal', criticidade: 'alta', kind: 'erro',
    subject: 'Rejeição 225 na NF-e', description: 'Ao transmitir a nota de devolução…', ...extra,
  }, world.contactActor());

const types = (events: OcEvent[]) => events.map((e) => (e.data.type === 'status_changed' ? `${e.data.from}→${e.data.to}` : e.data.type));

describe('an ocorrência from the Extranet to its closing', () => {
  it('is created new at N1, with the clock starting at the server receipt', () => {
    const world = new World();
    const events = createOc(world);
    const oc = world.oc('oc-1');
    expect(oc).toMatchObject({ status: 'nova', level: 'n1', plan: 'ouro', segment: 'industria', assigneeId: null, contactId: 'contact-1', createdAt: T0 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: 'test:1:0', ocId: 'oc-1', at: T0, data: { type: 'created', plan: 'ouro', criticidade: 'alta', slaConfigVersion: 1 } });
  });

  it('goes take → reply → pause → customer reply → resolve → reopen → take → resolve → close', () => {
    const world = new World();
    createOc(world);
    expect(types(world.ok('oc.take', { ocId: 'oc-1' }, world.as(ANA), T0 + 5 * MIN))).toEqual(['assigned', 'nova→em_atendimento']);
    expect(world.oc('oc-1')).toMatchObject({ assigneeId: 'ana', assignedAt: T0 + 5 * MIN });
    const reply = world.ok('oc.reply', { ocId: 'oc-1', interactionId: 'r1', body: 'Verificando.' }, world.as(ANA), T0 + 6 * MIN);
    expect(reply[0]?.data).toEqual({ type: 'interaction_added', interactionId: 'r1', kind: 'public_reply', customerVisibleAgentAction: true });
    expect(types(world.ok('oc.pause', { ocId: 'oc-1' }, world.as(ANA)))).toEqual(['em_atendimento→aguardando_cliente']);
    expect(types(world.ok('oc.customerReply', { ocId: 'oc-1', interactionId: 'c1', body: 'Segue o print.' }, world.contactActor()))).toEqual(['interaction_added', 'aguardando_cliente→em_atendimento']);
    world.ok('oc.resolve', { ocId: 'oc-1', note: 'Cadastro corrigido.' }, world.as(ANA), T0 + HOUR);
    expect(world.oc('oc-1')).toMatchObject({ status: 'solucionada', solvedAt: T0 + HOUR, resolution: { code: 'solucionada' } });
    expect(types(world.ok('oc.customerReply', { ocId: 'oc-1', interactionId: 'c2', body: 'Voltou a acontecer.' }, world.contactActor()))).toEqual(['interaction_added', 'solucionada→reaberta']);
    expect(world.oc('oc-1')).toMatchObject({ status: 'reaberta', assigneeId: 'ana', solvedAt: null });
    expect(types(world.ok('oc.take', { ocId: 'oc-1' }, world.as(ANA)))).toEqual(['reaberta→em_atendimento']);
    world.ok('oc.resolve', { ocId: 'oc-1' }, world.as(ANA));
    world.ok('oc.close', { ocId: 'oc-1' }, { kind: 'system', id: 'system', name: 'Encerramento automático' });
    expect(world.oc('oc-1').status).toBe('encerrada');
    expect(world.run('oc.reopen', { ocId: 'oc-1', reason: 'cliente ligou' }, world.as(ANA))).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('counts an internal note at its own time and a public reply at the server receipt', () => {
    const world = new World();
    createOc(world);
    world.ok('oc.take', { ocId: 'oc-1' }, world.as(ANA));
    const note = world.ok('oc.note', { ocId: 'oc-1', interactionId: 'n1', body: 'Cliente antigo.' }, world.as(ANA), T0 + MIN);
    expect(note[0]).toMatchObject({ at: T0 + MIN, data: { kind: 'internal_note', customerVisibleAgentAction: false } });
  });

  it('deduplicates an interaction sent twice (same client id)', () => {
    const world = new World();
    createOc(world);
    world.ok('oc.take', { ocId: 'oc-1' }, world.as(ANA));
    world.ok('oc.reply', { ocId: 'oc-1', interactionId: 'same', body: 'Olá' }, world.as(ANA));
    expect(world.ok('oc.reply', { ocId: 'oc-1', interactionId: 'same', body: 'Olá' }, world.as(ANA))).toEqual([]);
    expect([...world.state.interactions.values()].filter((i) => i.id === 'same')).toHaveLength(1);
  });

  it('tells the second analyst who took the OC and when', () => {
    const world = new World();
    createOc(world);
    world.ok('oc.take', { ocId: 'oc-1' }, world.as(ANA), Date.parse('2026-03-02T13:42:00Z'));
    expect(world.run('oc.take', { ocId: 'oc-1' }, world.as(BRUNO))).toMatchObject({ code: 'ALREADY_TAKEN', message: { en: 'OC already taken by Ana Souza at 10:42.' } });
  });

  it('refuses to take beyond capacity, but a lead may', () => {
    const world = new World();
    world.state.write([{ table: 'analyst', row: { ...ANA, capacity: 1 } }], []);
    createOc(world, 'a');
    createOc(world, 'b');
    world.ok('oc.take', { ocId: 'a' }, world.as(ANA));
    expect(world.run('oc.take', { ocId: 'b' }, world.as(ANA))).toMatchObject({ code: 'CAPACITY_FULL' });
    world.ok('oc.take', { ocId: 'b' }, world.as(BEATRIZ));
  });
});

describe('escalation, development and releases', () => {
  const inProgress = () => {
    const world = new World();
    createOc(world);
    world.ok('oc.take', { ocId: 'oc-1' }, world.as(ANA));
    return world;
  };

  it('refuses escalation without a simulation record', () => {
    const world = inProgress();
    const refused = world.run('oc.escalate', { ocId: 'oc-1', simulationInteractionId: 's1' }, world.as(ANA));
    expect(refused).toMatchObject({ code: 'INVALID_ARGS' });
    expect(world.oc('oc-1').level).toBe('n1');
  });

  it('escalates to an unassigned N2 OC, keeps who escalated, and N2 returns it to them', () => {
    const world = inProgress();
    expect(types(world.ok('oc.escalate', { ocId: 'oc-1', simulationInteractionId: 's1', simulation: SIMULATION }, world.as(ANA)))).toEqual(['interaction_added', 'escalated', 'assigned']);
    expect(world.oc('oc-1')).toMatchObject({ level: 'n2', assigneeId: null, escalatedById: 'ana', lastSimulationId: 's1', status: 'em_atendimento' });
    expect(world.run('oc.take', { ocId: 'oc-1' }, world.as(BRUNO))).toMatchObject({ code: 'WRONG_LEVEL' });
    world.ok('oc.take', { ocId: 'oc-1' }, world.as(RAFAEL));
    expect(world.run('oc.escalate', { ocId: 'oc-1', simulationInteractionId: 's2', simulation: SIMULATION }, world.as(RAFAEL))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    world.ok('oc.returnToN1', { ocId: 'oc-1', noteInteractionId: 'n1', note: 'Parâmetro do cliente.' }, world.as(RAFAEL));
    expect(world.oc('oc-1')).toMatchObject({ level: 'n1', assigneeId: 'ana' });
  });

  it('lets only N2 or leads forward to development, with the simulation record, then a release solves it', () => {
    const world = inProgress();
    expect(world.run('oc.forwardDev', { ocId: 'oc-1', simulationInteractionId: 'x' }, world.as(ANA))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    world.ok('oc.escalate', { ocId: 'oc-1', simulationInteractionId: 's1', simulation: SIMULATION }, world.as(ANA));
    world.ok('oc.take', { ocId: 'oc-1' }, world.as(RAFAEL));
    const forwarded = world.ok('oc.forwardDev', { ocId: 'oc-1', devReference: 'DEV-4411', simulationInteractionId: 'unused' }, world.as(RAFAEL));
    expect(forwarded.find((e) => e.data.type === 'status_changed')?.data).toEqual({ type: 'status_changed', from: 'em_atendimento', to: 'encaminhada_dev', simulationId: 's1' });
    // Chosen among the planned versions: typed free, it is refused (issue 13); Rafael (N2) proposes it first.
    expect(world.run('oc.setTargetVersion', { ocId: 'oc-1', version: '2026.3.9' }, world.as(RAFAEL))).toMatchObject({ code: 'VERSION_UNKNOWN' });
    world.ok('version.plan', { id: 'pv-3-9', version: '2026.3.9', plannedFor: '2026-03-09' }, world.as(RAFAEL));
    world.ok('oc.setTargetVersion', { ocId: 'oc-1', version: '2026.3.9' }, world.as(RAFAEL));
    expect(world.oc('oc-1')).toMatchObject({ status: 'aguardando_versao', targetVersion: '2026.3.9' });
    expect(world.run('release.register', { id: 'rel', version: '2026.03.09', releasedAt: T0 }, world.as(RAFAEL))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    // Registered as "2026.03.09": one version with the "2026.3.9" the OC waits for.
    world.ok('release.register', { id: 'rel', version: '2026.03.09', releasedAt: T0 }, world.as(BEATRIZ));
    expect(world.oc('oc-1')).toMatchObject({ status: 'solucionada', resolution: { code: 'versao_liberada' } });
    const notice = world.state.interactions.get('rel:oc-1');
    expect(notice).toMatchObject({ kind: 'public_reply', ocId: 'oc-1' });
    expect(notice?.body).toContain('2026.3.9');
    expect(world.run('release.register', { id: 'other', version: '2026.3.09', releasedAt: T0 }, world.as(BEATRIZ))).toMatchObject({ code: 'RELEASE_EXISTS' });
    expect(world.state.plannedVersions.get('pv-3-9')).toMatchObject({ status: 'liberada', releaseId: 'rel' });
  });

  it('targeting a version already released solves the OC at once and tells the customer, whoever sets it', () => {
    const world = inProgress();
    world.ok('oc.escalate', { ocId: 'oc-1', simulationInteractionId: 's1', simulation: SIMULATION }, world.as(ANA));
    world.ok('oc.take', { ocId: 'oc-1' }, world.as(RAFAEL));
    world.ok('oc.forwardDev', { ocId: 'oc-1', devReference: 'DEV-4411', simulationInteractionId: 'unused' }, world.as(RAFAEL));
    world.ok('release.register', { id: 'rel-12-7', version: '2026.12.7', releasedAt: T0 }, world.as(BEATRIZ));
    const events = world.ok('oc.setTargetVersion', { ocId: 'oc-1', version: '2026.12.07' }, world.as(RAFAEL));
    expect(types(events)).toEqual(['field_changed', 'encaminhada_dev→aguardando_versao', 'interaction_added', 'aguardando_versao→solucionada']);
    expect(world.oc('oc-1')).toMatchObject({ status: 'solucionada', targetVersion: '2026.12.7', resolution: { code: 'versao_liberada', note: 'Versão 2026.12.7' } });
    expect(world.state.interactions.get('rel-12-7:oc-1')).toMatchObject({ kind: 'public_reply', ocId: 'oc-1' });
  });

  it('refuses to forward a database change without an approved quote', () => {
    const world = new World();
    createOc(world, 'db', { kind: 'alteracao_banco' });
    world.ok('oc.take', { ocId: 'db' }, world.as(BEATRIZ));
    const forward = { ocId: 'db', simulationInteractionId: 's', simulation: SIMULATION };
    expect(world.run('oc.forwardDev', forward, world.as(BEATRIZ))).toMatchObject({ code: 'QUOTE_REQUIRED' });
    world.ok('oc.recordQuote', { ocId: 'db', amountCents: 45_000, description: 'Script de ajuste de saldos' }, world.as(BEATRIZ));
    expect(world.run('oc.forwardDev', forward, world.as(BEATRIZ))).toMatchObject({ code: 'QUOTE_NOT_APPROVED' });
    world.ok('oc.recordQuoteDecision', { ocId: 'db', approved: false, decidedBy: 'Gerente de projeto' }, world.as(BEATRIZ));
    expect(world.run('oc.forwardDev', forward, world.as(BEATRIZ))).toMatchObject({ code: 'QUOTE_NOT_APPROVED' });
    world.ok('oc.recordQuoteDecision', { ocId: 'db', approved: true, decidedBy: 'Gerente de projeto' }, world.as(BEATRIZ));
    world.ok('oc.forwardDev', forward, world.as(BEATRIZ));
    expect(world.oc('db').status).toBe('encaminhada_dev');
  });

  it('refuses a quote on an OC that is not a database change', () => {
    const world = inProgress();
    expect(world.run('oc.recordQuote', { ocId: 'oc-1', amountCents: 1, description: 'abc' }, world.as(ANA))).toMatchObject({ code: 'QUOTE_ONLY_DB_CHANGE' });
  });

  it('hands a training need to CS as solved', () => {
    const world = inProgress();
    world.ok('oc.handOff', { ocId: 'oc-1', target: 'cs', note: 'Usuário novo sem treinamento.' }, world.as(ANA));
    expect(world.oc('oc-1')).toMatchObject({ status: 'solucionada', handoff: 'cs', resolution: { code: 'encaminhada_cs' } });
  });
});

describe('lead actions', () => {
  it('reassigns with history and refuses the same from an analyst', () => {
    const world = new World();
    createOc(world);
    world.ok('oc.take', { ocId: 'oc-1' }, world.as(ANA));
    expect(world.run('oc.reassign', { ocId: 'oc-1', toAnalystId: 'bruno' }, world.as(ANA))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    const events = world.ok('oc.reassign', { ocId: 'oc-1', toAnalystId: 'bruno' }, world.as(BEATRIZ));
    expect(events[0]?.data).toEqual({ type: 'assigned', fromId: 'ana', toId: 'bruno', level: 'n1', how: 'reassign' });
    expect(world.run('oc.reassign', { ocId: 'oc-1', toAnalystId: 'rafael' }, world.as(BEATRIZ))).toMatchObject({ code: 'WRONG_LEVEL' });
  });

  it('changes criticidade with an event (the SLA clock reads it), lead only', () => {
    const world = new World();
    createOc(world);
    expect(world.run('oc.changeCriticidade', { ocId: 'oc-1', criticidade: 'critica' }, world.as(ANA))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    const events = world.ok('oc.changeCriticidade', { ocId: 'oc-1', criticidade: 'critica' }, world.as(BEATRIZ));
    expect(events[0]?.data).toEqual({ type: 'criticidade_changed', from: 'alta', to: 'critica' });
  });

  it('cancels a duplicate only when pointing at an OC of the same customer', () => {
    const world = new World();
    createOc(world, 'first');
    createOc(world, 'dup');
    expect(world.run('oc.cancel', { ocId: 'dup', reason: 'duplicada' }, world.as(BEATRIZ))).toMatchObject({ code: 'DUPLICATE_OF_REQUIRED' });
    world.ok('oc.cancel', { ocId: 'dup', reason: 'duplicada', duplicateOfId: 'first' }, world.as(BEATRIZ));
    expect(world.oc('dup')).toMatchObject({ status: 'cancelada', cancelReason: 'duplicada' });
  });
});

describe('intake rules', () => {
  it('refuses an ineligible customer, naming each missing prerequisite', () => {
    const world = new World();
    world.state.write([{ table: 'customer', row: { ...world.state.customers.get('cust-1')!, eadExtranetCompletedAt: null, slaAcknowledgedAt: null } }], []);
    const result = world.run('oc.create', { id: 'x', customerId: 'cust-1', channel: 'extranet', module: 'fiscal', criticidade: 'alta', kind: 'erro', subject: 'Assunto', description: 'd' }, world.contactActor());
    expect(isDomainError(result)).toBe(true);
    expect(result).toMatchObject({ code: 'CUSTOMER_NOT_ELIGIBLE', details: { missing: ['ead_extranet', 'sla_acknowledged'] } });
    if (isDomainError(result)) {
      expect(result.message['pt-BR']).toContain('EAD de Extranet');
      expect(result.message['pt-BR']).toContain('ciência do plano de SLA');
      expect(result.message['pt-BR']).not.toContain('termo de aceite');
    }
  });

  it('refuses a module the customer does not license and a contact without Extranet access', () => {
    const world = new World();
    const args = { id: 'x', customerId: 'cust-1', channel: 'extranet', criticidade: 'alta', kind: 'erro', subject: 'Assunto', description: 'd' };
    expect(world.run('oc.create', { ...args, module: 'folha' }, world.contactActor())).toMatchObject({ code: 'MODULE_NOT_LICENSED' });
    world.state.write([{ table: 'contact', row: { ...world.state.contacts.get('contact-1')!, extranetAccess: false } }], []);
    expect(world.run('oc.create', { ...args, module: 'fiscal' }, world.contactActor())).toMatchObject({ code: 'EXTRANET_NOT_AUTHORISED' });
  });

  it('starts a phone OC at the call start', () => {
    const world = new World();
    const events = world.ok('oc.create', { id: 'p', customerId: 'cust-1', channel: 'phone', module: 'fiscal', criticidade: 'media', kind: 'duvida', subject: 'Dúvida', description: 'Ligou', callStartedAt: T0 - 7 * MIN }, world.as(ANA));
    expect(events[0]?.at).toBe(T0 - 7 * MIN);
  });
});
