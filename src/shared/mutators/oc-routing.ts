import { z } from 'zod';
import { domainError, Id, isDomainError, Line, SimulationRecord, Text, VersionLabel, type DomainError, type Ocorrencia } from '../domain';
import { analystNameIn, beginOcAction, ocOutcome, patchOc, statusEvents, statusFields } from './helpers';
import { systemActor } from '../oc/actor';
import { checkTargetVersion } from './planned-version';
import { solveByRelease } from './release';
import { buildInteraction, interactionEvent } from './oc-interactions';
import { defineMutator, type Change, type EventDraft, type MutationContext } from './types';

/** Creates the simulation interaction an escalation or a forward carries in its arguments. */
const simulationFrom = (
  oc: Ocorrencia,
  ctx: MutationContext,
  interactionId: string,
  simulation: z.infer<typeof SimulationRecord>,
): { change: Change; event: EventDraft; id: string } => {
  const record = buildInteraction(ctx, {
    id: interactionId,
    ocId: oc.id,
    customerId: oc.customerId,
    kind: 'simulation_record',
    body: simulation.steps,
    at: ctx.actedAt,
    simulation,
  });
  return { change: { table: 'interaction', row: record }, event: interactionEvent(oc, record), id: record.id };
};

export const EscalateArgs = z.object({
  ocId: Id,
  simulationInteractionId: Id,
  simulation: SimulationRecord,
});

/**
 * N1 → N2 (manual, "Atuação do Suporte"): requires a simulation record. The customer clock keeps running and the
 * internal N2 pick-up OLA starts (SPEC §3 rule 9); the OC waits unassigned in the N2 queue.
 */
export const escalateOc = defineMutator({
  name: 'oc.escalate',
  args: EscalateArgs,
  generatedIds: ['simulationInteractionId'],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) => {
    const begun = beginOcAction(state, args.ocId, 'escalate', ctx);
    if (isDomainError(begun)) return begun;
    const { oc } = begun;
    if (oc.level !== 'n1') {
      return domainError('ALREADY_N2', { 'pt-BR': 'Esta OC já está no Nível 2.', en: 'This OC is already at Level 2.' });
    }
    const sim = simulationFrom(oc, ctx, args.simulationInteractionId, args.simulation);
    const next = patchOc(oc, {
      level: 'n2',
      escalatedById: oc.assigneeId ?? (ctx.actor.kind === 'analyst' ? ctx.actor.analyst.id : null),
      assigneeId: null,
      assignedAt: null,
      lastSimulationId: sim.id,
    }, ctx);
    return ocOutcome(next, [
      sim.event,
      { ocId: oc.id, at: ctx.actedAt, data: { type: 'escalated', from: 'n1', to: 'n2', simulationId: sim.id } },
      { ocId: oc.id, at: ctx.actedAt, data: { type: 'assigned', fromId: oc.assigneeId, toId: null, level: 'n2', how: 'escalate' } },
    ], [sim.change]);
  },
});

export const ReturnToN1Args = z.object({
  ocId: Id,
  noteInteractionId: Id,
  note: Text().trim().min(3, 'explique a devolução / explain the return').max(10_000),
});

/** N2 gives the OC back to the N1 analyst who escalated it, with a note (SPEC §2). */
export const returnToN1 = defineMutator({
  name: 'oc.returnToN1',
  args: ReturnToN1Args,
  generatedIds: ['noteInteractionId'],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) => {
    const begun = beginOcAction(state, args.ocId, 'return_to_n1', ctx);
    if (isDomainError(begun)) return begun;
    const { oc } = begun;
    if (oc.level !== 'n2') {
      return domainError('ALREADY_N1', { 'pt-BR': 'Esta OC já está no Nível 1.', en: 'This OC is already at Level 1.' });
    }
    const back = oc.escalatedById === null ? undefined : state.analysts[oc.escalatedById];
    const toId = back !== undefined && back.active ? back.id : null;
    const note = buildInteraction(ctx, { id: args.noteInteractionId, ocId: oc.id, customerId: oc.customerId, kind: 'internal_note', body: args.note, at: ctx.actedAt });
    const next = patchOc(oc, { level: 'n1', assigneeId: toId, assignedAt: toId === null ? null : ctx.actedAt }, ctx);
    return ocOutcome(next, [
      interactionEvent(oc, note),
      { ocId: oc.id, at: ctx.actedAt, data: { type: 'returned', from: 'n2', to: 'n1', note: args.note } },
      { ocId: oc.id, at: ctx.actedAt, data: { type: 'assigned', fromId: oc.assigneeId, toId, level: 'n1', how: 'return' } },
    ], [{ table: 'interaction', row: note }]);
  },
});

