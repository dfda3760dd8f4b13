// Line breaking for PDF documents, measured with the document's own font metrics (a `measure` callback that is
// pdfkit's widthOfString). Words break at spaces; a word wider than the whole line — a 200-character part number
// in a subject — is cut after one of its own hyphens when it has one, else between two characters with a hyphen
// added, so nothing ever runs past its column. The no-break spaces Intl puts inside "R$ 1.500,00" and between a
// number and its unit keep those together.

export type MeasureWidth = (text: string) => number;

/** Tolerance for floating-point sums of glyph advances (a thousandth of a point). */
const EPSILON = 1e-3;
const HYPHEN = '-';

// Collapsible white space: everything \s matches except the no-break spaces (U+00A0, U+2007, U+202F).
const BREAKABLE_SPACE = /[^\S\u00A0\u2007\u202F]+/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemesOf = (word: string): string[] => Array.from(graphemes.segment(word), (s) => s.segment);

/** The paragraphs of a cell: hard line breaks kept, tabs and runs of spaces collapsed to one space. */
export const paragraphsOf = (text: string): string[] =>
  text.split(/\r\n|\r|\n|\u2028|\u2029/u).map((p) => p.split(BREAKABLE_SPACE).filter((w) => w.length > 0).join(' '));

/**
 * Cuts a word that is wider than `width` into pieces that each fit: after its own hyphen where one fits, otherwise
 * at the widest grapheme boundary with a hyphen added. A piece of a single grapheme that still does not fit is
 * kept whole (a column narrower than one letter is the caller's bug, not a reason to loop).
 */
export const breakWord = (word: string, width: number, measure: MeasureWidth): string[] => {
  const pieces: string[] = [];
  let rest = graphemesOf(word);
  while (rest.length > 0) {
    if (measure(rest.join('')) <= width + EPSILON) {
      pieces.push(rest.join(''));
      break;
    }
    // The longest prefix that fits with a hyphen after it (binary search: widths grow with the prefix).
    let lo = 1;
    let hi = rest.length - 1;
    let fit = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const prefix = rest.slice(0, mid).join('');
      const candidate = prefix.endsWith(HYPHEN) ? prefix : prefix + HYPHEN;
      if (measure(candidate) <= width + EPSILON) {
        fit = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (fit === 0) {
      pieces.push(rest[0] as string);
      rest = rest.slice(1);
      continue;
    }
    // Prefer the word's own hyphen when it is in the second half of what fits ("OC-2026-" + "000123").
    const ownHyphen = rest.slice(0, fit).lastIndexOf(HYPHEN);
    const cut = ownHyphen >= fit / 2 ? ownHyphen + 1 : fit;
    const prefix = rest.slice(0, cut).join('');
    pieces.push(prefix.endsWith(HYPHEN) ? prefix : prefix + HYPHEN);
    rest = rest.slice(cut);
  }
  return pieces;
};

/** Greedy line filling of one paragraph (already collapsed to single spaces). */
const wrapParagraph = (paragraph: string, width: number, measure: MeasureWidth): string[] => {
  if (paragraph.length === 0) return [''];
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line.length > 0 && measure(`${line} ${word}`) <= width + EPSILON) {
      line = `${line} ${word}`;
      continue;
    }
    if (line.length > 0) lines.push(line);
    if (measure(word) <= width + EPSILON) {
      line = word;
      continue;
    }
    const pieces = breakWord(word, width, measure);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1] ?? '';
  }
  lines.push(line);
  return lines;
};

/** The lines of `text` in a box `width` points wide; every line measures at most `width` (but see breakWord). */
export const wrapText = (text: string, width: number, measure: MeasureWidth): string[] =>
  paragraphsOf(text).flatMap((p) => wrapParagraph(p, width, measure));

/** The widest single word of `text` (the narrowest box it fits without breaking a word). */
export const widestWord = (text: string, measure: MeasureWidth): number =>
  paragraphsOf(text).reduce((w, p) => p.split(' ').reduce((m, word) => Math.max(m, measure(word)), w), 0);

/** The widest paragraph of `text` on one line (the box in which it needs no wrapping). */
export const widestParagraph = (text: string, measure: MeasureWidth): number =>
  paragraphsOf(text).reduce((w, p) => Math.max(w, measure(p)), 0);

/**
 * `lines` cut to at most `max`, the last kept line ending in an ellipsis that fits in `width` — for a cell
 * taller than a whole page, the one case where text must be shortened (a row is never split across pages).
 */
export const clampLines = (lines: readonly string[], max: number, width: number, measure: MeasureWidth): string[] => {
  if (lines.length <= max) return [...lines];
  const kept = lines.slice(0, Math.max(1, max));
  let last = graphemesOf(kept[kept.length - 1] ?? '');
  while (last.length > 0 && measure(`${last.join('').trimEnd()}…`) > width + EPSILON) last = last.slice(0, -1);
  kept[kept.length - 1] = `${last.join('').trimEnd()}…`;
  return kept;
};
