import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

// Reads a PDF the way a person's viewer does, not the way our code meant to draw it: the words and their boxes
// from poppler's pdftotext -bbox, and the lines drawn on each page from the page content streams.

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Word extends Box {
  text: string;
}

export interface Stroke {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: Word[];
  strokes: Stroke[];
}

const POPPLER_MISSING =
  'pdftotext (poppler-utils) is not installed: this test reads the PDF with it. Install it with ' +
  '`apt-get install poppler-utils` (.ci/run installs it on CI).';

/** Throws (the test fails, it does not skip) when poppler's tools are missing. */
export const requirePoppler = (): void => {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) throw new Error(POPPLER_MISSING);
};

const withFile = <T>(pdf: Buffer, use: (path: string, dir: string) => T): T => {
  const dir = mkdtempSync(join(tmpdir(), 'soe-pdf-'));
  try {
    const path = join(dir, 'doc.pdf');
    writeFileSync(path, pdf);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

const wordsOf = (pdf: Buffer): { width: number; height: number; words: Word[] }[] =>
  withFile(pdf, (path) => {
    const run = spawnSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error !== undefined) throw new Error(POPPLER_MISSING);
    if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
    return [...run.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
      width: Number(page[1]),
      height: Number(page[2]),
      words: [...(page[3] ?? '').matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((w) => ({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: unescapeXml(w[5] ?? ''),
      })),
    }));
  });

/** Indirect objects by number, as latin1 text (enough for pdfkit's uncompressed dictionaries). */
const objectsOf = (pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> => {
  const text = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] ?? '';
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const start = (m.index ?? 0) + m[0].indexOf(body) + at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    const dict = body.slice(0, at);
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return objects;
};

/**
 * The straight lines stroked on each page, in pdfkit's top-left coordinates (pdfkit flips the page with one
 * `1 0 0 -1 0 H cm` and draws rules as `x y m x y l … S`). Only what this app's PDFs draw is understood.
 */
const strokesOf = (pdf: Buffer): Stroke[][] => {
  const objects = objectsOf(pdf);
  const pagesRoot = [...objects.values()].find((o) => /\/Type \/Pages/.test(o.dict));
  const kids = [...(pagesRoot?.dict.match(/\/Kids \[([^\]]*)\]/)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  return kids.map((kid) => {
    const page = objects.get(kid);
    const contents = [...(page?.dict.match(/\/Contents (\d+) 0 R/) ?? [])].slice(1).map(Number);
    const strokes: Stroke[] = [];
    for (const id of contents) {
      const ops = (objects.get(id)?.stream ?? Buffer.alloc(0)).toString('latin1');
      let lineWidth = 1;
      let path: { x: number; y: number }[] = [];
      const segments: { x1: number; y1: number; x2: number; y2: number }[] = [];
      for (const m of ops.matchAll(/([-\d.]+) w\b|([-\d.]+) ([-\d.]+) m\b|([-\d.]+) ([-\d.]+) l\b|\bS\b|\bn\b|\bf\b/g)) {
        if (m[1] !== undefined) lineWidth = Number(m[1]);
        else if (m[2] !== undefined) path = [{ x: Number(m[2]), y: Number(m[3]) }];
        else if (m[4] !== undefined) {
          const from = path[path.length - 1];
          const to = { x: Number(m[4]), y: Number(m[5]) };
          if (from !== undefined) segments.push({ x1: from.x, y1: from.y, x2: to.x, y2: to.y });
          path.push(to);
        } else {
          if (m[0] === 'S') strokes.push(...segments.map((s) => ({ ...s, lineWidth })));
          segments.length = 0;
          path = [];
        }
      }
    }
    return strokes;
  });
};

export const readPdf = (pdf: Buffer): PdfPage[] => {
  const pages = wordsOf(pdf);
  const strokes = strokesOf(pdf);
  if (strokes.length !== pages.length) throw new Error(`pdftotext saw ${pages.length} pages, the page tree has ${strokes.length}`);
  return pages.map((p, i) => ({ ...p, strokes: strokes[i] ?? [] }));
};

/** Renders pages to PNG (pdftoppm) for a person to look at; returns the paths written. */
export const renderPages = (pdf: Buffer, prefix: string, pages: readonly number[]): string[] =>
  withFile(pdf, (path) =>
    pages.map((page) => {
      const run = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', path, `${prefix}-page-${page}`]);
      if (run.error !== undefined || run.status !== 0) throw new Error(`pdftoppm failed: ${String(run.stderr)}`);
      return `${prefix}-page-${page}.png`;
    }),
  );

/** Overlap of two boxes along both axes, in points (0 when they only touch). */
export const overlap = (a: Box, b: Box): { x: number; y: number } => ({
  x: Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin),
  y: Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin),
});

/** Tolerance of the geometry checks, in points (poppler rounds boxes to hundredths). */
export const PDF_EPS = 0.05;

export const describeWord = (w: Word): string => `"${w.text}" at (${w.xMin.toFixed(1)}, ${w.yMin.toFixed(1)})–(${w.xMax.toFixed(1)}, ${w.yMax.toFixed(1)})`;

/** Every word that crosses a page's margin, named with its page (should be none). */
export const wordsOutsideMargins = (pages: readonly PdfPage[], margin: number): string[] =>
  pages.flatMap((page, i) =>
    page.words
      .filter((w) => w.xMin < margin - PDF_EPS || w.yMin < margin - PDF_EPS || w.xMax > page.width - margin + PDF_EPS || w.yMax > page.height - margin + PDF_EPS)
      .map((w) => `page ${i + 1}: ${describeWord(w)}`));

/** Every pair of words printed over each other, named with its page (should be none). */
export const overprintedWords = (pages: readonly PdfPage[]): string[] => {
  const overprints: string[] = [];
  pages.forEach((page, i) => {
    const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
    for (let a = 0; a < words.length; a += 1) {
      const wa = words[a] as Word;
      for (let b = a + 1; b < words.length && (words[b] as Word).yMin < wa.yMax - PDF_EPS; b += 1) {
        const o = overlap(wa, words[b] as Word);
        if (o.x > PDF_EPS && o.y > PDF_EPS) overprints.push(`page ${i + 1}: ${describeWord(wa)} and ${describeWord(words[b] as Word)}`);
      }
    }
  });
  return overprints;
};
