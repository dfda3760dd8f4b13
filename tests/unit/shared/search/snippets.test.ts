import { describe, expect, it } from 'vitest';
import { parseSearchText, type SearchTerm } from '../../../../src/shared/search/query';
import { excerpt, snippetsFor, type Snippet, type SnippetSource } from '../../../../src/shared/search/snippets';

const terms = (text: string): SearchTerm[] => {
  const parsed = parseSearchText(text);
  if (!parsed.ok) throw new Error(parsed.error.code);
  return parsed.terms;
};

const oc = { id: '3f2a9c1b-0000-4000-8000-000000000000', number: 'OC-2026-000123' };
const sources: SnippetSource[] = [
  { field: 'number', text: 'OC-2026-000123' },
  { field: 'customer', text: 'Araucária Alimentos Ltda.' },
  { field: 'cnpj', text: '12345678000190' },
  { field: 'contact', text: 'Helena Conceição' },
  { field: 'subject', text: 'Rejeição 225 ao emitir NF-e' },
  { field: 'description', text: 'Desde ontem a emissão falha.' },
  { field: 'interaction', text: 'Pedimos o XML da nota fiscal para analisar a ação do validador.', interactionKind: 'public_reply' },
];

/** The marked words of each snippet, as the renderer would show them. */
const shown = (snippets: Snippet[]): Array<[string, string[]]> => snippets.map((s) => [s.field, s.marks.map(([a, b]) => s.text.slice(a, b))]);

describe('why a result matched', () => {
  const cases: Array<[string, Array<[string, string[]]>]> = [
    ['araucaria', [['customer', ['Araucária']]]],
    ['ARAUC', [['customer', ['Araucária']]]],
    ['12.345.678/0001-90', [['cnpj', ['12.345.678/0001-90']]]],
    ['12345678', [['cnpj', ['12.345.678']]]],
    ['OC-2026-000123', [['number', ['OC-2026-000123']]]],
    ['123', [['number', ['OC-2026-000123']]]],
    ['PROV-3F2A', [['number', ['OC-2026-000123']]]],
    ['conceicao', [['contact', ['Conceição']]]],
    ['rejeicao', [['subject', ['Rejeição']]]],
    ['nf-e', [['subject', ['NF-e']]]],
    ['acao', [['interaction', ['ação']]]],
    ['"nota fiscal"', [['interaction', ['nota fiscal']]]],
    // Terms answered by different fields: the fewest snippets that cover them, the preferred field first.
    ['araucaria nota', [['customer', ['Araucária']], ['interaction', ['nota']]]],
    ['rejeicao nf', [['subject', ['Rejeição', 'NF']]]],
    ['nothingmatches', []],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(shown(snippetsFor(sources, terms(text), oc))).toEqual(expected);
  });

  it('names the kind of interaction', () => {
    expect(snippetsFor(sources, terms('validador'), oc)[0]?.interactionKind).toBe('public_reply');
  });

  it('keeps a hostile text as text: the marks are ranges, the markup stays characters', () => {
    const hostile: SnippetSource[] = [{ field: 'subject', text: '<img src=x onerror=alert(1)> nota <b>fiscal</b>' }];
    const [snippet] = snippetsFor(hostile, terms('nota fiscal'), oc);
    expect(snippet?.text).toBe('<img src=x onerror=alert(1)> nota <b>fiscal</b>');
    expect(shown(snippetsFor(hostile, terms('nota fiscal'), oc))).toEqual([['subject', ['nota', 'fiscal']]]);
  });
});

describe('an excerpt of a long text', () => {
  it('cuts around the first mark on word boundaries, with an ellipsis, and keeps the marks on their words', () => {
    const long = `${'palavra '.repeat(40)}a nota fiscal rejeitada ${'depois '.repeat(40)}`;
    const [snippet] = snippetsFor([{ field: 'description', text: long }], terms('nota'), oc);
    expect(snippet?.text.startsWith('…')).toBe(true);
    expect(snippet?.text.endsWith('…')).toBe(true);
    expect(snippet!.text.length).toBeLessThanOrEqual(182);
    expect(snippet!.marks.map(([a, b]) => snippet!.text.slice(a, b))).toEqual(['nota']);
  });

  it('turns line breaks into spaces without moving the marks', () => {
    const cut = excerpt('linha um\r\nnota\tfiscal', [[10, 14]]);
    expect(cut.text).toBe('linha um  nota fiscal');
    expect(cut.text.slice(10, 14)).toBe('nota');
  });

  it('never cuts a surrogate pair in two', () => {
    const text = `${'😀'.repeat(50)} nota ${'😀'.repeat(80)}`;
    const at = text.indexOf('nota');
    const cut = excerpt(text, [[at, at + 4]]);
    expect(cut.text).not.toMatch(/^…?[\uDC00-\uDFFF]/);
    expect(cut.text).not.toMatch(/[\uD800-\uDBFF]…?$/);
    expect(cut.marks.map(([a, b]) => cut.text.slice(a, b))).toEqual(['nota']);
  });
});