export const ForwardDevArgs = z.object({
  ocId: Id,
  devReference: Line().trim().max(80).nullable().default(null),
  /** A new simulation record; without one, the OC's latest simulation record is used. */
  simulationInteractionId: Id,
  simulation: SimulationRecord.nullable().default(null),
});

const quoteProblem = (oc: Ocorrencia): DomainError | null => {
  if (oc.kind !== 'alteracao_banco') return null;
  if (oc.quote === null) {
    return domainError('QUOTE_REQUIRED', {
      'pt-BR': 'Alteração de banco pode ter custo: registre o orçamento e a aprovação do cliente antes de encaminhar.',
      en: "A database change may carry a cost: record the quote and the customer's approval before forwarding.",
    });
  }
  if (oc.quote.decision === null || !oc.quote.decision.approved) {
    return domainError('QUOTE_NOT_APPROVED', {
      'pt-BR': 'O cliente ainda não aprovou o orçamento desta alteração de banco.',
      en: 'The customer has not approved the quote for this database change.',
    });
  }
  return null;
};

/**
 * Bug confirmed or database change approved → development, with the simulation record. Forwarding with the
 * record stops the support resolution clock (SPEC §3 rule 4).
 */
export const forwardDev = defineMutator({
  name: 'oc.forwardDev',
  args: ForwardDevArgs,
  generatedIds: ['simulationInteractionId'],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) => {
    const begun = beginOcAction(state, args.ocId, 'forward_dev', ctx);
    if (isDomainError(begun)) return begun;
    const { oc, to } = begun;
    const problem = quoteProblem(oc);
    if (problem !== null) return problem;
    const sim = args.simulation === null ? null : simulationFrom(oc, ctx, args.simulationInteractionId, args.simulation);
    const simulationId = sim?.id ?? oc.lastSimulationId;
    if (simulationId === null) {
      return domainError('SIMULATION_REQUIRED', {
        'pt-BR': 'Para encaminhar ao desenvolvimento, registre a simulação (passos, ambiente, evidências, esperado × obtido).',
        en: 'To forward to development, record the simulation (steps, environment, evidence, expected vs actual).',
      });
    }
    const next = patchOc(oc, { ...statusFields(oc, to, ctx), devReference: args.devReference, lastSimulationId: simulationId }, ctx);
    const events: EventDraft[] = [...(sim === null ? [] : [sim.event]), ...statusEvents(oc, to, ctx, simulationId)];
    if (args.devReference !== oc.devReference) {
      events.push({ ocId: oc.id, at: ctx.actedAt, data: { type: 'field_changed', field: 'devReference', from: oc.devReference, to: args.devReference } });
    }
    return ocOutcome(next, events, sim === null ? [] : [sim.change]);
  },
});

export const SetTargetVersionArgs = z.object({ ocId: Id, version: VersionLabel });

/**
 * "Fix will ship in version X": the OC waits for the weekly release (manual FAQ 4), a planned or proposed version.
 * A version already released
 * has nothing to wait for: the OC is solved at once and its customer told, as the release would have done.
 */
