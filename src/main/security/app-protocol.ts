import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_ORIGIN, APP_SCHEME } from '../app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';

// The renderer is served from app://soe/ out of out/renderer. The resolver is the only code that turns a URL
// into a file path, so it refuses anything that could leave that folder, even though Chromium normalises '..'
// before a request reaches us: a bug there must not become a file read here (VS Code's file-protocol lesson).

export type AssetResolution = { ok: true; file: string } | { ok: false; status: 400 | 403; reason: string };

const refuse = (status: 400 | 403, reason: string): AssetResolution => ({ ok: false, status, reason });

/** Maps app://soe/<path> to a file strictly inside `root`, or says why not. */
export const resolveAppAsset = (root: string, requestUrl: string): AssetResolution => {
  const prefix = `${APP_ORIGIN}/`;
  if (requestUrl.slice(0, prefix.length).toLowerCase() !== prefix) return refuse(403, 'foreign origin');
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  // Encoded dots, slashes, backslashes and NULs have no use in our asset names and every use in an attack.
  if (/%(2e|2f|5c|00)/i.test(rawPath)) return refuse(400, 'encoded path characters');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return refuse(400, 'malformed escape');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return refuse(400, 'forbidden character');
  if (decoded.startsWith('/') || /^[a-z]:/i.test(decoded) || isAbsolute(decoded)) return refuse(400, 'absolute path');
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return refuse(400, 'path traversal');
  const base = resolve(root);
  const file = resolve(base, decoded === '' ? 'index.html' : decoded);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return refuse(403, 'outside the renderer folder');
  return { ok: true, file };
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Headers on every app:// response, errors included. */
export const securityHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });

export type ReadAsset = (file: string) => Promise<Uint8Array>;

/** The app:// request handler: GET/HEAD of files under `root`, with the CSP header. */
export const appProtocolHandler = (root: string, read: ReadAsset = (file) => readFile(file)) =>
  async (request: Pick<Request, 'url' | 'method'>): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const resolved = resolveAppAsset(root, request.url);
    if (!resolved.ok) return plain(resolved.status, resolved.reason);
    let body: Uint8Array;
    try {
      body = await read(resolved.file);
    } catch {
      return plain(404, 'not found');
    }
    const headers = { ...securityHeaders(), 'Content-Type': contentTypeOf(resolved.file) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };

/** Must run before app 'ready': a standard, secure scheme gets a real origin, fetch and storage. */
export const registerAppScheme = (protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
};

export const serveAppProtocol = (protocol: Pick<Protocol, 'handle'>, root: string, read?: ReadAsset): void => {
  protocol.handle(APP_SCHEME, appProtocolHandler(root, read));
};
