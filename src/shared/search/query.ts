import { domainError, type DomainError } from '../domain/errors';
import { foldText, textProblem, unstorableMessage } from '../domain/text';

// What a person types into a search box, read as a list of terms; every term must match (SPEC §4). A term
// matches an OC through any of its fields — the OC's number, its customer (name, CNPJ), its contact's name, its
// subject, description or interactions — so "araucaria rejeição" finds Araucária's OCs that mention a rejection.
// Everything is folded (case and accents: ação = acao) and kept to letters and digits: quotes, FTS operators
// (AND, OR, NOT, NEAR, *, ^, column:) and punctuation typed by the user are plain text, never query syntax.

/** How long a search text may be (the contract refuses longer before it gets here). */
export const SEARCH_TEXT_MAX = 200;
/** How many terms one search may hold: every term is a set the result intersects. */
export const SEARCH_TERMS_MAX = 12;

export type SearchTerm =
  /** Consecutive words, the last one a prefix ("nota fisc", "NF-e" → nf e, a quoted "nota fiscal"). */
  | { kind: 'text'; parts: string[] }
  /**
   * Digits typed with or without punctuation ("12.345.678/0001-90", "12345", "000123"): a CNPJ prefix, the
   * sequence of an OC number, or digits in the text (parts: the digit groups as typed, a phrase).
   */
  | { kind: 'digits'; digits: string; parts: string[]; punctuated: boolean }
  /** An OC number or its prefix: "OC-2026-000123", "oc2026-123", "2026-000123", "OC-2026". */
  | { kind: 'number'; year: string; sequence: string }
  /** The provisional number of an OC created offline: "PROV-3F2A9C" (the first hex digits of its id). */
  | { kind: 'provisional'; code: string };

export type SearchParse = { ok: true; terms: SearchTerm[] } | { ok: false; error: DomainError };

/** A CNPJ prefix needs this many digits: fewer find too many customers by chance ("12"). */
export const CNPJ_PREFIX_MIN = 4;
/** An OC number's sequence has six digits ("OC-2026-000123"); "123" alone also finds OC-YYYY-000123. */
export const NUMBER_SEQUENCE_DIGITS = 6;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu;
const NUMBER = /^(?:oc[-/._]?)?(\d{4})(?:[-/._](\d{1,6}))?$/i;
const BARE_NUMBER = /^oc(\d{4})(\d{1,6})?$/i;
const PROVISIONAL = /^prov[-_]?([0-9a-f]{1,6})$/i;
const DIGITS = /^[\d.\-/]+$/;

/** The folded words of a text, as the search index cuts them (unicode61 with remove_diacritics: letters and digits). */
export const foldedWords = (text: string): string[] => (text.match(WORD) ?? []).map(foldWord).filter((w) => w.length > 0);

/** A word as the index holds it: folded, letters and digits only. */
export const foldWord = (word: string): string => foldText(word).replace(/[^\p{L}\p{N}]+/gu, '');

const termOfChunk = (chunk: string): SearchTerm | null => {
  const bare = chunk.replace(EDGE_PUNCTUATION, '');
  if (bare === '') return null;
  const provisional = PROVISIONAL.exec(bare);
  if (provisional !== null) return { kind: 'provisional', code: (provisional[1] ?? '').toLowerCase() };
  const number = NUMBER.exec(bare) ?? BARE_NUMBER.exec(bare);
  // "2026" alone is a year or digits in the text, not a number; "OC-2026" and "2026-000123" are numbers.
  if (number !== null && (/^oc/i.test(bare) || number[2] !== undefined)) return { kind: 'number', year: number[1] ?? '', sequence: number[2] ?? '' };
  if (DIGITS.test(bare)) {
    const parts = bare.split(/\D+/).filter((p) => p.length > 0);
    if (parts.length > 0) return { kind: 'digits', digits: parts.join(''), parts, punctuated: parts.length > 1 };
  }
  const parts = foldedWords(bare);
  return parts.length === 0 ? null : { kind: 'text', parts };
};

const refusal = (code: string, message: { 'pt-BR': string; en: string }): SearchParse => ({ ok: false, error: domainError(code, message) });

/**
 * Reads a search text. Refuses, with a message that says why (never a throw): text that cannot be stored (NUL, a
 * lone surrogate, a control character), text over SEARCH_TEXT_MAX, more than SEARCH_TERMS_MAX terms, and text
 * with no letter or digit at all.
 */
