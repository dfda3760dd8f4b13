import type { EventName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';
import type { Transport } from './transport';

/** The surface the Electron preload exposes (see the decision at the top of transport.ts). */
export interface SoeBridge {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    soe?: SoeBridge;
  }
}

export const electronBridge = (): SoeBridge | undefined => window.soe;

export const electronTransport = (bridge: SoeBridge): Transport => ({
  invoke: (method, args) => bridge.invoke(method, args),
  subscribe: (listener) => bridge.onEvent(listener),
});
