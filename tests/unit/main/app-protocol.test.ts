import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appProtocolHandler, contentTypeOf, registerAppScheme, resolveAppAsset } from '../../../src/main/security/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/csp';

const root = mkdtempSync(join(tmpdir(), 'soe-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>War Room</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
// A file next to the renderer folder that traversal would reach.
const secret = `${root}-secret.txt`;
writeFileSync(secret, 'secret');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(secret, { force: true });
});

const get = (url: string, method = 'GET') => appProtocolHandler(root)({ url, method });

describe('app:// resolver (ARCHITECTURE.md style 9: traversal-safe)', () => {
  it('maps our origin to files inside the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://soe/index.html')).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppAsset(root, 'app://soe/')).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppAsset(root, 'app://soe/assets/index-abc.js?v=1#x')).toEqual({ ok: true, file: join(root, 'assets', 'index-abc.js') });
    expect(resolveAppAsset(root, 'app://soe/index.html#/board')).toEqual({ ok: true, file: join(root, 'index.html') });
  });

  it.each([
    ['app://soe/../secret.txt', 'path traversal'],
    ['app://soe/assets/../../secret.txt', 'path traversal'],
    ['app://soe/./index.html', 'path traversal'],
    ['app://soe/%2e%2e/secret.txt', 'encoded path characters'],
    ['app://soe/%2E%2E/secret.txt', 'encoded path characters'],
    ['app://soe/.%2e/secret.txt', 'encoded path characters'],
    ['app://soe/assets%2f..%2f..%2fsecret.txt', 'encoded path characters'],
    ['app://soe/..%5csecret.txt', 'encoded path characters'],
    ['app://soe/index.html%00.js', 'encoded path characters'],
    ['app://soe/..\\secret.txt', 'forbidden character'],
    ['app://soe//etc/passwd', 'absolute path'],
    ['app://soe/%252e%252e/secret.txt', null],
    ['app://soe/C:/Windows/win.ini', 'absolute path'],
    ['app://soe/%E0%A4%A', 'malformed escape'],
  ])('refuses %s', (url, reason) => {
    const result = resolveAppAsset(root, url);
    if (reason === null) {
      // Double encoding decodes once to a literal "%2e%2e" folder name: harmless, and inside the root.
      expect(result.ok && result.file.startsWith(root)).toBe(true);
      return;
    }
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('refuses other origins and schemes', () => {
    expect(resolveAppAsset(root, 'app://evil/index.html')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppAsset(root, 'file:///etc/passwd')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppAsset(root, 'app://soe.evil/index.html')).toMatchObject({ ok: false, status: 403 });
  });
});

describe('app:// handler', () => {
  it('serves files with the CSP header and a content type', async () => {
    const response = await get('app://soe/assets/index-abc.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers traversal with 400 and never the file', async () => {
    const response = await get('app://soe/../x/../secret.txt');
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('secret');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await get('app://soe/%2e%2e/secret.txt')).status).toBe(400);
  });

  it('answers a missing file with 404 and other methods with 405', async () => {
    expect((await get('app://soe/nope.js')).status).toBe(404);
    expect((await get('app://soe/assets')).status).toBe(404);
    expect((await get('app://soe/index.html', 'POST')).status).toBe(405);
    const head = await get('app://soe/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('knows the types a Vite build emits', () => {
    expect(contentTypeOf('a.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('a.css')).toMatch(/^text\/css/);
    expect(contentTypeOf('a.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream');
  });

  it('registers app: as a standard, secure scheme', () => {
    const schemes: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => void schemes.push(...s) });
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
  });
});

describe('content security policy', () => {
  it('never allows eval or inline script, and locks everything else to our origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});
