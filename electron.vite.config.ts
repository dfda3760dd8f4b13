import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { EVENT_NAMES, METHOD_NAMES } from './src/shared/api/contract';

// Three bundles, one per process: main (Node, ESM), preload (sandboxed, so CommonJS), renderer (the web app that
// also runs in the browser shell).
//
// The preload needs only the contract's names. Importing the contract itself would carry every schema and the
// holiday tables into each window (2 MB, ~200 ms before the page starts), so the names are computed here, from
// the same contract, and injected at build time.
export const PRELOAD_CONTRACT_NAMES = JSON.stringify({ methods: METHOD_NAMES, events: EVENT_NAMES });

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    define: { __SOE_CONTRACT_NAMES__: PRELOAD_CONTRACT_NAMES },
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
  },
});
