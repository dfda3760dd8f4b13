import { create, type Font } from 'fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The fonts every PDF of the app embeds. pdfkit's built-in Helvetica is not embedded: each viewer substitutes
// its own font with other widths, so text measured for Helvetica overprints elsewhere, and WinAnsi has no "−".
// DejaVu Sans Condensed (Bitstream Vera licence, DejaVu changes public domain: free to embed and redistribute;
// resources/fonts/LICENSE) ships with the app, so a statement looks the same on every machine. It covers
// Portuguese, "—", "−", "R$", typographic quotes and most symbols; its digits all have the same advance
// (tabular), which is what makes right-aligned money columns line up. pdfkit embeds only the glyphs used.

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
};

const REPLACEMENT = 0xfffd;

/**
 * resources/fonts, found from this module up: src/core/reports in the sources and the browser shell, out/main
 * in the electron-vite bundle (inside app.asar once packaged, which Electron's fs reads).
 */
const findFontDir = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FILES.regular))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`resources/fonts/${FILES.regular} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
};

export interface PdfFont {
  /** The TrueType bytes, for pdfkit's registerFont. */
  bytes: Buffer;
  /** Parsed once to answer which code points have a glyph. */
  font: Font;
}

let loaded: Record<FontWeight, PdfFont> | null = null;

export const pdfFonts = (): Record<FontWeight, PdfFont> => {
  if (loaded === null) {
    const dir = findFontDir();
    const load = (weight: FontWeight): PdfFont => {
      const bytes = readFileSync(join(dir, FILES[weight]));
      const font = create(bytes);
      if (!('hasGlyphForCodePoint' in font)) throw new Error(`${FILES[weight]} is a font collection`);
      return { bytes, font };
    };
    loaded = { regular: load('regular'), bold: load('bold') };
  }
  return loaded;
};

/**
 * Text as the PDF can show it: NFC (one glyph for "é" however it was typed), invisible controls and format
 * characters dropped (C1 controls, zero-width joiners, soft hyphens — the Text type lets some through and they
 * would print as empty boxes), and any other character the font lacks (CJK, for one) as U+FFFD "�", which shows
 * that something was there. Tabs and line breaks stay: the layout turns them into spaces and lines.
 */
export const printable = (text: string, weight: FontWeight = 'regular'): string => {
  const { font } = pdfFonts()[weight];
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? REPLACEMENT;
    if (ch === '\n' || ch === '\t' || ch === '\r') out += ch;
    else if (ch === '\u2028' || ch === '\u2029') out += '\n';
    else if (/[\p{Cc}\p{Cf}\p{Cs}]/u.test(ch)) continue;
    else if (font.hasGlyphForCodePoint(cp)) out += ch;
    else out += /\p{Zs}/u.test(ch) ? ' ' : String.fromCodePoint(REPLACEMENT);
  }
  return out;
};
