import type { ArgsOf, EventName, EventPayload, MethodName, ResultOf } from '../../../shared/api/contract';
import { eventSchemas } from './events';
import type { ApiResult } from '../../../shared/api/result';
import type { Transport, TransportState } from './transport';

export interface ApiClient {
  /** Calls one method of the contract. Never throws: failures are `{ ok: false, error }` values. */
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ApiResult<ResultOf<M>>>;
  /** Listens to one event of the contract; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onConnection(listener: (state: TransportState) => void): () => void;
}

const unexpected = (error: unknown): ApiResult<never> => ({
  ok: false,
  error: {
    code: 'TRANSPORT',
    message: {
      'pt-BR': `Falha de comunicação com o núcleo local: ${error instanceof Error ? error.message : String(error)}`,
      en: `Could not reach the local core: ${error instanceof Error ? error.message : String(error)}`,
    },
  },
});

/**
 * The transport-agnostic client of the API contract. Event payloads are parsed with the contract's zod schemas
 * (a malformed event is dropped, not half-applied). Results are typed by the contract and already validated by
 * the core's handlers; re-parsing 20 000 queue rows on every refresh would cost the UI a frame budget for nothing.
 */
export const createApiClient = (transport: Transport): ApiClient => {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  transport.subscribe((event, payload) => {
    const set = listeners.get(event);
    if (set === undefined || set.size === 0) return;
    const parsed = eventSchemas[event].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of set) listener(parsed.data);
  });
  return {
    call: async (method, args) => {
      try {
        return (await transport.invoke(method, args)) as never;
      } catch (error) {
        return unexpected(error);
      }
    },
    on: (event, listener) => {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => set.delete(entry);
    },
    onConnection: (listener) => {
      if (transport.onConnection !== undefined) return transport.onConnection(listener);
      listener({ status: 'ready' });
      return () => undefined;
    },
  };
};
