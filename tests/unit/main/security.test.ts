import { describe, expect, it, vi } from 'vitest';
import { EXTERNAL_HTTPS_HOSTS, isAllowedExternal, openExternalSafely } from '../../../src/main/security/external-links';
import { denyPermissionsByDefault, isPermissionAllowed } from '../../../src/main/security/permissions';
import { guardWebContents } from '../../../src/main/security/web-contents-guards';
import { secureWebPreferences } from '../../../src/main/security/web-preferences';
import { fakeEvent, FakeWebContents, session } from './fake-electron';

describe('web preferences (ARCHITECTURE.md style 9)', () => {
  it('isolate, sandbox and strip Node from every renderer', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('shell.openExternal allow-list', () => {
  it.each([
    'https://blog.unoerp.com.br/como-emitir-nfe',
    'https://www.unoerp.com.br/universidade',
    'https://www.unosolucoes.com.br/suporte?x=1#y',
    'mailto:suporte@unosolucoes.com.br',
  ])('opens %s', (url) => expect(isAllowedExternal(url)).toBe(true));

  it.each([
    'http://blog.unoerp.com.br/artigo',
    'https://evil.example/phish',
    'https://blog.unoerp.com.br.evil.example/',
    'https://evil.blog.unoerp.com.br/',
    'https://unoerp.com.br/',
    'https://user:pass@www.unoerp.com.br/',
    'https://www.unoerp.com.br:8443/',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'app://soe/index.html',
    'mailto:',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternal(url)).toBe(false));

  it('only calls shell.openExternal for allowed links', () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    expect(openExternalSafely(shell, 'https://evil.example/')).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(openExternalSafely(shell, 'https://blog.unoerp.com.br/a')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://blog.unoerp.com.br/a');
    expect([...EXTERNAL_HTTPS_HOSTS].sort()).toEqual(['blog.unoerp.com.br', 'www.unoerp.com.br', 'www.unosolucoes.com.br']);
  });
});

describe('permission handlers deny by default', () => {
  const ses = session.defaultSession;
  denyPermissionsByDefault(ses as never);

  const request = (permission: string, requestingUrl: string): boolean => {
    let granted: boolean | null = null;
    ses.requestHandler?.(null, permission, (g) => { granted = g; }, { requestingUrl });
    if (granted === null) throw new Error('the request handler did not answer');
    return granted;
  };

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'display-capture', 'fullscreen', 'openExternal', 'midiSysex', 'unknown'])(
    'refuses %s, even to our own page',
    (permission) => {
      expect(request(permission, 'app://soe/index.html')).toBe(false);
      expect(ses.checkHandler?.(null, permission, 'app://soe')).toBe(false);
    },
  );

  it('lets only our page write plain text to the clipboard', () => {
    expect(request('clipboard-sanitized-write', 'app://soe/index.html')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(ses.checkHandler?.(null, 'clipboard-sanitized-write', 'app://soe')).toBe(true);
    expect(ses.checkHandler?.(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://soe.evil')).toBe(false);
  });

  it('refuses every device', () => {
    expect(ses.deviceHandler?.()).toBe(false);
  });
});

describe('navigation, new windows and <webview>', () => {
  const setup = () => {
    const contents = new FakeWebContents({});
    const hooks = { shell: { openExternal: vi.fn(async () => undefined) }, openBoard: vi.fn(), log: vi.fn() };
    guardWebContents(contents as never, hooks);
    return { contents, hooks };
  };

  it('refuses every navigation; an allowed link goes to the system browser instead', () => {
    const { contents, hooks } = setup();
    const evil = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', evil);
    expect(evil.defaultPrevented).toBe(true);
    expect(hooks.shell.openExternal).not.toHaveBeenCalled();
    const article = fakeEvent({ url: 'https://blog.unoerp.com.br/artigo' });
    contents.emit('will-navigate', article);
    expect(article.defaultPrevented).toBe(true);
    expect(hooks.shell.openExternal).toHaveBeenCalledWith('https://blog.unoerp.com.br/artigo');
    const own = fakeEvent({ url: 'app://soe/other.html' });
    contents.emit('will-navigate', own);
    expect(own.defaultPrevented).toBe(true);
    const redirect = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
  });

  it('never opens a window; #/board asks main for the kiosk board instead', () => {
    const { contents, hooks } = setup();
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(hooks.shell.openExternal).not.toHaveBeenCalled();
    expect(open('https://www.unoerp.com.br/x')).toEqual({ action: 'deny' });
    expect(hooks.shell.openExternal).toHaveBeenCalledWith('https://www.unoerp.com.br/x');
    expect(hooks.openBoard).not.toHaveBeenCalled();
    expect(open('app://soe/index.html#/board')).toEqual({ action: 'deny' });
    expect(hooks.openBoard).toHaveBeenCalledTimes(1);
    expect(open('app://soe/index.html#/boardroom')).toEqual({ action: 'deny' });
    expect(hooks.openBoard).toHaveBeenCalledTimes(1);
  });

  it('refuses <webview>', () => {
    const { contents } = setup();
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});
