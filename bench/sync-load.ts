// The load run of the sync benchmark: N simulated desktops on loopback, each pushing one mutation a second for
// BENCH_LOAD_SECONDS while pulling on every poke — the protocol as a desktop speaks it, without 200 SQLite replicas.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, ServerSocketMessage } from '../src/shared/sync/protocol';
import { percentile, round } from './figures';

export interface LoadResult {
  pushes: number;
  pulls: number;
  errors: number;
  p99Ms: number;
  p50Ms: number;
  /** What the errors were (HTTP status or exception), to tell overload from bugs. */
  errorKinds: Record<string, number>;
}

const post = async (url: string, token: string | null, body: unknown): Promise<{ status: number; json: unknown }> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, json: await response.json() };
};

/** Runs the load against a started server; `logins` are analysts whose tokens the simulated desktops share. */
export const runLoad = async (baseUrl: string, options: { clients: number; seconds: number; logins: string[]; ocIds: string[] }): Promise<LoadResult> => {
  const tokens: string[] = [];
  for (const login of options.logins) {
    const answer = await post(`${baseUrl}/api/v1/login`, null, { login, password: 'demo' });
    if (answer.status !== 200) throw new Error(`load: login ${login} failed (${answer.status})`);
    tokens.push((answer.json as { token: string }).token);
  }
  const latencies: number[] = [];
  let errors = 0;
  let pulls = 0;
  const errorKinds: Record<string, number> = {};
  const failed = (kind: string): void => {
    errors += 1;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const sockets: WebSocket[] = [];
  const started = performance.now();
  const endAt = started + options.seconds * 1_000;
  const clients = Array.from({ length: options.clients }, async (_, index) => {
    const token = tokens[index % tokens.length] as string;
    const clientId = `load-${index}-${randomUUID().slice(0, 8)}`;
    let cursor = 0;
    let pulling = false;
    let pullAgain = false;
    const pull = async (): Promise<void> => {
      if (pulling) {
        pullAgain = true;
        return;
      }
      pulling = true;
      try {
        do {
          pullAgain = false;
          const answer = await post(`${baseUrl}/api/v1/pull`, token, { clientId, cursor, limit: 5_000 });
          pulls += 1;
          if (answer.status !== 200) failed(`pull ${answer.status}`);
          else cursor = (answer.json as { cursor: number }).cursor;
        } while (pullAgain && performance.now() < endAt);
      } catch (error) {
        failed(`pull ${error instanceof Error ? error.name : 'error'}`);
      } finally {
        pulling = false;
      }
    };
    await new Promise<void>((resolve) => {
      const url = new URL('/api/v1/socket', baseUrl);
      url.protocol = 'ws:';
      url.searchParams.set('token', token);
      url.searchParams.set('protocol', String(PROTOCOL_VERSION));
      const socket = new WebSocket(url);
      sockets.push(socket);
      socket.on('message', (data) => {
        const message = ServerSocketMessage.safeParse(JSON.parse(String(data)));
        if (!message.success) return;
        if (message.data.type === 'hello') {
          cursor = message.data.head;
          resolve();
        } else if (message.data.type === 'poke' && message.data.head > cursor) void pull();
      });
      socket.on('error', (error) => {
        failed(`socket ${error.message}`);
        resolve();
      });
    });
    // Spread the clients over the second so the load is steady, not 200 pushes at the same instant.
    await new Promise((r) => setTimeout(r, (index / options.clients) * 1_000));
    let mutationId = 0;
    while (performance.now() < endAt) {
      const tickAt = performance.now();
      mutationId += 1;
      const ocId = options.ocIds[(index + mutationId) % options.ocIds.length] as string;
      const t0 = performance.now();
      try {
        const answer = await post(`${baseUrl}/api/v1/push`, token, {
          clientId,
          mutations: [{ id: mutationId, name: 'oc.note', args: { ocId, interactionId: randomUUID(), body: `Carga ${mutationId}` }, clientTime: Date.now() }],
        });
        const ok = answer.status === 200 && (answer.json as { results: Array<{ ok: boolean }> }).results[0]?.ok === true;
        if (ok) latencies.push(performance.now() - t0);
        else failed(`push ${answer.status}`);
      } catch (error) {
        failed(`push ${error instanceof Error ? error.name : 'error'}`);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, tickAt + 1_000 - performance.now())));
    }
  });
  await Promise.all(clients);
  for (const socket of sockets) socket.terminate();
  return { pushes: latencies.length, pulls, errors, errorKinds, p99Ms: round(percentile(latencies, 99), 1), p50Ms: round(percentile(latencies, 50), 1) };
};