export const setTargetVersion = defineMutator({
  name: 'oc.setTargetVersion',
  args: SetTargetVersionArgs,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId], releaseVersion: args.version, plannedVersion: args.version }),
  apply: (state, args, ctx) => {
    const begun = beginOcAction(state, args.ocId, 'set_target_version', ctx);
    if (isDomainError(begun)) return begun;
    // Chosen among the planned versions, never typed free (issue 13: a number nobody plans never ships).
    const unknown = checkTargetVersion(state, args.version);
    if (unknown !== null) return unknown;
    const { oc, to } = begun;
    if (oc.targetVersion === args.version && oc.status === to) return { changes: [], events: [] };
    const waiting = patchOc(oc, { ...statusFields(oc, to, ctx), targetVersion: args.version }, ctx);
    const events: EventDraft[] = [
      { ocId: oc.id, at: ctx.actedAt, data: { type: 'field_changed', field: 'targetVersion', from: oc.targetVersion, to: args.version } },
      ...statusEvents(oc, to, ctx),
    ];
    if (state.release === null) return ocOutcome(waiting, events);
    // The release solves it, as it solved those waiting when it was registered (its notice, the system's act).
    const solved = solveByRelease(waiting, state.release, { ...ctx, actor: systemActor() }, analystNameIn(state));
    if (isDomainError(solved)) return ocOutcome(waiting, events);
    return { changes: [{ table: 'ocorrencia', row: solved.oc }, ...solved.changes], events: [...events, ...solved.events] };
  },
});

export const RecordQuoteArgs = z.object({
  ocId: Id,
  amountCents: z.number().int().nonnegative(),
  description: Text().trim().min(3).max(2_000),
});

export const recordQuote = defineMutator({
  name: 'oc.recordQuote',
  args: RecordQuoteArgs,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) => {
    const begun = beginOcAction(state, args.ocId, 'record_quote', ctx);
    if (isDomainError(begun)) return begun;
    const { oc } = begun;
    if (oc.kind !== 'alteracao_banco') {
      return domainError('QUOTE_ONLY_DB_CHANGE', {
        'pt-BR': 'Orçamento só se aplica a OCs de alteração de banco.',
        en: 'Quotes apply only to database change OCs.',
      });
    }
    const quote = { amountCents: args.amountCents, description: args.description, quotedAt: ctx.actedAt, quotedById: ctx.actor.kind === 'analyst' ? ctx.actor.analyst.id : 'system', decision: null };
    return ocOutcome(patchOc(oc, { quote }, ctx), [
      { ocId: oc.id, at: ctx.actedAt, data: { type: 'field_changed', field: 'quote', from: oc.quote, to: quote } },
    ]);
  },
});

export const RecordQuoteDecisionArgs = z.object({
  ocId: Id,
  approved: z.boolean(),
  decidedBy: Line().trim().min(2, 'quem decidiu no cliente? / who decided at the customer?').max(120),
});

/** Support never acts on the customer's operation without permission (manual FAQ 8, 9): the approval is recorded. */
export const recordQuoteDecision = defineMutator({
  name: 'oc.recordQuoteDecision',
  args: RecordQuoteDecisionArgs,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) => {
    const begun = beginOcAction(state, args.ocId, 'record_quote_decision', ctx);
    if (isDomainError(begun)) return begun;
    const { oc } = begun;
    if (oc.quote === null) {
      return domainError('QUOTE_REQUIRED', { 'pt-BR': 'Registre o orçamento antes da decisão.', en: 'Record the quote before the decision.' });
    }
    const decision = { approved: args.approved, decidedBy: args.decidedBy, decidedAt: ctx.actedAt, recordedById: ctx.actor.kind === 'analyst' ? ctx.actor.analyst.id : 'system' };
    return ocOutcome(patchOc(oc, { quote: { ...oc.quote, decision } }, ctx), [
      { ocId: oc.id, at: ctx.actedAt, data: { type: 'field_changed', field: 'quoteDecision', from: oc.quote.decision, to: decision } },
    ]);
  },
});
