import type { ApiResult } from '../../../shared/api/result';
import type { ApiClient } from '../../lib/api/client';

// Passwords are set online, through 'people.setPassword' (admin: analysts; lead: Extranet contacts — SPEC §8),
// and never pass through a store, a draft or the outbox: the typed text lives in the form's own state only and is
// cleared after success.

/** The server's rule (SetPasswordRequest): at least 8 characters, at most 200. */
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 200;

export type PasswordProblem = 'empty' | 'short' | 'long' | 'mismatch';

/** What is wrong with the typed password and its confirmation, checked before anything is sent. */
export const passwordProblem = (password: string, confirm: string): PasswordProblem | null => {
  if (password.length === 0) return 'empty';
  if (password.length < MIN_PASSWORD) return 'short';
  if (password.length > MAX_PASSWORD) return 'long';
  if (password !== confirm) return 'mismatch';
  return null;
};

export interface WaitOptions {
  /** The app's clock (the shared tick's source), injected so tests control time. */
  now: () => number;
  timeoutMs?: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Waits, while the desktop is online, until its outbox is empty: an analyst or contact saved a moment ago exists
 * on the server only after its change is pushed, and the server refuses a password for someone it does not know.
 * Offline or local-only it returns at once (the core then answers OFFLINE, or sets a local analyst's password).
 */
export const waitForOutbox = async (api: ApiClient, options: WaitOptions): Promise<void> => {
  const { now, timeoutMs = 20_000, intervalMs = 250, sleep = realSleep } = options;
  const deadline = now() + timeoutMs;
  for (;;) {
    const state = await api.call('sync.state', {});
    if (!state.ok || state.value.status !== 'online' || state.value.pending === 0) return;
    if (now() >= deadline) return;
    await sleep(intervalMs);
  }
};

/** Sets a password once what was just saved has reached the server. */
export const setPasswordOnline = async (
  api: ApiClient,
  target: { kind: 'analyst' | 'contact'; id: string },
  password: string,
  options: WaitOptions,
): Promise<ApiResult<null>> => {
  await waitForOutbox(api, options);
  return api.call('people.setPassword', { kind: target.kind, id: target.id, password });
};
