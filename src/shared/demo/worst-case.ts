import { cnpjCheckDigits, foldText, type Analyst, type Channel, type Contact, type Criticidade, type Customer, type OcKind, type Plan } from '../domain';
import { systemActor, type Actor } from '../oc/actor';
import type { Cast } from './stories';
import { Prng } from './prng';
import { Simulation } from './simulation';

// The worst-case fixture (issue 12): the demo plus what makes screens break — the longest names the schemas
// allow, 200-character subjects, a breach 99 days old, every plan × criticidade, status, kind and channel, long
// module names, pending recados, N2 pick-ups waiting (one long breached), predicted breaches, a reclassified
// breach, a quote awaiting approval. Everything goes through the real mutators on the simulation clock, so each
// history is one the state machine allows. At WORST_CASE_NOW (22:00 in São Paulo, the office closed) nearly every
// running countdown is 10 h or more: "the night when every countdown is long".

const { MINUTE, HOUR, DAY } = Simulation;

/** A Wednesday night in São Paulo (22:00, the office closed since 18:00): the default "now" of the fixture. */
export const WORST_CASE_NOW = Date.parse('2026-11-25T22:00:00-03:00');
/** How far back the fixture's history reaches (the 99-day breach): the SLA configuration must be older. */
export const WORST_CASE_HISTORY_DAYS = 110;

/** The long texts, exported so tests can look for them on screen (each at or near its schema's maximum). */
export const WORST_CASE_TEXT = {
  /** 160 characters: the customer name's maximum. */
  longestCustomer: 'Companhia Brasileira de Distribuição Atacadista, Importação e Exportação de Materiais Elétricos, Hidráulicos e de Construção Civil dos Estados de São Paulo Ltda',
  realisticCustomer: 'Cooperativa Agroindustrial dos Produtores Rurais do Vale do Rio Paranapanema Ltda.',
  prataCustomer: 'Indústria e Comércio de Máquinas e Implementos Agrícolas Irmãos Wolkmann-Schimidtberger EIRELI',
  /** 120 characters: the analyst name's maximum. */
  longestAnalyst: 'Maximiliano Bartolomeu de Albuquerque Cavalcanti Wanderley de Vasconcellos Bittencourt Guimarães Figueiredo Magalhães Jr',
  secondAnalyst: 'Ana Carolina Figueiredo Magalhães de Oliveira Bittencourt Guimarães',
  thirdAnalyst: 'José Wellington Washington Aparecido dos Santos Nascimento',
  /** 120 characters: a contact's (and a recado caller's) maximum. */
  longestContact: 'Maria Aparecida de Fátima Conceição dos Santos Albuquerque Cavalcanti de Vasconcellos Bragança e Orleans Wanderley Filha',
  /** 60 and 59 characters: the catalog name's maximum. */
  longModule: 'Integração Fiscal e Escrituração Digital (SPED Fiscal e EFD)',
  secondModule: 'Gestão de Contratos, Convênios e Faturamento Recorrente GCR',
  /** 200 characters each: the subject's maximum. */
  subjects: [
    'Rejeição nº 539 (duplicidade de NF-e com diferença na chave de acesso) ao transmitir notas de devolução de mercadoria em consignação emitidas pela filial de Presidente Prudente após atualizar a versão',
    'Após a atualização da versão semanal, o fechamento mensal da folha de pagamento calcula em duplicidade o adicional noturno e as horas extras dos colaboradores da unidade de Ourinhos no eSocial S-1200.',
    'Relatório gerencial de faturamento recorrente por contrato, convênio e centro de custo exporta valores zerados para o Excel quando o período selecionado atravessa a virada do exercício fiscal anual...',
  ],
} as const;

export const WORST_CASE_MODULES = { sped: 'sped_efd', contratos: 'contratos_gcr' } as const;

/** What the fixture needs from the demo being generated. */
export interface DemoWorld {
  sim: Simulation;
  cast: Cast;
  now: number;
}

