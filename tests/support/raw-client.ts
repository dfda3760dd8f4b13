import { randomBytes } from 'node:crypto';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';

// The sync API spoken by hand (tests that play a desktop, or an attacker, without a desktop core).

export const apiHeaders = (token?: string): Record<string, string> => ({
  'content-type': 'application/json',
  'x-soe-protocol': String(PROTOCOL_VERSION),
  ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
});

export const apiCall = async <T = Record<string, unknown>>(url: string, path: string, body: unknown, token?: string, method = 'POST'): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${url}${path}`, { method, headers: apiHeaders(token), body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
};

export const loginToken = async (url: string, login: string, password = 'demo'): Promise<string> => {
  const answer = await apiCall<{ token?: string }>(url, '/api/v1/login', { login, password });
  if (answer.status !== 200 || answer.body.token === undefined) throw new Error(`login ${login}: ${answer.status}`);
  return answer.body.token;
};

export const newClientSecret = (): string => randomBytes(32).toString('base64url');

/** Registers `clientId` under `token`'s session with a fresh secret (or `secret`); returns the secret. */
export const registerClient = async (url: string, token: string, clientId: string, secret = newClientSecret()): Promise<string> => {
  const answer = await apiCall(url, '/api/v1/clients', { clientId, clientSecret: secret }, token);
  if (answer.status !== 200) throw new Error(`register ${clientId}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return secret;
};

/** Client ids registered once per server (by whoever asks first), with their secrets. */
export class ClientKeys {
  private readonly secrets = new Map<string, Promise<string>>();

  constructor(private readonly url: string) {}

  secretOf(token: string, clientId: string): Promise<string> {
    let secret = this.secrets.get(clientId);
    if (secret === undefined) {
      secret = registerClient(this.url, token, clientId);
      this.secrets.set(clientId, secret);
    }
    return secret;
  }
}
