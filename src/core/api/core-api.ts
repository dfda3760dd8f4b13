import type { z } from 'zod';
import { contract, isMethodName, isMutationMethod, type MethodName, type queries } from '../../shared/api/contract';
import { fail, ok, type ApiResult } from '../../shared/api/result';
import { domainError, DomainFailure, type DomainError } from '../../shared/domain';
import { invalidArgs } from '../../shared/mutators/run';
import { describeIssues } from '../../shared/validation';
import { dismissNotice, listNotices } from '../db/notices';
import { attachmentHandlers } from './attachment-handlers';
import { listCustomers } from './customer-admin-handlers';
import { customerHistoryHandlers } from './customer-history-handlers';
import type { CoreDeps } from './deps';
import { unknownMutation } from '../store/local-store';
import { leadQueryHandlers } from './lead-handlers';
import { setPassword } from './people-handlers';
import { mutate, takeNext } from './mutation-handlers';
import { customerCalls, customerCardOf, directory, findCustomers, myQueue, ocDetail, teamQueue, teamQueueCount, teamQueueView } from './query-handlers';
import { runSearch, searchOcs } from './search-handlers';
import { currentSession, login, logout } from './session-handlers';
import { versionQueryHandlers } from './version-handlers';
import { customerPenalties, getPrefs, presenceOf, putPref, queueRows, setPresence, suggestArticles } from './workspace-handlers';

type Queries = typeof queries;
type QueryHandlers = {
  [M in keyof Queries]: (deps: CoreDeps, args: z.output<Queries[M]['args']>) => Promise<z.output<Queries[M]['result']>> | z.output<Queries[M]['result']>;
};

// One typed handler per query of the contract; mutations share one generic handler.
const queryHandlers: QueryHandlers = {
  'session.login': login,
  'session.current': currentSession,
  'session.logout': logout,
  'directory.get': directory,
  'queue.mine': myQueue,
  'queue.list': teamQueue,
  'queue.view': teamQueueView,
  'queue.count': teamQueueCount,
  'queue.takeNext': takeNext,
  'oc.get': (deps, args) => ocDetail(deps, args.id),
  'oc.search': searchOcs,
  'search.run': runSearch,
  'customer.search': (deps, args) => findCustomers(deps, args.text),
  'customer.card': (deps, args) => customerCardOf(deps, args.id),
  'customer.calls': (deps, args) => customerCalls(deps, args.customerId, args.limit),
  'sync.state': (deps) => deps.sync.state(),
  'sync.notices': (deps) => listNotices(deps.db),
  'sync.dismissNotice': (deps, args) => {
    dismissNotice(deps.db, args.id);
    return null;
  },
  'queue.rows': queueRows,
  'kb.suggest': suggestArticles,
  'customer.penalties': customerPenalties,
  'prefs.get': getPrefs,
  'prefs.put': putPref,
  'presence.set': setPresence,
  'presence.get': presenceOf,
  'people.setPassword': setPassword,
  ...leadQueryHandlers,
  'customer.list': listCustomers,
  ...attachmentHandlers,
  ...versionQueryHandlers,
  ...customerHistoryHandlers,
};

const internalError = (error: unknown): DomainError =>
  domainError('INTERNAL', {
    'pt-BR': `Erro interno; nada do que você digitou foi perdido. Detalhe: ${error instanceof Error ? error.message : String(error)}`,
    en: `Internal error; nothing you typed was lost. Detail: ${error instanceof Error ? error.message : String(error)}`,
  });

export interface CoreApi {
  /** Validates the arguments against the contract, runs the method, and never throws: errors are values. */
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
}

export const createCoreApi = (deps: CoreDeps): CoreApi => ({
  async invoke(method, rawArgs) {
    if (!isMethodName(method)) return fail(unknownMutation(method));
    try {
      // A mutation's arguments are validated once, by its mutator's own schema after ids are filled in.
      if (isMutationMethod(method)) return ok(mutate(deps, method, rawArgs));
      const schema = contract[method as MethodName].args as z.ZodType;
      const parsed = schema.safeParse(rawArgs ?? {});
      if (!parsed.success) return fail(invalidArgs(describeIssues(parsed.error.issues)));
      const handler = queryHandlers[method as keyof Queries] as (deps: CoreDeps, args: unknown) => unknown;
      return ok(await handler(deps, parsed.data));
    } catch (error) {
      if (error instanceof DomainFailure) return fail(error.error);
      deps.onInternalError?.(method, error);
      return fail(internalError(error));
    }
  },
});