const SIMULATION = {
  steps: '1. Emitir a nota de devolução na filial 04.\n2. Transmitir à SEFAZ.\n3. Conferir o retorno da transmissão.',
  environment: 'Base de homologação com cópia dos dados do cliente, versão atual',
  evidence: 'XML da NF-e e log da transmissão anexados.',
  expected: 'A nota é autorizada pela SEFAZ.',
  actual: 'A SEFAZ rejeita a nota (539).',
};

const CRITICIDADES: readonly Criticidade[] = ['critica', 'alta', 'media', 'baixa'];
const KINDS: readonly OcKind[] = ['erro', 'duvida', 'solicitacao', 'alteracao_banco', 'atualizacao_versao'];

/** Adds the worst cases to a demo in the making (before its simulation runs); its own random stream. */
export const addWorstCase = ({ sim, cast, now }: DemoWorld): void => {
  const rng = new Prng(0x5e1f);
  const admin = [...sim.state.analysts.values()].find((a) => a.role === 'admin') ?? (cast.leads[0] as Analyst);
  const as = (analyst: Analyst): Actor => sim.analyst(analyst);
  const setupAt = now - (WORST_CASE_HISTORY_DAYS + 5) * DAY;
  const must = (what: string, refusal: ReturnType<Simulation['act']>): void => {
    if (refusal !== null) throw new Error(`worst-case fixture: ${what} was refused: ${refusal.message.en}`);
  };
  const at = (instant: number, step: () => void): void => sim.schedule(instant, step);

  // The catalog, the customers, their contacts and three analysts with the longest names — by the admin.
  const T = WORST_CASE_TEXT;
  const ids = { customers: [rng.uuid(), rng.uuid(), rng.uuid()], analysts: [rng.uuid(), rng.uuid(), rng.uuid()] };
  const plans: Plan[] = ['vip', 'ouro', 'prata'];
  const customerNames = [T.realisticCustomer, T.longestCustomer, T.prataCustomer];
  const contacts = new Map<string, Contact[]>();
  const customer = (i: number): Customer => sim.state.customers.get(ids.customers[i] as string) as Customer;
  const analyst = (i: number): Analyst => sim.state.analysts.get(ids.analysts[i] as string) as Analyst;
  at(setupAt, () => {
    must('module', sim.act('catalog.upsert', { id: WORST_CASE_MODULES.sped, kind: 'module', name: T.longModule, active: true }, as(admin), setupAt));
    must('module', sim.act('catalog.upsert', { id: WORST_CASE_MODULES.contratos, kind: 'module', name: T.secondModule, active: true }, as(admin), setupAt));
    customerNames.forEach((name, i) => {
      must('customer', sim.act('customer.upsert', {
        id: ids.customers[i], name, cnpj: `${['11444777', '45997418', '60746948'][i] as string}0001${cnpjCheckDigits(`${['11444777', '45997418', '60746948'][i] as string}0001`)}`, segment: ['agronegocio', 'distribuicao', 'industria'][i],
        modules: ['financeiro', 'fiscal', 'faturamento', 'folha', 'bi', WORST_CASE_MODULES.sped, WORST_CASE_MODULES.contratos], plan: plans[i],
        monthlyFeeCents: [14_999_00, 5_999_00, 2_999_00][i], implantacaoTermSignedAt: setupAt, eadExtranetCompletedAt: setupAt, slaAcknowledgedAt: setupAt,
      }, as(admin), setupAt));
      const people = i === 0 ? [T.longestContact, 'Sebastião Nepomuceno Wolkmann-Schimidtberger de Araújo'] : [i === 1 ? T.longestContact : 'Hildegard Schimidtberger Wolkmann da Silveira Prado'];
      contacts.set(ids.customers[i] as string, people.map((person, k) => {
        const contact = { id: rng.uuid(), customerId: ids.customers[i], name: person, email: `${foldText(person).replace(/[^a-z]+/g, '.').slice(0, 40)}${i}@cliente-exemplo.com.br`,
          phone: '(18) 99999-0000', role: k === 0 ? 'gerente_projeto' : 'contato_adicional', extranetAccess: true, active: true };
        must('contact', sim.act('contact.upsert', contact, as(admin), setupAt));
        return sim.state.contacts.get(contact.id) as Contact;
      }));
    });
    const everyModule = ['financeiro', 'fiscal', 'faturamento', 'folha', 'bi', WORST_CASE_MODULES.sped, WORST_CASE_MODULES.contratos];
    [[T.longestAnalyst, 'maximiliano', 'n1', 'available', 8], [T.secondAnalyst, 'anacarolina', 'n2', 'on_call', 10], [T.thirdAnalyst, 'wellington', 'n1', 'break', 6]].forEach(([name, login, level, presence, capacity], i) => {
      must('analyst', sim.act('analyst.upsert', {
        id: ids.analysts[i], name, login, email: `${login as string}@unosolucoes.com.br`, level, role: 'analyst', modules: everyModule,
        segments: ['agronegocio', 'distribuicao', 'industria'], capacity, presence, active: true,
      }, as(admin), setupAt));
    });
  });

  /** One OC, opened by the customer on the Extranet or by an analyst by phone, Skype or internally. */
  const open = (instant: number, c: number, o: { criticidade: Criticidade; channel?: Channel; module?: string; kind?: OcKind; subject?: number }, then?: (ocId: string) => void): void => {
    const id = rng.uuid();
    at(instant, () => {
      const who = customer(c);
      const contact = contacts.get(who.id)?.[0];
      const channel = o.channel ?? 'extranet';
      const actor: Actor = channel === 'extranet' && contact !== undefined ? { kind: 'contact', contact } : as(analyst(0));
      const subject = T.subjects[(o.subject ?? c) % T.subjects.length] as string;
      must('oc.create', sim.act('oc.create', {
        id, customerId: who.id, contactId: contact?.id ?? null, channel, module: o.module ?? WORST_CASE_MODULES.sped, criticidade: o.criticidade,
        kind: o.kind ?? 'erro', subject, description: `${subject}\n\nA operação da filial está parada até a correção.`, preferredAnalystId: null,
        callStartedAt: channel === 'phone' ? instant - 6 * MINUTE : null,
      }, actor, instant));
      then?.(id);
    });
  };
  const step = (instant: number, what: string, run: () => ReturnType<Simulation['act']>): void => at(instant, () => must(what, run()));
  const take = (instant: number, ocId: string, a: number): void => step(instant, 'take', () => sim.act('oc.take', { ocId }, as(analyst(a)), instant));
  const reply = (instant: number, ocId: string, a: number): void =>
    step(instant, 'reply', () => sim.act('oc.reply', { ocId, interactionId: rng.uuid(), body: 'Recebemos a ocorrência e já estamos reproduzindo o problema na base de homologação.' }, as(analyst(a)), instant));

  // The 99-day breach: VIP crítica (24×7, 4 h to solve), answered at once, never solved — "−99d 23h".
  const ancient = now - (99 * DAY + 23 * HOUR + 30 * MINUTE) - 4 * HOUR;
  open(ancient, 0, { criticidade: 'critica', kind: 'erro', subject: 0 }, (ocId) => {
    take(ancient + 5 * MINUTE, ocId, 0);
    reply(ancient + 10 * MINUTE, ocId, 0);
    // Its duplicate, cancelled by a lead.
    open(ancient + 20 * MINUTE, 0, { criticidade: 'critica', kind: 'erro', subject: 0 }, (dup) =>
      step(ancient + 40 * MINUTE, 'cancel', () => sim.act('oc.cancel', { ocId: dup, reason: 'duplicada', duplicateOfId: ocId }, as(cast.leads[0] as Analyst), ancient + 40 * MINUTE)));
  });

  // Tonight's arrivals, every plan × criticidade, none picked up: tomorrow's long countdowns (and, for VIP
  // crítica on 24×7, tonight's short ones). Half in the long modules, half in the usual ones.
  const evening = now - 6 * HOUR;
  const channels: Channel[] = ['extranet', 'phone', 'skype', 'internal'];
  for (let c = 0; c < 3; c += 1) {
    CRITICIDADES.forEach((criticidade, k) => {
      const module = [WORST_CASE_MODULES.sped, WORST_CASE_MODULES.contratos, 'fiscal', 'folha'][(c + k) % 4];
      open(evening + (c * 4 + k) * 25 * MINUTE, c, { criticidade, module, channel: channels[(c + k) % 4], kind: KINDS[(c + k) % KINDS.length], subject: c + k });
    });
  }

  // VIP crítica runs 24×7: tonight's two are the short countdowns ("18m", "5m 00s") above the long ones.
  for (const [minutes, module] of [[12, WORST_CASE_MODULES.sped], [25, WORST_CASE_MODULES.contratos]] as const) open(now - minutes * MINUTE, 0, { criticidade: 'critica', module, subject: minutes });

  // In the hands of the longest name: at full capacity (8/8), so the long module's queue has nobody free —
  // predicted breaches — and yesterday's OCs keep running long clocks.
  for (let i = 0; i < 6; i += 1) {
    const instant = now - DAY - (8 - i) * HOUR;
    open(instant, i % 3, { criticidade: CRITICIDADES[i % 4] as Criticidade, module: i % 2 === 0 ? WORST_CASE_MODULES.sped : 'financeiro', subject: i }, (ocId) => {
      take(instant + 20 * MINUTE, ocId, 0);
      if (i % 2 === 0) reply(instant + 40 * MINUTE, ocId, 0);
    });
  }
  // Morning arrivals in the long module, unassigned, due tomorrow morning: nobody with the module is free.
  for (let i = 0; i < 3; i += 1) open(now - 5 * HOUR - i * 20 * MINUTE, i, { criticidade: i === 2 ? 'alta' : 'critica', module: WORST_CASE_MODULES.sped, subject: i });

  // N2 pick-ups: one escalated two days ago and never picked up (OLA long breached), one escalated tonight.
  for (const [instant, c, n1] of [[now - 2 * DAY - 6 * HOUR, 1, 0], [now - 5 * HOUR, 2, 2]] as const) {
    open(instant, c, { criticidade: 'alta', channel: 'phone', subject: 2 }, (ocId) => {
      take(instant + 10 * MINUTE, ocId, n1);
      reply(instant + 15 * MINUTE, ocId, n1);
      step(instant + 30 * MINUTE, 'escalate', () => sim.act('oc.escalate', { ocId, simulationInteractionId: rng.uuid(), simulation: SIMULATION }, as(analyst(n1)), instant + 30 * MINUTE));
    });
  }

  // Every other status, on the long names: waiting for the customer, forwarded to development, waiting for a
  // version, solved, reopened, closed; a quote awaiting approval; a reclassified breach.
  const week = now - 6 * DAY;
  open(week, 0, { criticidade: 'media', kind: 'duvida', subject: 1 }, (ocId) => {
    take(week + 10 * MINUTE, ocId, 2);
    reply(week + 20 * MINUTE, ocId, 2);
    step(week + 30 * MINUTE, 'pause', () => sim.act('oc.pause', { ocId }, as(analyst(2)), week + 30 * MINUTE));
  });
  for (const [c, target] of [[1, 'dev'], [2, 'version']] as const) {
    const start = week + c * HOUR;
    open(start, c, { criticidade: 'alta', kind: 'erro', channel: 'skype', subject: c }, (ocId) => {
      take(start + 10 * MINUTE, ocId, 0);
      reply(start + 15 * MINUTE, ocId, 0);
      step(start + 30 * MINUTE, 'escalate', () => sim.act('oc.escalate', { ocId, simulationInteractionId: rng.uuid(), simulation: SIMULATION }, as(analyst(0)), start + 30 * MINUTE));
      take(start + 45 * MINUTE, ocId, 1);
      step(start + 2 * HOUR, 'forwardDev', () => sim.act('oc.forwardDev', { ocId, devReference: 'DEV-53900-NFE-DEVOLUCAO-CONSIGNACAO', simulationInteractionId: rng.uuid(), simulation: null }, as(analyst(1)), start + 2 * HOUR));
      if (target === 'version') step(start + 3 * HOUR, 'setTargetVersion', () => sim.act('oc.setTargetVersion', { ocId, version: cast.releaseAfter(now) }, as(analyst(1)), start + 3 * HOUR));
    });
  }
  for (const [c, fate] of [[0, 'solved'], [1, 'reopened'], [2, 'closed']] as const) {
    const start = fate === 'closed' ? now - 20 * DAY : now - 2 * DAY + c * HOUR;
    open(start, c, { criticidade: 'baixa', kind: 'solicitacao', channel: 'internal', subject: c }, (ocId) => {
      take(start + 10 * MINUTE, ocId, 2);
      reply(start + 20 * MINUTE, ocId, 2);
      step(start + HOUR, 'resolve', () => sim.act('oc.resolve', { ocId, note: 'Parâmetro de transmissão corrigido e nota autorizada.' }, as(analyst(2)), start + HOUR));
      if (fate === 'reopened') {
        const contact = contacts.get(customer(c).id)?.[0] as Contact;
        step(start + 3 * HOUR, 'reopen', () => sim.act('oc.customerReply', { ocId, interactionId: rng.uuid(), body: 'O problema voltou a acontecer na filial de Ourinhos.' }, { kind: 'contact', contact }, start + 3 * HOUR));
      }
      if (fate === 'closed') step(start + 2 * DAY, 'close', () => sim.act('oc.close', { ocId }, systemActor('Encerramento automático'), start + 2 * DAY));
    });
  }
  open(now - 3 * DAY, 1, { criticidade: 'media', kind: 'alteracao_banco', subject: 2 }, (ocId) => {
    take(now - 3 * DAY + 10 * MINUTE, ocId, 0);
    reply(now - 3 * DAY + 20 * MINUTE, ocId, 0);
    step(now - 3 * DAY + HOUR, 'quote', () => sim.act('oc.recordQuote', { ocId, amountCents: 1_500_00, description: 'Script de correção da base executado pelo desenvolvimento' }, as(analyst(0)), now - 3 * DAY + HOUR));
  });
  const yesterday = now - DAY - 9 * HOUR;
  open(yesterday, 0, { criticidade: 'baixa', kind: 'duvida', module: WORST_CASE_MODULES.contratos, subject: 2 }, (ocId) =>
    step(yesterday + 3 * HOUR, 'reclassify', () => sim.act('oc.changeCriticidade', { ocId, criticidade: 'critica' }, as(cast.leads[0] as Analyst), yesterday + 3 * HOUR)));

  // Recados waiting for the long names, from the longest caller.
  for (let i = 0; i < 4; i += 1) {
    const instant = now - (i + 1) * 5 * HOUR;
    step(instant, 'recado', () => sim.act('recado.create', {
      id: rng.uuid(), forAnalystId: ids.analysts[i % 3], customerId: ids.customers[i % 3], ocId: null, callerName: T.longestContact, callerPhone: '(18) 99999-0000',
      message: 'Pediu retorno urgente sobre a rejeição das notas de devolução; a filial está parada desde a manhã.',
    }, as(cast.analysts[0] as Analyst), instant));
  }
};
