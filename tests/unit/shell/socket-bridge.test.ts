import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CoreEvents } from '../../../src/core/api/emitter';
import { createApiClient } from '../../../src/renderer/lib/api/client';
import type { TransportState } from '../../../src/renderer/lib/api/transport';
import { webSocketTransport } from '../../../src/renderer/lib/api/ws-transport';
import { CONTENT_SECURITY_POLICY, resolveStaticPath } from '../../../src/shell/static-files';
import { attachSocketBridge, type Bridge } from '../../../src/shell/socket-bridge';

const TOKEN = 'a-per-run-token-of-enough-length';

describe('static files', () => {
  it('never resolve outside the renderer folder', () => {
    const root = '/srv/renderer';
    expect(resolveStaticPath(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/index-abc.js?v=1')).toBe('/srv/renderer/assets/index-abc.js');
    for (const evil of ['/../etc/passwd', '/..%2f..%2fetc/passwd', '/assets/..%5c..%5csecret', '/%00', '/a/../../b', '/%E0%A4%A']) {
      expect(resolveStaticPath(root, evil), evil).toBeNull();
    }
  });

  it('ship a CSP without eval or inline script that allows only the loopback socket', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    expect(CONTENT_SECURITY_POLICY).toContain('connect-src \'self\' ws://127.0.0.1:*');
  });
});

describe('socket bridge ↔ renderer transport', () => {
  let http: Server | null = null;
  let bridge: Bridge | null = null;
  afterEach(async () => {
    bridge?.close();
    await new Promise<void>((done) => (http === null ? done() : http.close(() => done())));
    http = null;
  });

  const start = async () => {
    const events = new CoreEvents();
    const calls: Array<{ method: string; args: unknown }> = [];
    http = createServer();
    let port = 0;
    bridge = attachSocketBridge(http, {
      token: TOKEN,
      events,
      origin: () => `http://127.0.0.1:${port}`,
      authTimeoutMs: 500,
      api: {
        invoke: async (method, args) => {
          calls.push({ method, args });
          return method === 'session.current' ? { ok: true, value: null } : { ok: false, error: { code: 'UNKNOWN_METHOD', message: { 'pt-BR': 'x', en: 'x' } } };
        },
      },
    });
    await new Promise<void>((done) => http?.listen(0, '127.0.0.1', () => done()));
    port = (http.address() as AddressInfo).port;
    // The renderer's transport, with a WebSocket that sends the page's Origin as a browser would.
    const origin = `http://127.0.0.1:${port}`;
    (globalThis as { WebSocket?: unknown }).WebSocket = class extends WebSocket {
      constructor(url: string) {
        super(url, { origin });
      }
    };
    return { events, calls, port };
  };

  it('authenticates with the token, answers calls, forwards events (validated by the contract)', async () => {
    const { events, calls, port } = await start();
    const client = createApiClient(webSocketTransport({ url: `ws://127.0.0.1:${port}/api`, token: TOKEN }));
    const seen: unknown[] = [];
    client.on('sync.state', (state) => seen.push(state.status));
    expect(await client.call('session.current', {})).toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ method: 'session.current', args: {} }]);
    events.emit('sync.state', { status: 'offline', offlineSince: 1, pending: 2, lastSyncAt: null, serverUrl: null, clockOffsetMs: 0, problem: null });
    // A malformed payload is dropped, not half-applied.
    events.emit('sync.state', { status: 'nonsense' } as never);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual(['offline']);
  });

  it('closes a socket with a wrong token and tells the renderer why', async () => {
    const { port } = await start();
    const transport = webSocketTransport({ url: `ws://127.0.0.1:${port}/api`, token: 'a-wrong-token-of-enough-length' });
    const states: TransportState[] = [];
    transport.onConnection?.((s) => states.push(s));
    const result = await transport.invoke('session.current', {});
    expect(result.ok).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(states.at(-1)).toEqual({ status: 'closed', reason: 'bad_token' });
  });

  it('refuses an upgrade from another origin (a web page trying to reach the local core)', async () => {
    const { port } = await start();
    const outcome = await new Promise<string>((done) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, { origin: 'https://evil.example' });
      ws.on('open', () => done('open'));
      ws.on('error', (error) => done(error.message));
    });
    expect(outcome).toContain('403');
  });
});
