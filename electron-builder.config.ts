import type { Configuration } from 'electron-builder';
import { NATIVE_CACHE } from './build/electron-native';
import { afterPack, beforePack } from './build/packaging-hooks';

// `npm run package` (host platform) or `npm run package -- --linux|--win|--mac`. electron-builder reads this file.
const config: Configuration = {
  appId: 'br.com.unosolucoes.soe-war-room',
  productName: 'SOE War Room',
  copyright: 'Copyright © UNO Soluções',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'out/**',
    'resources/**',
    'package.json',
    '!**/*.map',
    // The app loads SQLite from resources/native (below); the Node-ABI build and its sources stay out.
    '!node_modules/better-sqlite3/{src,deps,build}/**',
  ],
  asar: true,
  // electron-builder would otherwise rebuild node_modules in place for Electron, breaking the Node-ABI
  // better-sqlite3 that the tests and the browser shell load. The Electron build comes from beforePack.
  npmRebuild: false,
  extraResources: [{ from: `${NATIVE_CACHE}/\${os}-\${arch}/better_sqlite3.node`, to: 'native/better_sqlite3.node' }],
  beforePack,
  afterPack,
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icon.png',
    category: 'Office',
    executableName: 'soe-war-room',
    maintainer: 'UNO Soluções — Suporte S.O.E. <suporte@unosolucoes.com.br>',
    vendor: 'UNO Soluções',
    synopsis: 'Central de suporte S.O.E. (War Room) do UNO ERP',
  },
  win: { target: ['nsis'], icon: 'build/icon.ico' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, createDesktopShortcut: true },
  mac: { target: ['dmg'], icon: 'build/icon.icns', category: 'public.app-category.business', hardenedRuntime: true },
};

export default config;
