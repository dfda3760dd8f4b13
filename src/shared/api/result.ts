import type { DomainError, Messages } from '../domain';

/** Every API reply, over IPC and over the browser-shell WebSocket alike. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  code: string;
  message: Messages;
  details?: Record<string, unknown>;
}

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (error: DomainError | ApiError): ApiResult<never> => ({
  ok: false,
  error: error.details === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, details: error.details },
});
