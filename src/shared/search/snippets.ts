import { formatCnpj } from '../domain/cnpj';
import type { InteractionKind } from '../domain';
import { cnpjMatches, foldWord, numberMatches, phraseAt, type SearchTerm } from './query';

// Why a result matched, shown under it: the field and a short excerpt with the matching words marked
// ("Cliente: [Araucária] Alimentos", "…a [nota] [fiscal] 1234 foi rejeitada…"). Marks are ranges of the excerpt
// — the renderer builds text nodes and <mark> elements from them, never HTML.

export type SnippetField = 'number' | 'customer' | 'cnpj' | 'contact' | 'subject' | 'description' | 'interaction';

/** A range [start, end) of UTF-16 code units in a snippet's text. */
export type MarkRange = [number, number];

export interface Snippet {
  field: SnippetField;
  text: string;
  marks: MarkRange[];
  /** The kind of interaction the text comes from (reply, note, call…). */
  interactionKind?: InteractionKind;
}

/** A field of an OC a snippet may be taken from, in the order they are preferred. */
export interface SnippetSource {
  field: SnippetField;
  text: string;
  interactionKind?: InteractionKind;
}

/** How many code units of context an excerpt keeps on each side of its first mark. */
export const SNIPPET_CONTEXT = 60;
/** How long an excerpt may be. */
export const SNIPPET_LENGTH = 180;

interface Token {
  start: number;
  end: number;
  word: string;
}

const tokensOf = (text: string): Token[] =>
  [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: foldWord(m[0]) }));

interface Found {
  marks: MarkRange[];
  /** Indexes of the terms the text answers. */
  terms: Set<number>;
}

/** The words of `text` that answer each text or digits term (whole words marked, as the index matched them). */
const findInText = (text: string, terms: readonly SearchTerm[]): Found => {
  const tokens = tokensOf(text);
  const words = tokens.map((t) => t.word);
  const found: Found = { marks: [], terms: new Set() };
  terms.forEach((term, index) => {
    if (term.kind !== 'text' && term.kind !== 'digits') return;
    for (let at = phraseAt(words, term.parts); at >= 0; at = phraseAt(words, term.parts, at + 1)) {
      found.terms.add(index);
      found.marks.push([tokens[at]?.start ?? 0, tokens[at + term.parts.length - 1]?.end ?? 0]);
    }
  });
  return found;
};

/** Marks sorted and merged where they touch or overlap. */
const merged = (marks: readonly MarkRange[]): MarkRange[] => {
  const out: MarkRange[] = [];
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = out[out.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
};

/** The part of a long text around its first mark, on word boundaries, with "…" where it was cut. */
export const excerpt = (text: string, marks: readonly MarkRange[], context = SNIPPET_CONTEXT, length = SNIPPET_LENGTH): { text: string; marks: MarkRange[] } => {
  // Line breaks become spaces one for one, so the marks keep their places.
  const flat = text.replace(/[\r\n\t\u2028\u2029]/g, ' ');
  const first = marks[0]?.[0] ?? 0;
  let start = Math.max(0, first - context);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + length);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    end = space > first ? space : end;
  }
  // Never cut a surrogate pair in two.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(flat[start] ?? '')) start -= 1;
  if (end < flat.length && /[\uDC00-\uDFFF]/.test(flat[end] ?? '')) end += 1;
  const head = start > 0 ? '…' : '';
  const shift = head.length - start;
  const kept = marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]): MarkRange => [s + shift, e + shift]);
  return { text: `${head}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`, marks: kept };
};

/** What one source answers: its text (the CNPJ formatted) with marks, and the terms it answers. */
const answer = (source: SnippetSource, terms: readonly SearchTerm[], oc: { id: string; number: string | null }): Found & { text: string } => {
  if (source.field === 'number') {
    const hit = new Set(terms.flatMap((t, i) => (numberMatches(t, oc) ? [i] : [])));
    const inText = findInText(source.text, terms);
    for (const i of inText.terms) hit.add(i);
    return { text: source.text, terms: hit, marks: hit.size > 0 ? [[0, source.text.length]] : [] };
  }
  if (source.field === 'cnpj') {
    const shown = formatCnpj(source.text);
    const found: Found = { marks: [], terms: new Set() };
    terms.forEach((term, i) => {
      if (term.kind !== 'digits' || !cnpjMatches(term, source.text)) return;
      found.terms.add(i);
      // The end of the typed digits in the formatted CNPJ.
      let digits = 0;
      let end = 0;
      while (end < shown.length && digits < term.digits.length) {
        if (/\d/.test(shown[end] ?? '')) digits += 1;
        end += 1;
      }
      found.marks.push([0, end]);
    });
    return { text: shown, ...found };
  }
  return { text: source.text, ...findInText(source.text, terms) };
};

/**
 * The snippets that say why an OC matched: the sources that answer the most terms not yet answered, in the order
 * given, at most `max`. Long texts are cut around their first mark.
 */
export const snippetsFor = (sources: readonly SnippetSource[], terms: readonly SearchTerm[], oc: { id: string; number: string | null }, max = 2): Snippet[] => {
  const answers = sources.map((source) => ({ source, ...answer(source, terms, oc) })).filter((a) => a.terms.size > 0);
  const uncovered = new Set(terms.map((_, i) => i));
  const chosen: Snippet[] = [];
  while (chosen.length < max && uncovered.size > 0) {
    let best: (typeof answers)[number] | undefined;
    let bestCount = 0;
    for (const a of answers) {
      const count = [...a.terms].filter((i) => uncovered.has(i)).length;
      if (count > bestCount) {
        best = a;
        bestCount = count;
      }
    }
    if (best === undefined) break;
    for (const i of best.terms) uncovered.delete(i);
    const marks = merged(best.marks);
    const cut = best.source.field === 'description' || best.source.field === 'interaction' || best.text.length > SNIPPET_LENGTH ? excerpt(best.text, marks) : { text: best.text, marks };
    chosen.push({ field: best.source.field, text: cut.text, marks: cut.marks, ...(best.source.interactionKind === undefined ? {} : { interactionKind: best.source.interactionKind }) });
  }
  return chosen;
};
