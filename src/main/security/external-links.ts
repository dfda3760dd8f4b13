import type { Shell } from 'electron';

// Links leave the app only to the N0 self-service articles (manual, "Atuação do Suporte": manual, blog,
// Universidade UNO) and to e-mail. shell.openExternal with an arbitrary URL can launch any registered handler
// (file:, smb:, custom schemes), so everything else is refused.
export const EXTERNAL_HTTPS_HOSTS: ReadonlySet<string> = new Set(['blog.unoerp.com.br', 'www.unoerp.com.br', 'www.unosolucoes.com.br']);

export const isAllowedExternal = (url: string): boolean => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  return (
    parsed.protocol === 'https:' &&
    EXTERNAL_HTTPS_HOSTS.has(parsed.hostname) &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
};

/** Opens an allowed link in the user's browser or mail client; returns whether it did. */
export const openExternalSafely = (shell: Pick<Shell, 'openExternal'>, url: string): boolean => {
  if (!isAllowedExternal(url)) return false;
  void shell.openExternal(url).catch(() => undefined);
  return true;
};
