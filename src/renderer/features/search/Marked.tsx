import type { MarkRange } from '../../../shared/search/snippets';
import { markedPieces } from './marked-pieces';

/**
 * A snippet with its matching words marked. Built from React text nodes and <mark> elements — never HTML — so a
 * subject or a reply holding "<img onerror=…>" shows as the characters it is.
 */
export const Marked = ({ text, marks }: { text: string; marks: readonly MarkRange[] }) => (
  <>
    {markedPieces(text, marks).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
  </>
);
