import { generateDemo, type DemoData } from '../../../../src/shared/demo/generate';
import { cnpjCheckDigits } from '../../../../src/shared/domain';
import type { MutatorName } from '../../../../src/shared/mutators/registry';
import { defaultSlaConfig } from '../../../../src/shared/sla/defaults';

// One valid value of every input schema, with every optional and nullable field filled, so the hostile-value walker
// (hostile.test.ts) reaches each string, number and boolean the boundary takes. A new contract method or mutator
// without a sample here fails that test.

export const NOW = Date.parse('2026-11-25T15:00:00Z');
export const ID = '3f2b8c1e-9a4d-4e7b-8c2f-1a2b3c4d5e6f';
export const ID2 = '9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e';
const base12 = '451239870001';
export const CNPJ = `${base12}${cnpjCheckDigits(base12)}`;

const simulation = {
  steps: 'Emitir NF-e 55 com CFOP 5102 para cliente do Simples',
  environment: 'UNO ERP 2026.47, Windows 11, base de homologação',
  evidence: 'print da rejeição 225 anexo',
  expected: 'Nota autorizada',
  actual: 'Rejeição 225: falha no schema XML',
};

const call = { direction: 'inbound', startedAt: NOW - 600_000, endedAt: NOW - 300_000, contactName: 'Helena Prado', phone: '(11) 4002-8922' };

export const slaConfigDraft = (): Record<string, unknown> => {
  const { version: _v, effectiveFrom: _e, ...draft } = defaultSlaConfig(NOW);
  const [business, ...others] = draft.calendars;
  return {
    ...draft,
    calendars: [
      { ...business, holidays: { country: 'BR', state: 'SP', city: 'SP', includeOptional: ['carnaval'] }, overrides: [{ date: '2026-12-24', intervals: [{ start: '08:00', end: '12:00' }], reason: 'Véspera de Natal' }] },
      ...others,
    ],
  };
};

/** Arguments of every mutator, as the server's parseMutationArgs receives them. */
export const mutatorSamples: Record<MutatorName, Record<string, unknown>> = {
  'oc.create': {
    id: ID, customerId: ID2, contactId: ID, channel: 'phone', module: 'fiscal', criticidade: 'alta', kind: 'erro',
    subject: 'Rejeição 225 na NF-e', description: 'Ao emitir a nota de venda o SEFAZ devolve a rejeição 225.', preferredAnalystId: ID2, callStartedAt: NOW,
  },
  'oc.take': { ocId: ID },
  'oc.reassign': { ocId: ID, toAnalystId: ID2 },
  'oc.reply': { ocId: ID, interactionId: ID2, body: 'Bom dia! Corrija o CST do item 3 e reenvie.' },
  'oc.note': { ocId: ID, interactionId: ID2, body: 'Cliente usa certificado A3.' },
  'oc.addSimulation': { ocId: ID, interactionId: ID2, simulation },
  'oc.customerReply': { ocId: ID, interactionId: ID2, body: 'Obrigado, funcionou.' },
  'oc.pause': { ocId: ID },
  'oc.resume': { ocId: ID },
  'oc.resolve': { ocId: ID, note: 'CST corrigido pelo cliente.' },
  'oc.reopen': { ocId: ID, reason: 'A rejeição voltou.' },
  'oc.close': { ocId: ID },
  'oc.cancel': { ocId: ID, reason: 'duplicada', duplicateOfId: ID2 },
  'oc.handOff': { ocId: ID, target: 'cs', note: 'Treinamento de novo funcionário.' },
  'oc.escalate': { ocId: ID, simulationInteractionId: ID2, simulation },
  'oc.returnToN1': { ocId: ID, noteInteractionId: ID2, note: 'Falta a versão do cliente.' },
  'oc.forwardDev': { ocId: ID, devReference: 'DEV-1234', simulationInteractionId: ID2, simulation },
  'oc.setTargetVersion': { ocId: ID, version: '2026.48' },
  'oc.recordQuote': { ocId: ID, amountCents: 150_000, description: 'Ajuste de 3 campos na tabela de itens' },
  'oc.recordQuoteDecision': { ocId: ID, approved: true, decidedBy: 'Helena Prado' },
  'oc.changeCriticidade': { ocId: ID, criticidade: 'critica' },
  'call.log': { interactionId: ID, customerId: ID2, ocId: ID, call, body: 'Cliente pediu retorno à tarde.' },
  'recado.create': { id: ID, forAnalystId: ID2, customerId: ID, ocId: ID2, callerName: 'Helena Prado', callerPhone: '(11) 4002-8922', message: 'Ligar de volta sobre a NF-e.' },
  'recado.done': { recadoId: ID },
  'release.register': { id: ID, version: '2026.48', releasedAt: NOW, notes: 'Correção da rejeição 225.' },
  'version.plan': { id: ID, version: '2026.12.07', plannedFor: '2026-12-07' },
  'version.update': { version: '2026.12.07', plannedFor: '2026-12-14', status: 'planejada' },
  'analyst.setPresence': { analystId: ID, presence: 'on_call' },
  'analyst.upsert': {
    id: ID, name: 'Ana Souza', login: 'ana.souza', email: 'ana@unosolucoes.com.br', level: 'n1', role: 'analyst',
    modules: ['fiscal'], segments: ['industria'], capacity: 10, presence: 'available', active: true,
  },
  'customer.upsert': {
    id: ID, name: 'Metalúrgica Horizonte Ltda.', cnpj: CNPJ, segment: 'industria', modules: ['financeiro'], plan: 'vip', monthlyFeeCents: 480_000,
    implantacaoTermSignedAt: NOW, eadExtranetCompletedAt: NOW, slaAcknowledgedAt: NOW,
  },
  'contact.upsert': { id: ID, customerId: ID2, name: 'Helena Prado', email: 'helena@horizonte.com.br', phone: '(11) 4002-8922', role: 'gerente_projeto', extranetAccess: true, active: true },
  'sla.recompute': {},
  'sla.updateConfig': { baseVersion: 1, config: slaConfigDraft() },
  'catalog.upsert': { id: 'fiscal', kind: 'module', name: 'Fiscal', active: true },
};