export const parseSearchText = (text: string): SearchParse => {
  if (text.length > SEARCH_TEXT_MAX) {
    return refusal('SEARCH_TOO_LONG', {
      'pt-BR': `A busca tem ${text.length} caracteres; use até ${SEARCH_TEXT_MAX}.`,
      en: `The search has ${text.length} characters; use at most ${SEARCH_TEXT_MAX}.`,
    });
  }
  const problem = textProblem(text, 'line');
  if (problem !== null) {
    const message = unstorableMessage(problem);
    return refusal('SEARCH_BAD_TEXT', { 'pt-BR': `A busca ${message['pt-BR']}.`, en: `The search ${message.en}.` });
  }
  const terms: SearchTerm[] = [];
  // A quoted run is one phrase; the rest is cut at spaces.
  for (const [index, piece] of text.split('"').entries()) {
    if (index % 2 === 1) {
      const parts = foldedWords(piece);
      if (parts.length > 0) terms.push({ kind: 'text', parts });
      continue;
    }
    for (const chunk of piece.split(/[\s,;]+/u)) {
      const term = termOfChunk(chunk);
      if (term !== null) terms.push(term);
    }
  }
  if (terms.length === 0) {
    return refusal('SEARCH_NOTHING', {
      'pt-BR': 'Digite letras ou números para buscar.',
      en: 'Type letters or digits to search.',
    });
  }
  if (terms.length > SEARCH_TERMS_MAX) {
    return refusal('SEARCH_TOO_MANY_TERMS', {
      'pt-BR': `A busca tem ${terms.length} termos; use até ${SEARCH_TERMS_MAX}.`,
      en: `The search has ${terms.length} terms; use at most ${SEARCH_TERMS_MAX}.`,
    });
  }
  return { ok: true, terms };
};

/** The full-text query of a term's words (or digit groups): one quoted phrase, its last word a prefix. */
export const phraseOf = (term: Extract<SearchTerm, { kind: 'text' | 'digits' }>): string => `"${term.parts.join(' ')}"*`;

/** Whether `parts` occur in `words` one after the other, the last one as a prefix of its word. */
export const wordsHavePhrase = (words: readonly string[], parts: readonly string[]): boolean => phraseAt(words, parts) >= 0;

/** Where `parts` start in `words` (-1 when they do not occur). */
export const phraseAt = (words: readonly string[], parts: readonly string[], from = 0): number => {
  const last = parts.length - 1;
  for (let i = from; i + last < words.length; i += 1) {
    let ok = true;
    for (let j = 0; j < parts.length && ok; j += 1) {
      const word = words[i + j] ?? '';
      const part = parts[j] ?? '';
      ok = j === last ? word.startsWith(part) : word === part;
    }
    if (ok) return i;
  }
  return -1;
};

/** The six-digit sequence an OC number ends with, for digits typed alone ("123" → "000123"); null past six. */
export const numberSequenceOf = (digits: string): string | null =>
  digits.length > NUMBER_SEQUENCE_DIGITS ? null : digits.padStart(NUMBER_SEQUENCE_DIGITS, '0');

/** Whether an OC's number (or provisional number) answers a number-like term. */
export const numberMatches = (term: SearchTerm, oc: { id: string; number: string | null }): boolean => {
  if (term.kind === 'provisional') return oc.id.replace(/-/g, '').toLowerCase().startsWith(term.code);
  if (oc.number === null) return false;
  if (term.kind === 'number') {
    const prefix = `OC-${term.year}-`;
    if (!oc.number.startsWith(prefix)) return false;
    const sequence = oc.number.slice(prefix.length);
    return sequence.startsWith(term.sequence) || (term.sequence !== '' && sequence === numberSequenceOf(term.sequence));
  }
  if (term.kind === 'digits' && !term.punctuated) {
    const sequence = numberSequenceOf(term.digits);
    return sequence !== null && oc.number.slice(-NUMBER_SEQUENCE_DIGITS) === sequence;
  }
  return false;
};

/** Whether a customer's CNPJ (stored as 14 digits) starts with a digits term. */
export const cnpjMatches = (term: SearchTerm, cnpj: string): boolean =>
  term.kind === 'digits' && term.digits.length >= CNPJ_PREFIX_MIN && cnpj.startsWith(term.digits);
