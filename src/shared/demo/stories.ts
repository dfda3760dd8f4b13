import type { Analyst, Contact, Criticidade, Customer, OcKind, Ocorrencia } from '../domain';
import type { Actor } from '../oc/actor';
import { CUSTOMER_REPLIES, DESCRIPTION_CLOSERS, DESCRIPTION_OPENERS, NOTES, REPLIES, SUBJECTS } from './names';
import { officeTime, Simulation } from './simulation';
import type { Prng } from './prng';

const { MINUTE } = Simulation;

export interface Cast {
  analysts: Analyst[];
  leads: Analyst[];
  customers: Customer[];
  /** Extranet contacts per customer (the project manager first). */
  extranetContacts: Map<string, Contact[]>;
  /** OCs created so far per customer (a duplicate points at the customer's first). */
  ocsOfCustomer: Map<string, string[]>;
  /** Version label of the weekly release that ships after an instant. */
  releaseAfter: (instant: number) => string;
}

const SIMULATION = {
  steps: '1. Acessar o módulo indicado pelo cliente.\n2. Reproduzir a operação com os mesmos dados.\n3. Conferir o resultado.',
  environment: 'Base de homologação com cópia dos dados do cliente, versão atual',
  evidence: 'Prints e log da operação anexados à ocorrência.',
  expected: 'A operação conclui e atualiza os saldos.',
  actual: 'A operação exibe erro e não grava.',
};

