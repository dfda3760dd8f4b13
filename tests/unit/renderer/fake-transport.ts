import type { EventName } from '../../../src/shared/api/contract';
import type { ApiResult } from '../../../src/shared/api/result';
import type { Transport } from '../../../src/renderer/lib/api/transport';

/** A transport whose calls are answered by `answer` and whose events the test emits. */
export const fakeTransport = (answer: (method: string, args: unknown) => ApiResult<unknown>) => {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const calls: Array<{ method: string; args: unknown }> = [];
  const transport: Transport = {
    invoke: async (method, args) => {
      calls.push({ method, args });
      return answer(method, args);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, calls, emit: (event: EventName, payload: unknown) => listeners.forEach((l) => l(event, payload)) };
};

export const syncState = (status: 'online' | 'offline' | 'local_only', pending: number) => ({
  ok: true as const,
  value: { status, offlineSince: null, pending, lastSyncAt: null, serverUrl: null, clockOffsetMs: 0, problem: null },
});