/** Arguments of the contract's queries (the mutation methods take the mutators' samples). */
export const querySamples: Record<string, Record<string, unknown>> = {
  'session.login': { login: 'ana', password: 'demo-password' },
  'queue.list': { modules: ['fiscal'], segments: ['industria'], levels: ['n1'], statuses: ['nova'], plans: ['vip'], criticidades: ['alta'], assigneeId: ID, customerId: ID2, breached: false, dueWithinMs: 3_600_000, openOnly: true, limit: 100 },
  'queue.count': { modules: ['fiscal'], assigneeId: ID, customerId: ID2, breached: true, dueWithinMs: 60_000, openOnly: false, limit: 10 },
  'queue.view': { levels: ['n2'], stages: ['aguardando_n2', 'em_atendimento'], plans: ['ouro'], assigneeId: null, openOnly: true, limit: 20_000 },
  'oc.get': { id: ID },
  'release.preview': { version: '2026.12.07' },
  'oc.search': { text: 'rejeição 225', limit: 20 },
  'search.run': { text: 'Araucária 12.345.678', filters: { statuses: ['nova'], modules: ['fiscal'], plans: ['vip'], openedFrom: '2026-11-01', openedTo: '2026-11-30' }, limit: 100 },
  'customer.search': { text: 'Horizonte' },
  'customer.card': { id: ID },
  'customer.calls': { customerId: ID, limit: 10 },
  'sync.dismissNotice': { id: ID },
  'queue.rows': { ids: [ID, ID2] },
  'kb.suggest': { module: 'fiscal', kind: 'duvida' },
  'customer.penalties': { customerId: ID },
  'customer.history': { customerId: ID },
  'customer.ocs': { customerId: ID, scope: 'closed', statuses: ['solucionada', 'encerrada'], sort: 'urgent', offset: 50, limit: 50 },
  'customer.callLog': { customerId: ID, offset: 50, limit: 50 },
  'prefs.put': { key: 'queue.columns', value: { widths: [120, 80] } },
  'presence.set': { ocId: ID, activity: 'replying' },
  'presence.get': { ocId: ID },
  'people.setPassword': { kind: 'contact', id: ID, password: 'uma-senha-longa' },
  'reports.compliance': { from: NOW - 86_400_000, to: NOW, granularity: 'day', groupBy: ['plan', 'module'], plans: ['ouro'], modules: ['fiscal'], analystIds: [ID], customerIds: [ID2] },
  'reports.penalties': { month: '2026-11' },
  'reports.penaltyDetail': { customerId: ID, month: '2026-11' },
  'reports.penaltyStatement': { customerId: ID, month: '2026-11', format: 'pdf' },
  'reports.volume': { from: NOW - 86_400_000, to: NOW, granularity: 'week' },
  'reports.exportTable': {
    table: { title: 'Volume', about: ['Período: 01/11/2026 a 30/11/2026'], columns: [{ header: 'Período', align: 'left', grow: false }, { header: 'Total', align: 'right', grow: true }], rows: [['sem. 23/11', '548']], total: ['Total', '548'], notes: ['Cada prazo conta no período em que foi decidido.'] },
    format: 'csv',
    fileName: 'volume-2026-11-01-2026-11-30',
    lang: 'pt-BR',
  },
  'config.holidayPreview': { source: { country: 'BR', state: 'SP', city: 'SP', includeOptional: ['carnaval'] }, year: 2027 },
  'config.holidayRegions': { state: 'SP' },
  'attachment.begin': { ocId: ID, name: 'rejeicao-225.png', size: 48_213 },
  'attachment.append': { id: ID, offset: 0, data: 'iVBORw0KGgo=' },
  'attachment.finish': { id: ID },
  'attachment.discard': { id: ID },
  'attachment.list': { ocId: ID },
  'attachment.read': { id: ID, offset: 0, length: 65_536 },
  'attachment.prefetch': { enabled: true },
};