/** One ocorrência's life, from the customer's first words to its closing, as steps on the simulation clock. */
export class OcStory {
  private ocId = '';
  private n1: Analyst | null = null;
  private takeAttempts = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly cast: Cast,
    private readonly customer: Customer,
    /** Opened and left waiting in the queue (a surge nobody has reached yet), drawing from its own stream. */
    private readonly options: { untouched?: boolean; rng?: Prng } = {},
  ) {}

  private get rng() {
    return this.options.rng ?? this.sim.rng;
  }

  private oc(): Ocorrencia | undefined {
    return this.sim.state.ocorrencias.get(this.ocId);
  }

  private later(from: number, minMinutes: number, maxMinutes: number, step: (at: number) => void): void {
    const at = officeTime(from + this.rng.int(minMinutes, maxMinutes) * MINUTE, this.rng);
    this.sim.schedule(at, () => step(at));
  }

  private lead(): Actor {
    return this.sim.analyst(this.rng.pick(this.cast.leads));
  }

  begin(createdAt: number): void {
    this.sim.schedule(createdAt, () => this.create(createdAt));
  }

  private create(at: number): void {
    const rng = this.rng;
    const contacts = this.cast.extranetContacts.get(this.customer.id) ?? [];
    const module = rng.pick(this.customer.modules);
    const kind: OcKind = rng.weighted([['erro', 40], ['duvida', 35], ['solicitacao', 15], ['alteracao_banco', 6], ['atualizacao_versao', 4]] as const);
    const criticidade: Criticidade = rng.weighted([['critica', 5], ['alta', 20], ['media', 45], ['baixa', 30]] as const);
    const channel = rng.weighted([['extranet', 70], ['phone', 25], ['internal', 5]] as const);
    const subjects = SUBJECTS[module] ?? ['Dúvida sobre o sistema'];
    const subject = rng.pick(subjects);
    const description = `${rng.pick(DESCRIPTION_OPENERS)} "${subject.toLowerCase()}" no módulo. ${rng.pick(DESCRIPTION_CLOSERS)}`;
    const contact = contacts[0];
    const phoneAnalyst = rng.pick(this.cast.analysts.filter((a) => a.level === 'n1'));
    const actor: Actor = channel === 'extranet' && contact !== undefined ? { kind: 'contact', contact } : this.sim.analyst(phoneAnalyst);
    this.ocId = rng.uuid();
    const refused = this.sim.act('oc.create', {
      id: this.ocId,
      customerId: this.customer.id,
      contactId: contact?.id ?? null,
      channel: actor.kind === 'contact' ? 'extranet' : channel === 'extranet' ? 'phone' : channel,
      module,
      criticidade,
      kind,
      subject,
      description,
      preferredAnalystId: rng.chance(0.06) ? rng.pick(this.cast.analysts.filter((a) => a.level === 'n1')).id : null,
      callStartedAt: actor.kind === 'analyst' ? at - rng.int(3, 15) * MINUTE : null,
    }, actor, at);
    if (refused !== null) return;
    if (actor.kind === 'analyst') {
      this.sim.act('call.log', {
        interactionId: rng.uuid(), customerId: this.customer.id, ocId: this.ocId,
        call: { direction: 'inbound', startedAt: at - 10 * MINUTE, endedAt: at - 2 * MINUTE, contactName: contact?.name ?? 'Cliente', phone: contact?.phone ?? null },
        body: 'Cliente ligou relatando o problema; OC aberta durante a ligação.',
      }, actor, at);
    }
    if (this.options.untouched === true) return;
    if (rng.chance(0.03)) {
      const original = this.cast.ocsOfCustomer.get(this.customer.id)?.[0];
      if (original !== undefined) {
        this.later(at, 10, 120, (t) => this.sim.act('oc.cancel', { ocId: this.ocId, reason: 'duplicada', duplicateOfId: original }, this.lead(), t));
        return;
      }
    }
    const mine = this.cast.ocsOfCustomer.get(this.customer.id);
    if (mine === undefined) this.cast.ocsOfCustomer.set(this.customer.id, [this.ocId]);
    else mine.push(this.ocId);
    this.later(at, 3, 240, (t) => this.take(t));
  }

  private pickAnalyst(level: 'n1' | 'n2'): Analyst {
    const oc = this.oc() as Ocorrencia;
    const fits = this.cast.analysts.filter((a) => a.level === level && a.modules.includes(oc.module) && a.segments.includes(oc.segment));
    const preferred = oc.preferredAnalystId === null ? undefined : this.cast.analysts.find((a) => a.id === oc.preferredAnalystId);
    if (preferred !== undefined && level === 'n1') return preferred;
    return this.rng.pick(fits.length > 0 ? fits : this.cast.analysts.filter((a) => a.level === level));
  }

  private take(at: number): void {
    const oc = this.oc();
    if (oc === undefined || oc.status === 'cancelada') return;
    if (oc.criticidade !== 'critica' && this.rng.chance(0.02)) {
      this.sim.act('oc.changeCriticidade', { ocId: oc.id, criticidade: 'critica' }, this.lead(), at);
    }
    const analyst = this.pickAnalyst('n1');
    if (this.sim.act('oc.take', { ocId: oc.id }, this.sim.analyst(analyst), at) !== null) {
      // Busy team: try again later, as a real queue would be worked (steps after `now` never run).
      this.takeAttempts += 1;
      if (this.takeAttempts < 200) this.later(at, 20, 90, (t) => this.take(t));
      return;
    }
    this.n1 = analyst;
    this.later(at, 2, 60, (t) => this.firstReply(t));
  }

  private firstReply(at: number): void {
    const me = this.sim.analyst(this.n1 as Analyst);
    this.sim.act('oc.reply', { ocId: this.ocId, interactionId: this.rng.uuid(), body: this.rng.pick(REPLIES) }, me, at);
    if (this.rng.chance(0.2)) this.sim.act('oc.note', { ocId: this.ocId, interactionId: this.rng.uuid(), body: this.rng.pick(NOTES) }, me, at + MINUTE);
    const oc = this.oc() as Ocorrencia;
    const path = this.rng.weighted([
      ['resolve', 55],
      ['pause', 17],
      ['escalate', oc.kind === 'erro' ? 30 : 6],
      ['db_change', oc.kind === 'alteracao_banco' ? 80 : 0],
      ['hand_off', oc.kind === 'duvida' ? 6 : 0],
    ] as const);
    if (path === 'resolve') this.later(at, 20, 16 * 60, (t) => this.resolve(t, me));
    else if (path === 'pause') this.later(at, 5, 120, (t) => this.pause(t, me));
    else if (path === 'escalate') this.later(at, 30, 24 * 60, (t) => this.escalate(t, me));
    else if (path === 'db_change') this.later(at, 30, 8 * 60, (t) => this.quote(t, me));
    else this.later(at, 10, 240, (t) => this.sim.act('oc.handOff', { ocId: this.ocId, target: 'cs', note: 'Usuário novo precisa de capacitação: encaminhado ao CS.' }, me, t) ?? this.afterSolved(t));
  }

  private pause(at: number, me: Actor): void {
    if (this.sim.act('oc.pause', { ocId: this.ocId }, me, at) !== null) return;
    this.later(at, 60, 3 * 24 * 60, (t) => {
      if (this.customerReply(t) === null) this.later(t, 30, 24 * 60, (t2) => this.resolve(t2, me));
    });
  }

  private customerReply(at: number) {
    const contact = this.cast.extranetContacts.get(this.customer.id)?.[0];
    if (contact === undefined) return null;
    return this.sim.act('oc.customerReply', { ocId: this.ocId, interactionId: this.rng.uuid(), body: this.rng.pick(CUSTOMER_REPLIES) }, { kind: 'contact', contact }, at);
  }

  private escalate(at: number, me: Actor): void {
    if (this.sim.act('oc.escalate', { ocId: this.ocId, simulationInteractionId: this.rng.uuid(), simulation: SIMULATION }, me, at) !== null) return;
    this.later(at, 10, 150, (t) => this.n2Take(t, me, 0));
  }

  private n2Take(t: number, me: Actor, attempt: number): void {
    const n2 = this.sim.analyst(this.pickAnalyst('n2'));
    if (this.sim.act('oc.take', { ocId: this.ocId }, n2, t) !== null) {
      if (attempt < 200) this.later(t, 20, 90, (t2) => this.n2Take(t2, me, attempt + 1));
      return;
    }
    const oc = this.oc() as Ocorrencia;
    const next = this.rng.weighted([['dev', oc.kind === 'erro' ? 55 : 0], ['return', 20], ['resolve', 25]] as const);
    if (next === 'dev') this.later(t, 60, 2 * 24 * 60, (t2) => this.forwardDev(t2, n2));
    else if (next === 'return') {
      this.later(t, 60, 24 * 60, (t2) => {
        if (this.sim.act('oc.returnToN1', { ocId: this.ocId, noteInteractionId: this.rng.uuid(), note: 'Configuração do cliente; orientar o ajuste do parâmetro.' }, n2, t2) === null) {
          this.later(t2, 30, 24 * 60, (t3) => this.resolve(t3, me));
        }
      });
    } else this.later(t, 60, 2 * 24 * 60, (t2) => this.resolve(t2, n2));
  }

  private forwardDev(at: number, n2: Actor): void {
    if (this.sim.act('oc.forwardDev', { ocId: this.ocId, devReference: `DEV-${this.rng.int(1000, 9999)}`, simulationInteractionId: this.rng.uuid(), simulation: null }, n2, at) !== null) return;
    this.later(at, 2 * 60, 2 * 24 * 60, (t) => {
      // The weekly release (registered by a lead) resolves the OC and tells the customer.
      this.sim.act('oc.setTargetVersion', { ocId: this.ocId, version: this.cast.releaseAfter(t) }, n2, t);
    });
  }

  private quote(at: number, me: Actor): void {
    if (this.sim.act('oc.recordQuote', { ocId: this.ocId, amountCents: this.rng.int(3, 40) * 5_000, description: 'Script de correção executado pelo desenvolvimento' }, me, at) !== null) return;
    this.later(at, 60, 2 * 24 * 60, (t) => {
      const approved = this.rng.chance(0.8);
      this.sim.act('oc.recordQuoteDecision', { ocId: this.ocId, approved, decidedBy: 'Gerente de projeto' }, me, t);
      if (!approved) {
        this.later(t, 10, 120, (t2) => this.resolve(t2, me));
        return;
      }
      // N1 may not forward to development (SPEC §8): a lead does it for the approved change.
      this.later(t, 10, 240, (t2) => {
        const lead = this.lead();
        if (this.sim.act('oc.forwardDev', { ocId: this.ocId, devReference: `BD-${this.rng.int(100, 999)}`, simulationInteractionId: this.rng.uuid(), simulation: SIMULATION }, lead, t2) === null) {
          this.later(t2, 24 * 60, 5 * 24 * 60, (t3) => this.resolve(t3, lead));
        }
      });
    });
  }

  private resolve(at: number, actor: Actor): void {
    const oc = this.oc();
    if (oc === undefined) return;
    const who = oc.assigneeId !== null && actor.kind === 'analyst' && actor.analyst.id !== oc.assigneeId ? this.sim.analyst(this.sim.state.analysts.get(oc.assigneeId) as Analyst) : actor;
    if (this.sim.act('oc.resolve', { ocId: this.ocId, note: 'Orientação aplicada e confirmada com o cliente.' }, who, at) === null) this.afterSolved(at);
  }

  /** Solved: sometimes the customer answers that the problem is back (reopen). Closing is the daily sweep's. */
  afterSolved(at: number): void {
    if (!this.rng.chance(0.05)) return;
    this.later(at, 60, 2 * 24 * 60, (t) => {
      if (this.customerReply(t) !== null) return;
      const oc = this.oc();
      const assignee = oc === undefined || oc.assigneeId === null ? undefined : this.sim.state.analysts.get(oc.assigneeId);
      if (assignee === undefined) return;
      const me = this.sim.analyst(assignee);
      this.later(t, 10, 240, (t2) => {
        if (this.sim.act('oc.take', { ocId: this.ocId }, me, t2) === null) this.later(t2, 30, 24 * 60, (t3) => this.resolve(t3, me));
      });
    });
  }

}
