import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import { Attachment } from '../../shared/domain/attachment';
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

/** The server's answer to an upload's begin, append or status (src/server/attachments/uploads.ts UploadState). */
export const UploadStateResponse = z.discriminatedUnion('state', [
  z.object({ state: z.literal('receiving'), id: z.string(), received: z.number().int().nonnegative(), size: z.number().int().nullable(), interrupted: z.boolean() }),
  z.object({ state: z.literal('complete'), attachment: Attachment, deduplicated: z.boolean() }),
]);
export type UploadStateResponse = z.infer<typeof UploadStateResponse>;

export interface BeginUploadRequest {
  id: string;
  ocId: string;
  interactionId: string | null;
  name: string;
  size: number;
  sha256: string;
}

/** The desktop's HTTP client of the sync API: every answer parsed with zod, every failure a typed error. */
export class ServerApi {
  constructor(readonly baseUrl: string, private readonly now: () => number, private readonly timeoutMs = 30_000) {}

  private headers(token: string | null, extra: Record<string, string> = {}): Record<string, string> {
    return { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...extra };
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, schema: S, body: unknown, token: string | null, stream?: { body: Readable; offset: number },
  ): Promise<Timed<z.output<S>>> {
    const sentAt = this.now();
    let response: Response;
    let text: string;
    try {
      const init: RequestInit & { duplex?: 'half' } = stream === undefined
        ? {
          method,
          headers: this.headers(token, body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(this.timeoutMs),
        }
        : {
          method,
          headers: this.headers(token, { 'content-type': 'application/octet-stream', 'upload-offset': String(stream.offset) }),
          body: Readable.toWeb(stream.body) as unknown as NonNullable<RequestInit['body']>,
          duplex: 'half',
        };
      response = await fetch(`${this.baseUrl}${path}`, init);
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

  /** Begins (or finds again) the upload of an attachment: how many bytes the server holds, or the attachment. */
  beginUpload(token: string, request: BeginUploadRequest): Promise<Timed<UploadStateResponse>> {
    return this.call('POST', '/api/v1/attachments/uploads', UploadStateResponse, request, token);
  }

  /** Streams the file's bytes from `offset` (what the server holds); resumable after any failure. */
  appendUpload(token: string, id: string, offset: number, body: Readable): Promise<Timed<UploadStateResponse>> {
    return this.call('PATCH', `/api/v1/attachments/uploads/${encodeURIComponent(id)}`, UploadStateResponse, undefined, token, { body, offset });
  }

  /**
   * Streams an attachment's bytes into `path` (never held whole in memory); answers their SHA-256 and size. A
   * refusal is a ServerRefused, a failure on the way an Unreachable (the caller drops the partial file).
   */
  async download(token: string, id: string, path: string): Promise<{ sha256: string; size: number }> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/api/v1/attachments/${encodeURIComponent(id)}`, { headers: this.headers(token) });
    } catch (error) {
      throw new Unreachable(error instanceof Error ? error.message : String(error));
    }
    if (!response.ok || response.body === null) {
      const text = await response.text().catch(() => '');
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Unreachable(`${response.status}: not JSON`);
      }
      const parsed = ErrorResponse.safeParse(json);
      if (!parsed.success) throw new Unreachable(`${response.status}: unexpected error body`);
      const { code, message, details } = parsed.data.error;
      throw new ServerRefused(response.status, domainError(code, message, details));
    }
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as unknown as WebReadableStream), tap, createWriteStream(path));
    } catch (error) {
      throw new Unreachable(error instanceof Error ? error.message : String(error));
    }
    return { sha256: hash.digest('hex'), size };
  }

  socketUrl(token: string): string {
    const url = new URL('/api/v1/socket', this.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    url.searchParams.set('protocol', String(PROTOCOL_VERSION));
    return url.toString();
  }
}
