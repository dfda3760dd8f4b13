import type { z } from 'zod';
import {
  ErrorResponse, HelloResponse, LoginResponse, OkResponse, PROTOCOL_HEADER, PROTOCOL_VERSION, PullResponse, PushResponse, RegisterClientResponse,
  type PullRequest, type PushRequest, type RegisterClientRequest,
} from '../../shared/sync/protocol';
import type { DomainError } from '../../shared/domain';
import { domainError } from '../../shared/domain';

/** The server could not be reached (or answered garbage): the client stays offline and retries. */
export class Unreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unreachable';
  }
}

/** The server answered with an error status and a domain error body. */
export class ServerRefused extends Error {
  constructor(readonly status: number, readonly error: DomainError) {
    super(`${status} ${error.code}: ${error.message.en}`);
    this.name = 'ServerRefused';
  }
}

export interface Timed<T> {
  value: T;
  /** Machine-clock instants around the request, for the clock-offset estimate. */
  sentAt: number;
  receivedAt: number;
}

/** The desktop's HTTP client of the sync API: every answer parsed with zod, every failure a typed error. */
export class ServerApi {
  constructor(readonly baseUrl: string, private readonly now: () => number, private readonly timeoutMs = 30_000) {}

  private async call<S extends z.ZodType>(method: 'GET' | 'POST' | 'PUT', path: string, schema: S, body: unknown, token: string | null): Promise<Timed<z.output<S>>> {
    const sentAt = this.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new Unreachable(error instanceof Error ? error.message : String(error));
    }
    const receivedAt = this.now();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Unreachable(`${response.status}: not JSON`);
    }
    if (!response.ok) {
      const parsed = ErrorResponse.safeParse(json);
      if (!parsed.success) throw new Unreachable(`${response.status}: unexpected error body`);
      const { code, message, details } = parsed.data.error;
      throw new ServerRefused(response.status, domainError(code, message, details));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new Unreachable(`${path}: the answer does not match the protocol`);
    return { value: parsed.data, sentAt, receivedAt };
  }

  hello(): Promise<Timed<HelloResponse>> {
    return this.call('GET', '/api/v1/hello', HelloResponse, undefined, null);
  }

  login(login: string, password: string): Promise<Timed<LoginResponse>> {
    return this.call('POST', '/api/v1/login', LoginResponse, { login, password }, null);
  }

  async logout(token: string): Promise<void> {
    await this.call('POST', '/api/v1/logout', ErrorResponse.partial().passthrough(), {}, token);
  }

  async setPassword(token: string, kind: 'analyst' | 'contact', id: string, password: string): Promise<void> {
    await this.call('PUT', `/api/v1/${kind === 'analyst' ? 'analysts' : 'contacts'}/${encodeURIComponent(id)}/password`, OkResponse, { password }, token);
  }

  registerClient(token: string, request: RegisterClientRequest): Promise<Timed<RegisterClientResponse>> {
    return this.call('POST', '/api/v1/clients', RegisterClientResponse, request, token);
  }

  push(token: string, request: PushRequest): Promise<Timed<PushResponse>> {
    return this.call('POST', '/api/v1/push', PushResponse, request, token);
  }

  pull(token: string, request: PullRequest): Promise<Timed<PullResponse>> {
    return this.call('POST', '/api/v1/pull', PullResponse, request, token);
  }

  socketUrl(token: string): string {
    const url = new URL('/api/v1/socket', this.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    url.searchParams.set('protocol', String(PROTOCOL_VERSION));
    return url.toString();
  }
}
