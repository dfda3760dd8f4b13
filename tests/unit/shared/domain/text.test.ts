import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Id } from '../../../../src/shared/domain/ids';
import { Email, Line, Text, textProblem, unstorableCharacter, type TextStrictness } from '../../../../src/shared/domain/text';
import { describeIssues } from '../../../../src/shared/validation';

describe('unstorableCharacter', () => {
  it.each([
    ['plain', 'Ação de correção — NF-e 55 😀', null],
    ['tab, LF and CR are text', 'a\tb\nc\r\nd', null],
    ['C1 controls are left alone', 'a\u0085b\u0080\u009f', null],
    ['NUL', 'ab\u0000c', { kind: 'nul', index: 2, codeUnit: 0 }],
    ['lone high surrogate at the end', 'ab\ud83d', { kind: 'surrogate', index: 2, codeUnit: 0xd83d }],
    ['lone high surrogate before a letter', '\ud83dx', { kind: 'surrogate', index: 0, codeUnit: 0xd83d }],
    ['two high surrogates', '\ud83d\ud83d\ude00', { kind: 'surrogate', index: 0, codeUnit: 0xd83d }],
    ['lone low surrogate', 'x\ude00', { kind: 'surrogate', index: 1, codeUnit: 0xde00 }],
    ['reversed pair', '\ude00\ud83d', { kind: 'surrogate', index: 0, codeUnit: 0xde00 }],
    ['bell', 'a\u0007', { kind: 'control', index: 1, codeUnit: 7 }],
    ['vertical tab and form feed', 'a\u000bb', { kind: 'control', index: 1, codeUnit: 0x0b }],
    ['escape', '\u001b[31m', { kind: 'control', index: 0, codeUnit: 0x1b }],
    ['unit separator', 'a\u001f', { kind: 'control', index: 1, codeUnit: 0x1f }],
    ['DEL', 'a\u007f', { kind: 'control', index: 1, codeUnit: 0x7f }],
  ])('%s', (_name, value, expected) => {
    expect(unstorableCharacter(value)).toEqual(expected);
  });

  it('finds a NUL at the end of a 1 MB string', () => {
    expect(unstorableCharacter(`${'x'.repeat(1_000_000)}\u0000`)).toEqual({ kind: 'nul', index: 1_000_000, codeUnit: 0 });
  });
});

describe('textProblem by strictness (text ⊃ line ⊃ identifier)', () => {
  // What each strength keeps: null = accepted, otherwise the kind of refusal.
  const cases: Array<[string, string, Record<TextStrictness, string | null>]> = [
    ['letters, accents, emoji', 'São João 😀', { text: null, line: null, identifier: null }],
    ['space', 'a b', { text: null, line: null, identifier: null }],
    ['tab', 'a\tb', { text: null, line: null, identifier: 'control' }],
    ['line feed', 'a\nb', { text: null, line: 'line_break', identifier: 'control' }],
    ['carriage return', 'a\rb', { text: null, line: 'line_break', identifier: 'control' }],
    ['next line U+0085', 'a\u0085b', { text: null, line: 'line_break', identifier: 'control' }],
    ['line separator U+2028', 'a\u2028b', { text: null, line: 'line_break', identifier: 'control' }],
    ['paragraph separator U+2029', 'a\u2029b', { text: null, line: 'line_break', identifier: 'control' }],
    ['another C1 control U+0090', 'a\u0090b', { text: null, line: null, identifier: null }],
    ['NUL', 'a\u0000', { text: 'nul', line: 'nul', identifier: 'nul' }],
    ['lone surrogate', 'a\udc00', { text: 'surrogate', line: 'surrogate', identifier: 'surrogate' }],
    ['escape', '\u001b', { text: 'control', line: 'control', identifier: 'control' }],
    ['DEL', '\u007f', { text: 'control', line: 'control', identifier: 'control' }],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    for (const strictness of ['text', 'line', 'identifier'] as const) {
      expect(textProblem(value, strictness)?.kind ?? null, strictness).toBe(expected[strictness]);
    }
  });
});

describe('Text, Line, Id and Email as zod types', () => {
  const schema = z.object({ subject: Text().trim().min(1).max(20) });
  const messages = (parsed: { error?: z.ZodError }) => describeIssues(parsed.error?.issues ?? []);

  it('accepts storable text and keeps chaining (trim, min, max)', () => {
    expect(schema.parse({ subject: '  Nota fiscal  ' })).toEqual({ subject: 'Nota fiscal' });
    expect(schema.safeParse({ subject: '   ' }).success).toBe(false);
    expect(schema.safeParse({ subject: 'x'.repeat(21) }).success).toBe(false);
  });

  it('refuses NUL naming the field and the position, in both languages, and says nothing else', () => {
    const text = messages(schema.safeParse({ subject: 'NF\u0000e' }));
    expect(text['pt-BR']).toBe('subject: contém o caractere nulo (U+0000, posição 3), que não pode ser guardado; apague-o e tente de novo');
    expect(text.en).toBe('subject: holds the null character (U+0000, position 3), which cannot be stored; delete it and try again');
    // A 1 MB string with a NUL: one reason (the character), not also "too long".
    expect(messages(schema.safeParse({ subject: `${'x'.repeat(1_000_000)}\u0000` })).en).toBe(
      'subject: holds the null character (U+0000, position 1000001), which cannot be stored; delete it and try again',
    );
  });

  it('refuses a lone surrogate', () => {
    expect(messages(schema.safeParse({ subject: 'a\udfff' })).en).toContain('incomplete Unicode character (U+DFFF, position 2)');
  });

  it('Line refuses a line break with its own message; Text keeps it', () => {
    const line = z.object({ name: Line().trim().max(20) });
    const refused = messages(line.safeParse({ name: 'Ana\r\nBcc: x@y.z' }));
    expect(refused['pt-BR']).toBe('name: tem uma quebra de linha (U+000D, posição 4); este campo é de uma linha só');
    expect(refused.en).toBe('name: holds a line break (U+000D, position 4); this field takes a single line');
    expect(Text().parse('linha 1\r\nlinha 2')).toBe('linha 1\r\nlinha 2');
  });

  it.each([
    ['a UUID', '3f2b8c1e-9a4d-4e7b-8c2f-1a2b3c4d5e6f', true],
    ['a short id', 'oc-1', true],
    ['empty', '', false],
    ['129 characters', 'x'.repeat(129), false],
    ['1 MB', 'x'.repeat(1_000_000), false],
    ['NUL (a URL path of %00)', '\u0000', false],
    ['tab', 'a\tb', false],
    ['line feed', 'a\nb', false],
    ['lone surrogate', '\ud800', false],
    ['a number', 42, false],
    ['null', null, false],
  ])('Id: %s → %s', (_name, value, accepted) => {
    const parsed = z.object({ id: Id }).safeParse({ id: value });
    expect(parsed.success).toBe(accepted);
    if (!accepted) expect(messages(parsed).en).toMatch(/^id: /);
  });

  it('Email says which character is wrong rather than "invalid e-mail", and folds case', () => {
    expect(Email.parse('  GP@Aurora.com.br ')).toBe('gp@aurora.com.br');
    expect(messages(z.object({ email: Email }).safeParse({ email: 'gp\u0000@aurora.com.br' })).en).toBe(
      'email: holds the null character (U+0000, position 3), which cannot be stored; delete it and try again',
    );
    expect(messages(z.object({ email: Email }).safeParse({ email: 'gp@aurora' }))['pt-BR']).toBe('email: e-mail inválido');
  });
});