let demo: DemoData | undefined;
/** A small deterministic demo world (the real mutators' output): the stored rows every table holds. */
export const demoData = (): DemoData => (demo ??= generateDemo({ ocs: 400, seed: 15, now: NOW }));

/** One row of every stored table, with its nullable fields filled so the walker reaches them too. */
export const entitySamples = (): Record<string, unknown> => {
  const data = demoData();
  const first = <T>(rows: readonly T[], what: string): T => {
    const row = rows[0];
    if (row === undefined) throw new Error(`the demo has no ${what}`);
    return row;
  };
  const oc = first(data.ocorrencias, 'OC');
  const interaction = first(data.interactions, 'interaction');
  const event = first(data.events, 'event');
  return {
    ocorrencia: {
      ...oc, number: 'OC-2026-000123', contactId: ID, assigneeId: ID, assignedAt: NOW, preferredAnalystId: ID2, escalatedById: ID, lastSimulationId: ID2,
      devReference: 'DEV-1234', targetVersion: '2026.48', handoff: 'cs', cancelReason: 'invalida', solvedAt: NOW, closedAt: NOW,
      quote: { amountCents: 10_000, description: 'Ajuste de campos', quotedAt: NOW, quotedById: ID, decision: { approved: true, decidedBy: 'Helena Prado', decidedAt: NOW, recordedById: ID2 } },
      resolution: { code: 'solucionada', note: 'Resolvido.' },
    },
    interaction: { ...interaction, ocId: ID, call, simulation },
    customer: first(data.customers, 'customer'),
    contact: { ...first(data.contacts, 'contact'), phone: '(11) 4002-8922' },
    analyst: first(data.analysts, 'analyst'),
    recado: { ...first(data.recados, 'recado'), ocId: ID, callerPhone: '(11) 4002-8922', doneAt: NOW, doneById: ID },
    release: { ...first(data.releases, 'release'), notes: 'Correção da rejeição 225.' },
    catalog: first(data.catalog, 'catalog item'),
    sla_config: { ...slaConfigDraft(), version: 2, effectiveFrom: NOW },
    oc_event: { ...event, data: { type: 'returned', from: 'n2', to: 'n1', note: 'Falta a versão do cliente.' } },
    oc_event_created: event,
  };
};
