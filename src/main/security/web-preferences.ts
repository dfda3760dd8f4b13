import type { WebPreferences } from 'electron';

/**
 * Every window of the app gets these (Electron security checklist, ARCHITECTURE.md style 9): the renderer is
 * a sandboxed web page with no Node, isolated from the preload, and same-origin policy intact.
 */
export const secureWebPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
});
