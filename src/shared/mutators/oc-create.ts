import { z } from 'zod';
import {
  Channel,
  Criticidade,
  domainError,
  Id,
  Instant,
  Line,
  missingEligibility,
  OcKind,
  Slug,
  Text,
  type Ocorrencia,
} from '../domain';
import { actorId } from '../oc/actor';
import { notFound } from './helpers';
import { defineMutator } from './types';

const ELIGIBILITY_NAMES = {
  implantacao_term: { 'pt-BR': 'termo de aceite da implantação assinado', en: 'implantação acceptance term signed' },
  ead_extranet: { 'pt-BR': 'EAD de Extranet concluído pelo gerente de projeto', en: 'Extranet EAD course completed by the project manager' },
  sla_acknowledged: { 'pt-BR': 'ciência do plano de SLA', en: 'SLA plan acknowledged' },
} as const;

export const CreateOcArgs = z.object({
  id: Id,
  customerId: Id,
  contactId: Id.nullable().default(null),
  channel: Channel,
  module: Slug,
  criticidade: Criticidade,
  kind: OcKind,
  subject: Line().trim().min(3, 'assunto muito curto / subject too short').max(200),
  description: Text().trim().min(1, 'descreva a ocorrência / describe the issue').max(50_000),
  /** The manual: an OC "can be directed to a specific analyst". */
  preferredAnalystId: Id.nullable().default(null),
  /** Phone-created OCs start their clocks at the call's start (SPEC §3 rule 3). */
  callStartedAt: Instant.nullable().default(null),
});

export const createOc = defineMutator({
  name: 'oc.create',
  args: CreateOcArgs,
  generatedIds: ['id'],
  allocatesOcNumber: true,
  needs: (args) => ({
    customers: [args.customerId],
    contacts: args.contactId === null ? [] : [args.contactId],
    analysts: args.preferredAnalystId === null ? [] : [args.preferredAnalystId],
    ocorrencias: [args.id],
  }),
  apply: (state, args, ctx) => {
    if (state.ocorrencias[args.id] !== undefined) return { changes: [], events: [] }; // replayed: already created
    const customer = state.customers[args.customerId];
    if (customer === undefined) return notFound('customer', args.customerId);

    if (ctx.actor.kind === 'contact') {
      const contact = ctx.actor.contact;
      if (contact.customerId !== customer.id || !contact.extranetAccess || !contact.active) {
        return domainError('EXTRANET_NOT_AUTHORISED', {
          'pt-BR': 'Este contato não tem acesso à Extranet deste cliente.',
          en: 'This contact has no Extranet access for this customer.',
        });
      }
      if (args.channel !== 'extranet') {
        return domainError('INVALID_CHANNEL', { 'pt-BR': 'Pela Extranet o canal é "extranet".', en: 'Through the Extranet the channel is "extranet".' });
      }
    } else if (ctx.actor.kind === 'analyst' && args.channel === 'extranet') {
      return domainError('INVALID_CHANNEL', {
        'pt-BR': 'Analistas registram OCs por telefone, Skype ou internamente; a Extranet é do cliente.',
        en: 'Analysts open OCs by phone, Skype or internally; the Extranet belongs to the customer.',
      });
    }

    const missing = missingEligibility(customer);
    if (missing.length > 0) {
      return domainError('CUSTOMER_NOT_ELIGIBLE', {
        'pt-BR': `O cliente ainda não pode acionar o suporte. Falta: ${missing.map((m) => ELIGIBILITY_NAMES[m]['pt-BR']).join('; ')}.`,
        en: `The customer may not open ocorrências yet. Missing: ${missing.map((m) => ELIGIBILITY_NAMES[m].en).join('; ')}.`,
      }, { missing });
    }
    if (!customer.modules.includes(args.module)) {
      return domainError('MODULE_NOT_LICENSED', {
        'pt-BR': `O cliente não licencia o módulo "${args.module}".`,
        en: `The customer has no licence for module "${args.module}".`,
      });
    }
    const contactId = ctx.actor.kind === 'contact' ? ctx.actor.contact.id : args.contactId;
    if (contactId !== null && ctx.actor.kind !== 'contact') {
      const contact = state.contacts[contactId];
      if (contact === undefined || contact.customerId !== customer.id) return notFound('contact', contactId);
    }
    if (args.preferredAnalystId !== null && state.analysts[args.preferredAnalystId] === undefined) {
      return notFound('analyst', args.preferredAnalystId);
    }

    // When the clocks start: the customer's submission as the server received it, the call's start for a phone
    // OC (never later than its receipt), the analyst's own time otherwise.
    const createdAt =
      args.channel === 'extranet'
        ? ctx.receivedAt
        : args.callStartedAt !== null
          ? Math.min(args.callStartedAt, ctx.receivedAt)
          : ctx.actedAt;
    const oc: Ocorrencia = {
      id: args.id,
      number: ctx.ocNumber,
      customerId: customer.id,
      contactId,
      channel: args.channel,
      module: args.module,
      segment: customer.segment,
      criticidade: args.criticidade,
      kind: args.kind,
      subject: args.subject,
      description: args.description,
      level: 'n1',
      status: 'nova',
      plan: customer.plan,
      assigneeId: null,
      assignedAt: null,
      preferredAnalystId: args.preferredAnalystId,
      escalatedById: null,
      lastSimulationId: null,
      devReference: null,
      targetVersion: null,
      quote: null,
      resolution: null,
      handoff: null,
      cancelReason: null,
      createdById: actorId(ctx.actor),
      createdAt,
      updatedAt: createdAt,
      solvedAt: null,
      closedAt: null,
      slaConfigVersion: state.slaConfig.version,
    };
    return {
      changes: [{ table: 'ocorrencia', row: oc }],
      events: [
        {
          ocId: oc.id,
          at: createdAt,
          data: {
            type: 'created',
            plan: oc.plan,
            criticidade: oc.criticidade,
            level: oc.level,
            status: oc.status,
            slaConfigVersion: oc.slaConfigVersion,
            channel: oc.channel,
          },
        },
      ],
    };
  },
});
