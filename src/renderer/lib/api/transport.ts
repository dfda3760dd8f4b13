import type { EventName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';

/*
 * DECISION (renderer ↔ Electron preload, agreed between the renderer and electron helpers):
 * the renderer reaches the core only through a `Transport`. Two exist:
 *  - the browser shell: a loopback WebSocket (ws-transport.ts);
 *  - Electron: the preload exposes exactly this shape on `window.soe` through contextBridge —
 *      window.soe.invoke(method: string, args: unknown): Promise<ApiResult<unknown>>
 *      window.soe.onEvent(listener: (event: EventName, payload: unknown) => void): () => void
 *    (electron-transport.ts). The preload validates `method` against the contract's METHOD_NAMES and main
 *    parses the arguments with zod before calling the core, so no other surface is exposed.
 * Everything above the transport (client.ts, the feature stores) is the same in both.
 */
export interface Transport {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  /** Connection of the renderer to its own core (not the central server): the shell socket may drop. */
  onConnection?(listener: (state: TransportState) => void): () => void;
}

export type TransportState =
  | { status: 'connecting' }
  | { status: 'ready' }
  | { status: 'closed'; reason: 'bad_token' | 'lost' };
