import type { MarkRange } from '../../../shared/search/snippets';

/** A text cut into plain and marked pieces by [start, end) ranges; overlapping or out-of-range marks are clamped. */
export const markedPieces = (text: string, marks: readonly MarkRange[]): Array<{ text: string; marked: boolean }> => {
  const pieces: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [rawStart, rawEnd] of [...marks].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(at, Math.min(rawStart, text.length));
    const end = Math.max(start, Math.min(rawEnd, text.length));
    if (end === start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
};
