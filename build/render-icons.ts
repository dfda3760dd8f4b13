// npx tsx build/render-icons.ts — regenerates the committed icons from the SVG sources in build/icons.
// Needs rsvg-convert (librsvg2-bin), icotool (icoutils) and png2icns (icnsutils); the outputs are committed, so
// nobody else needs these tools.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const icons = join(root, 'build', 'icons');
const work = mkdtempSync(join(tmpdir(), 'soe-icons-'));

const render = (svg: string, size: number, out: string): string => {
  execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), join(icons, svg), '-o', out]);
  return out;
};

try {
  // The application icon: electron-builder takes build/icon.png (Linux), build/icon.ico (Windows) and
  // build/icon.icns (macOS); the window icon at run time is resources/icon.png.
  render('logo.svg', 1024, join(root, 'build', 'icon.png'));
  render('logo.svg', 256, join(root, 'resources', 'icon.png'));
  const icoSizes = [16, 24, 32, 48, 64, 128, 256].map((size) => render('logo.svg', size, join(work, `ico-${size}.png`)));
  execFileSync('icotool', ['-c', '-o', join(root, 'build', 'icon.ico'), ...icoSizes]);
  const icnsSizes = [16, 32, 128, 256, 512, 1024].map((size) => render('logo.svg', size, join(work, `icns-${size}.png`)));
  execFileSync('png2icns', [join(root, 'build', 'icon.icns'), ...icnsSizes]);

  // Tray: one shape per sync state (colour-blind safe), 16 px plus @2x for HiDPI panels.
  const tray = join(root, 'resources', 'tray');
  mkdirSync(tray, { recursive: true });
  for (const state of ['online', 'connecting', 'offline', 'local-only']) {
    render(`tray-${state}.svg`, 16, join(tray, `sync-${state}.png`));
    render(`tray-${state}.svg`, 32, join(tray, `sync-${state}@2x.png`));
  }
  console.log('icons written: build/icon.{png,ico,icns}, resources/icon.png, resources/tray/*.png');
} finally {
  rmSync(work, { recursive: true, force: true });
}
