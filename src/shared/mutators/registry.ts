import { upsertAnalyst, setPresence } from './analyst';
import { updateSlaConfig, upsertCatalogItem } from './config';
import { upsertContact, upsertCustomer } from './customer';
import { reassignOc, takeOc } from './oc-assignment';
import { createOc } from './oc-create';
import { addSimulation, customerReply, logCall, noteOc, replyOc } from './oc-interactions';
import { changeCriticidade, recomputeSla } from './oc-lead';
import { escalateOc, forwardDev, recordQuote, recordQuoteDecision, returnToN1, setTargetVersion } from './oc-routing';
import { cancelOc, closeOc, handOffOc, pauseOc, reopenOc, resolveOc, resumeOc } from './oc-status';
import { createRecado, doneRecado } from './recado';
import { planVersion, updateVersion } from './planned-version';
import { registerRelease } from './release';

// Every domain change the product knows, by name. Core, server and rebase all run these same functions.
export const mutators = {
  'oc.create': createOc,
  'oc.take': takeOc,
  'oc.reassign': reassignOc,
  'oc.reply': replyOc,
  'oc.note': noteOc,
  'oc.addSimulation': addSimulation,
  'oc.customerReply': customerReply,
  'oc.pause': pauseOc,
  'oc.resume': resumeOc,
  'oc.resolve': resolveOc,
  'oc.reopen': reopenOc,
  'oc.close': closeOc,
  'oc.cancel': cancelOc,
  'oc.handOff': handOffOc,
  'oc.escalate': escalateOc,
  'oc.returnToN1': returnToN1,
  'oc.forwardDev': forwardDev,
  'oc.setTargetVersion': setTargetVersion,
  'oc.recordQuote': recordQuote,
  'oc.recordQuoteDecision': recordQuoteDecision,
  'oc.changeCriticidade': changeCriticidade,
  'call.log': logCall,
  'recado.create': createRecado,
  'recado.done': doneRecado,
  'release.register': registerRelease,
  'version.plan': planVersion,
  'version.update': updateVersion,
  'analyst.setPresence': setPresence,
  'analyst.upsert': upsertAnalyst,
  'customer.upsert': upsertCustomer,
  'contact.upsert': upsertContact,
  'sla.recompute': recomputeSla,
  'sla.updateConfig': updateSlaConfig,
  'catalog.upsert': upsertCatalogItem,
} as const;

export type Mutators = typeof mutators;
export type MutatorName = keyof Mutators;

export const isMutatorName = (name: string): name is MutatorName => Object.hasOwn(mutators, name);
