import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

/** Same policy as the meta tag in index.html; the header also covers frame-ancestors, which a meta tag cannot. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self'",
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Maps a request path to a file inside `root`, or null when it would leave it (../, encoded or not, absolute
 * paths, NUL bytes). The app is a single page: "/" is index.html and the router lives in the URL fragment.
 */
export const resolveStaticPath = (root: string, urlPath: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((segment) => segment === '..')) return null;
  const base = resolve(root);
  const full = resolve(base, normalize(relative));
  return full.startsWith(base + sep) ? full : null;
};

const send = (res: ServerResponse, status: number, body: string): void => {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
};

/**
 * Serves the built renderer. Requests must name this loopback host (a DNS-rebinding page gets 421), only GET
 * and HEAD are answered, and nothing outside the renderer folder is reachable.
 */
export const staticHandler = (root: string, expectedHost: () => string) => async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
  if (req.headers.host !== expectedHost()) return send(res, 421, 'Misdirected request');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
  const path = resolveStaticPath(root, req.url ?? '/');
  if (path === null) return send(res, 404, 'Not found');
  try {
    const info = await stat(path);
    if (!info.isFile()) return send(res, 404, 'Not found');
    const type = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
    // Hashed asset names never change content; index.html must always be fresh after a rebuild.
    const cache = path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': info.size, 'Cache-Control': cache });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(path).pipe(res);
  } catch {
    send(res, 404, 'Not found');
  }
};
