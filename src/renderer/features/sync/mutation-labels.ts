import type { Messages } from '../../../shared/domain';
import type { MutatorName } from '../../../shared/mutators/registry';
import type { Lang } from '../../i18n/define';

// What a change was, in words, for the list of changes the server refused ("Assumir a OC", not "oc.take").
// Typed against the mutator registry: a new mutation without a name here does not compile.
const MUTATION_LABELS: Record<MutatorName, Messages> = {
  'oc.create': { 'pt-BR': 'Abrir OC', en: 'Open an OC' },
  'oc.take': { 'pt-BR': 'Assumir a OC', en: 'Take the OC' },
  'oc.reassign': { 'pt-BR': 'Reatribuir a OC', en: 'Reassign the OC' },
  'oc.reply': { 'pt-BR': 'Resposta ao cliente', en: 'Reply to the customer' },
  'oc.note': { 'pt-BR': 'Nota interna', en: 'Internal note' },
  'oc.addSimulation': { 'pt-BR': 'Registro da simulação', en: 'Simulation record' },
  'oc.customerReply': { 'pt-BR': 'Resposta do cliente', en: 'Customer reply' },
  'oc.pause': { 'pt-BR': 'Aguardar cliente', en: 'Wait for the customer' },
  'oc.resume': { 'pt-BR': 'Retomar o atendimento', en: 'Resume work' },
  'oc.resolve': { 'pt-BR': 'Solucionar a OC', en: 'Resolve the OC' },
  'oc.reopen': { 'pt-BR': 'Reabrir a OC', en: 'Reopen the OC' },
  'oc.close': { 'pt-BR': 'Encerrar a OC', en: 'Close the OC' },
  'oc.cancel': { 'pt-BR': 'Cancelar a OC', en: 'Cancel the OC' },
  'oc.handOff': { 'pt-BR': 'Encaminhar ao CS / implantação', en: 'Hand off to CS / implantação (onboarding)' },
  'oc.escalate': { 'pt-BR': 'Escalar para o Nível 2', en: 'Escalate to Level 2' },
  'oc.returnToN1': { 'pt-BR': 'Devolver ao Nível 1', en: 'Return to Level 1' },
  'oc.forwardDev': { 'pt-BR': 'Encaminhar ao desenvolvimento', en: 'Forward to development' },
  'oc.setTargetVersion': { 'pt-BR': 'Definir a versão de correção', en: 'Set the fix version' },
  'oc.recordQuote': { 'pt-BR': 'Registrar orçamento', en: 'Record a quote' },
  'oc.recordQuoteDecision': { 'pt-BR': 'Registrar a decisão do cliente sobre o orçamento', en: 'Record the customer’s decision on the quote' },
  'oc.changeCriticidade': { 'pt-BR': 'Alterar a criticidade', en: 'Change the criticidade' },
  'call.log': { 'pt-BR': 'Registrar ligação', en: 'Log a call' },
  'recado.create': { 'pt-BR': 'Deixar recado', en: 'Leave a recado (callback message)' },
  'recado.done': { 'pt-BR': 'Concluir recado', en: 'Mark a recado done' },
  'release.register': { 'pt-BR': 'Registrar versão liberada', en: 'Register a released version' },
  'version.plan': { 'pt-BR': 'Planejar ou propor uma versão', en: 'Plan or propose a version' },
  'version.update': { 'pt-BR': 'Confirmar, remarcar ou cancelar uma versão', en: 'Confirm, reschedule or cancel a version' },
  'analyst.setPresence': { 'pt-BR': 'Mudar a presença', en: 'Change presence' },
  'analyst.upsert': { 'pt-BR': 'Salvar analista', en: 'Save an analyst' },
  'customer.upsert': { 'pt-BR': 'Salvar cliente', en: 'Save a customer' },
  'contact.upsert': { 'pt-BR': 'Salvar contato', en: 'Save a contact' },
  'sla.recompute': { 'pt-BR': 'Recalcular OCs abertas', en: 'Recompute open OCs' },
  'sla.updateConfig': { 'pt-BR': 'Salvar metas e calendários de SLA', en: 'Save SLA targets and calendars' },
  'catalog.upsert': { 'pt-BR': 'Salvar módulo ou segmento', en: 'Save a module or segment' },
};

const GENERIC: Messages = { 'pt-BR': 'Alteração', en: 'Change' };

/** The human name of a mutation; an unknown name (a newer server) reads as "a change", never as the code. */
export const mutationLabel = (name: string, lang: Lang): string => (Object.hasOwn(MUTATION_LABELS, name) ? MUTATION_LABELS[name as MutatorName] : GENERIC)[lang];
