// The load run of the sync benchmark: N simulated desktops on loopback, each pushing one mutation a second for
// BENCH_LOAD_SECONDS, pulling after each push (to confirm it) and on every poke that does not carry the changes —
// the protocol as a desktop speaks it, without 200 SQLite replicas.
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import WebSocket from 'ws';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, ServerSocketMessage } from '../src/shared/sync/protocol';
import { percentile, round } from './figures';

export interface LoadResult {
  pushes: number;
  pulls: number;
  errors: number;
  p99Ms: number;
  p50Ms: number;
  /** Acknowledged pushes per second over the run (the offered load is one per client per second). */
  perS: number;
  /** What all simulated desktops downloaded per second: every change goes to every desktop. */
  pulledMbPerS: number;
  /** Pokes applied without a pull (they carried the changes). */
  carried: number;
  /** What the errors were (HTTP status or exception), to tell overload from bugs. */
  errorKinds: Record<string, number>;
}

/**
 * One request over a keep-alive agent (node:http: a fraction of fetch's cost per request, so 200 simulated
 * desktops in one process measure the server, not themselves). Resolves with the status and the body text.
 */
const post = (agent: http.Agent, url: string, token: string | null, body: unknown, timeoutMs = 30_000): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const request = http.request(url, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    request.on('error', reject);
    request.end(payload);
  });

/**
 * A pull's new cursor, read from the end of the body: a simulated desktop does not apply the changes (that is
 * the desktop's work, not the server's), so it does not parse them either — the bytes still travel.
 */
const cursorOf = (text: string): number => {
  const at = text.lastIndexOf('"cursor":');
  const cursor = at < 0 ? Number.NaN : Number.parseInt(text.slice(at + 9, at + 30), 10);
  if (!Number.isSafeInteger(cursor)) throw new Error('pull answer without a cursor');
  return cursor;
};

/**
 * A poke's head and, when it carries the changes, their base — read from the frame's first bytes, which the server
 * writes as `{"type":"poke","head":H[,"from":F,"changes":[…]]}`: like the pulls' bodies, the carried changes are
 * not parsed (applying them is the desktop's work, not the server's). Null for any other message.
 */
const pokeOf = (text: string): { head: number; from: number | null } | null => {
  const match = /^\{"type":"poke","head":(\d+)(?:,"from":(\d+),"changes":\[)?/.exec(text);
  return match === null ? null : { head: Number(match[1]), from: match[2] === undefined ? null : Number(match[2]) };
};

/** Runs the load against a started server; `logins` are analysts whose tokens the simulated desktops share. */
export const runLoad = async (baseUrl: string, options: { clients: number; seconds: number; logins: string[]; ocIds: string[] }): Promise<LoadResult> => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const tokens: string[] = [];
  for (const login of options.logins) {
    const answer = await post(agent, `${baseUrl}/api/v1/login`, null, { login, password: 'demo' });
    if (answer.status !== 200) throw new Error(`load: login ${login} failed (${answer.status})`);
    tokens.push((JSON.parse(answer.text) as { token: string }).token);
  }
  let pulledBytes = 0;
  const latencies: number[] = [];
  let errors = 0;
  let pulls = 0;
  let carried = 0;
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
    // Like a desktop: the client id is registered with its secret first, and the secret goes with every call.
    const clientSecret = randomBytes(32).toString('base64url');
    const registered = await post(agent, `${baseUrl}/api/v1/clients`, token, { clientId, clientSecret }).catch(() => ({ status: 0, text: '' }));
    if (registered.status !== 200) failed(`register ${registered.status}`);
    let cursor = 0;
    let confirming = false;
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
          const answer = await post(agent, `${baseUrl}/api/v1/pull`, token, { clientId, clientSecret, cursor, limit: 5_000 });
          pulls += 1;
          pulledBytes += answer.text.length;
          if (answer.status !== 200) failed(`pull ${answer.status}`);
          else cursor = cursorOf(answer.text);
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
      socket.on('message', (data: Buffer) => {
        const poke = pokeOf(data.subarray(0, 80).toString('utf8'));
        if (poke === null) {
          const message = ServerSocketMessage.safeParse(JSON.parse(data.toString('utf8')));
          if (message.success && message.data.type === 'hello') {
            cursor = message.data.head;
            resolve();
          }
        } else if (poke.head > cursor) {
          // A poke that carries the changes above this cursor is applied without a pull, as a desktop with
          // nothing of its own waiting does (one whose push awaits confirmation pulls: the pull confirms it).
          if (poke.from !== null && poke.from <= cursor && !confirming && !pulling) {
            carried += 1;
            cursor = poke.head;
          } else void pull();
        }
      });
      socket.on('error', (error) => {
        failed(`socket ${error.message}`);
        resolve();
      });
    });
    // Spread the clients over the second so the load is steady, not 200 pushes at the same instant.
    await new Promise((r) => setTimeout(r, (index / options.clients) * 1_000));
    let mutationId = 0;
    // Like a desktop's outbox: a push that failed (timeout, network) is sent again with the same id and the same
    // interaction id, so an unanswered push that did commit comes back as a duplicate, never as a gap.
    let pending: { id: number; ocId: string; interactionId: string; firstAt: number } | null = null;
    while (performance.now() < endAt) {
      const tickAt = performance.now();
      if (pending === null) {
        mutationId += 1;
        pending = { id: mutationId, ocId: options.ocIds[(index + mutationId) % options.ocIds.length] as string, interactionId: randomUUID(), firstAt: tickAt };
      }
      const { id, ocId, interactionId, firstAt } = pending;
      try {
        const answer = await post(agent, `${baseUrl}/api/v1/push`, token, {
          clientId,
          clientSecret,
          mutations: [{ id, name: 'oc.note', args: { ocId, interactionId, body: `Carga ${id}` }, clientTime: Date.now() }],
        });
        const ok = answer.status === 200 && (JSON.parse(answer.text) as { results: Array<{ ok: boolean }> }).results[0]?.ok === true;
        if (ok) {
          latencies.push(performance.now() - firstAt);
          pending = null;
          // A desktop's cycle pulls after its push: the pull's lastMutationId confirms the outbox.
          confirming = true;
          void pull().finally(() => (confirming = false));
        } else {
          failed(`push ${answer.status}`);
        }
      } catch (error) {
        failed(`push ${error instanceof Error ? error.name : 'error'}`);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, tickAt + 1_000 - performance.now())));
    }
  });
  await Promise.all(clients);
  for (const socket of sockets) socket.terminate();
  agent.destroy();
  const elapsedS = (performance.now() - started) / 1_000;
  return { pulledMbPerS: round(pulledBytes / 1e6 / elapsedS, 1), pushes: latencies.length, pulls, carried, errors, errorKinds, p99Ms: round(percentile(latencies, 99), 1), p50Ms: round(percentile(latencies, 50), 1), perS: round(latencies.length / elapsedS, 1) };
};
