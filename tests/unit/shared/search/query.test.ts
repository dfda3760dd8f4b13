import { describe, expect, it } from 'vitest';
import { cnpjMatches, numberMatches, parseSearchText, phraseOf, SEARCH_TERMS_MAX, type SearchTerm } from '../../../../src/shared/search/query';

// What a person types becomes terms (shared/search/query.ts): every term must match, through any field.

const terms = (text: string): SearchTerm[] => {
  const parsed = parseSearchText(text);
  if (!parsed.ok) throw new Error(`refused: ${parsed.error.code} ${parsed.error.message.en}`);
  return parsed.terms;
};

describe('reading a search text', () => {
  const cases: Array<[string, string, SearchTerm[]]> = [
    // Accents and case fold away, as in the index (unicode61 remove_diacritics 2).
    ['accents', 'Ação', [{ kind: 'text', parts: ['acao'] }]],
    ['accents, upper case', 'ARAUCÁRIA', [{ kind: 'text', parts: ['araucaria'] }]],
    ['decomposed accents (NFD)', 'Arauca\u0301ria', [{ kind: 'text', parts: ['araucaria'] }]],
    ['two words, two terms', 'nota fiscal', [{ kind: 'text', parts: ['nota'] }, { kind: 'text', parts: ['fiscal'] }]],
    ['a hyphenated word is a phrase', 'NF-e', [{ kind: 'text', parts: ['nf', 'e'] }]],
    ['a quoted phrase', '"nota fiscal" rejeição', [{ kind: 'text', parts: ['nota', 'fiscal'] }, { kind: 'text', parts: ['rejeicao'] }]],
    ['an unclosed quote', '"nota fiscal', [{ kind: 'text', parts: ['nota', 'fiscal'] }]],
    // CNPJ with or without punctuation: the same digits; a partial prefix too.
    ['CNPJ with punctuation', '12.345.678/0001-90', [{ kind: 'digits', digits: '12345678000190', parts: ['12', '345', '678', '0001', '90'], punctuated: true }]],
    ['CNPJ bare', '12345678000190', [{ kind: 'digits', digits: '12345678000190', parts: ['12345678000190'], punctuated: false }]],
    ['CNPJ prefix with punctuation', '12.345', [{ kind: 'digits', digits: '12345', parts: ['12', '345'], punctuated: true }]],
    // OC numbers in the forms people write them.
    ['OC number', 'OC-2026-000123', [{ kind: 'number', year: '2026', sequence: '000123' }]],
    ['OC number, lower case, no dash', 'oc2026-000123', [{ kind: 'number', year: '2026', sequence: '000123' }]],
    ['OC number without OC-', '2026-000123', [{ kind: 'number', year: '2026', sequence: '000123' }]],
    ['OC number written short', 'OC-2026-123', [{ kind: 'number', year: '2026', sequence: '123' }]],
    ['OC number glued', 'OC2026000123', [{ kind: 'number', year: '2026', sequence: '000123' }]],
    ['a year of OCs', 'OC-2026', [{ kind: 'number', year: '2026', sequence: '' }]],
    ['the sequence alone', '000123', [{ kind: 'digits', digits: '000123', parts: ['000123'], punctuated: false }]],
    ['a provisional number', 'PROV-3F2A9C', [{ kind: 'provisional', code: '3f2a9c' }]],
    ['a year alone is digits, not a number', '2026', [{ kind: 'digits', digits: '2026', parts: ['2026'], punctuated: false }]],
    // FTS operators and syntax typed by the user are plain words.
    ['FTS operators', 'nota OR fiscal NOT NEAR', ['nota', 'or', 'fiscal', 'not', 'near'].map((w) => ({ kind: 'text' as const, parts: [w] }))],
    ['FTS prefix, column and caret syntax', 'body:nota* ^fiscal -rejeição', [{ kind: 'text', parts: ['body', 'nota'] }, { kind: 'text', parts: ['fiscal'] }, { kind: 'text', parts: ['rejeicao'] }]],
    ['parentheses and stray quotes', '(nota) ""fiscal""', [{ kind: 'text', parts: ['nota'] }, { kind: 'text', parts: ['fiscal'] }]],
    ['SQL in a search', "'; DROP TABLE ocorrencia; --", [{ kind: 'text', parts: ['drop'] }, { kind: 'text', parts: ['table'] }, { kind: 'text', parts: ['ocorrencia'] }]],
    ['emoji and other scripts', 'Nota 📄 日本', [{ kind: 'text', parts: ['nota'] }, { kind: 'text', parts: ['日本'] }]],
  ];
  it.each(cases)('%s: %s', (_name, text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  const refusals: Array<[string, string, string, string]> = [
    ['NUL', 'nota\u0000fiscal', 'SEARCH_BAD_TEXT', 'holds the null character (U+0000, position 5)'],
    ['a lone high surrogate', 'nota \ud83d', 'SEARCH_BAD_TEXT', 'holds an incomplete Unicode character (U+D83D, position 6)'],
    ['a lone low surrogate', '\udc00nota', 'SEARCH_BAD_TEXT', 'incomplete Unicode character (U+DC00, position 1)'],
    ['a line break', 'nota\nfiscal', 'SEARCH_BAD_TEXT', 'holds a line break'],
    ['1 MB of text', 'a'.repeat(1024 * 1024), 'SEARCH_TOO_LONG', 'The search has 1048576 characters; use at most 200.'],
    ['punctuation only', ' -- "" ** ', 'SEARCH_NOTHING', 'Type letters or digits to search.'],
    ['too many terms', Array.from({ length: SEARCH_TERMS_MAX + 1 }, (_, i) => `w${i}`).join(' '), 'SEARCH_TOO_MANY_TERMS', 'use at most 12'],
  ];
  it.each(refusals)('refuses %s with a clear message, never a throw', (_name, text, code, message) => {
    const parsed = parseSearchText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message.en).toContain(message);
    expect(parsed.error.message['pt-BR'].length).toBeGreaterThan(10);
  });

  it('quotes every phrase for the index, so nothing typed is FTS syntax', () => {
    const queries = terms('nota* OR "a b" NF-e').flatMap((t) => (t.kind === 'text' || t.kind === 'digits' ? [phraseOf(t)] : []));
    expect(queries).toEqual(['"nota"*', '"or"*', '"a b"*', '"nf e"*']);
    for (const q of queries) expect(q.slice(1, -2)).not.toMatch(/["*^:()]/);
  });
});

describe('matching numbers and CNPJs', () => {
  const oc = { id: '3f2a9c1b-0000-4000-8000-000000000000', number: 'OC-2026-000123' };
  const cases: Array<[string, boolean]> = [
    ['OC-2026-000123', true],
    ['2026-000123', true],
    ['OC-2026-123', true],
    ['OC-2026-0001', true],
    ['OC-2026', true],
    ['OC-2025-000123', false],
    ['OC-2026-124', false],
    ['000123', true],
    ['123', true],
    ['1234567', false],
    ['PROV-3F2A9C', true],
    ['PROV-3F2A9D', false],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(terms(text).some((t) => numberMatches(t, oc))).toBe(expected);
  });

  it('a provisional number keeps finding the OC once the server numbered it, and a server number never finds an unnumbered OC', () => {
    expect(numberMatches(terms('PROV-3F2A9C')[0]!, { ...oc, number: null })).toBe(true);
    expect(numberMatches(terms('OC-2026-000123')[0]!, { ...oc, number: null })).toBe(false);
  });

  const cnpjCases: Array<[string, boolean]> = [
    ['12.345.678/0001-90', true],
    ['12345678000190', true],
    ['12.345.678', true],
    ['1234', true],
    ['123', false], // too short to be read as a CNPJ prefix
    ['12.345.679', false],
    ['nota', false],
  ];
  it.each(cnpjCases)('CNPJ 12.345.678/0001-90 answers %s → %s', (text, expected) => {
    expect(terms(text).every((t) => cnpjMatches(t, '12345678000190'))).toBe(expected);
  });
});
