import type { EventName, MethodName } from '../api/contract';
import type { ApiResult } from '../api/result';
import { domainError, type DomainError } from '../domain/errors';

// The Electron IPC surface, shared by main (which registers the handlers) and the preload (which calls them),
// so the two can never disagree on a channel name. Channels are derived from the contract's method names.

/** One invoke channel per contract method: main registers exactly METHOD_NAMES, nothing else answers. */
export const apiChannel = (method: MethodName): string => `soe:api:${method}`;

/** Core events fan out to every window on this one channel as (eventName, payload). */
export const EVENT_CHANNEL = 'soe:event';

/**
 * What the preload exposes as `window.soe` (the shape agreed with the renderer's electron-transport.ts).
 * `methods` and `events` are exactly the contract's METHOD_NAMES and EVENT_NAMES.
 */
export interface SoeBridge {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  readonly methods: readonly string[];
  readonly events: readonly string[];
}

/** `window.api`: one function per contract method (ARCHITECTURE.md style 9: its keys equal the contract). */
export type ApiSurface = { readonly [M in MethodName]: (args?: unknown) => Promise<ApiResult<unknown>> };

export const forbiddenSender = (origin: string): DomainError =>
  domainError('IPC_FORBIDDEN_SENDER', {
    'pt-BR': `Chamada recusada: origem não autorizada (${origin}).`,
    en: `Call refused: unauthorised origin (${origin}).`,
  });

export const unknownMethod = (name: string): DomainError =>
  domainError('UNKNOWN_METHOD', { 'pt-BR': `Operação desconhecida: ${name}`, en: `Unknown operation: ${name}` });

export const ipcFailed = (detail: string): DomainError =>
  domainError('IPC_FAILED', {
    'pt-BR': `Falha na comunicação com o processo principal: ${detail}`,
    en: `Communication with the main process failed: ${detail}`,
  });
