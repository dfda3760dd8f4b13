import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Text, unstorableCharacter } from '../../../../src/shared/domain/text';
import { describeIssues } from '../../../../src/shared/validation';

describe('unstorableCharacter', () => {
  it.each([
    ['plain', 'Ação de correção — NF-e 55 😀', null],
    ['tab, LF and CR are text', 'a\tb\nc\r\nd', null],
    ['C1 controls are left alone', 'a\u0085b', null],
    ['NUL', 'ab\u0000c', { kind: 'nul', index: 2, codeUnit: 0 }],
    ['lone high surrogate at the end', 'ab\ud83d', { kind: 'surrogate', index: 2, codeUnit: 0xd83d }],
    ['lone high surrogate before a letter', '\ud83dx', { kind: 'surrogate', index: 0, codeUnit: 0xd83d }],
    ['lone low surrogate', 'x\ude00', { kind: 'surrogate', index: 1, codeUnit: 0xde00 }],
    ['reversed pair', '\ude00\ud83d', { kind: 'surrogate', index: 0, codeUnit: 0xde00 }],
    ['bell', 'a\u0007', { kind: 'control', index: 1, codeUnit: 7 }],
    ['escape', '\u001b[31m', { kind: 'control', index: 0, codeUnit: 0x1b }],
    ['DEL', 'a\u007f', { kind: 'control', index: 1, codeUnit: 0x7f }],
  ])('%s', (_name, value, expected) => {
    expect(unstorableCharacter(value)).toEqual(expected);
  });

  it('finds a NUL at the end of a 1 MB string', () => {
    expect(unstorableCharacter(`${'x'.repeat(1_000_000)}\u0000`)).toEqual({ kind: 'nul', index: 1_000_000, codeUnit: 0 });
  });
});

describe('Text', () => {
  const schema = z.object({ subject: Text().trim().min(1).max(20) });

  it('accepts storable text and keeps chaining (trim, min, max)', () => {
    expect(schema.parse({ subject: '  Nota fiscal  ' })).toEqual({ subject: 'Nota fiscal' });
    expect(schema.safeParse({ subject: '   ' }).success).toBe(false);
    expect(schema.safeParse({ subject: 'x'.repeat(21) }).success).toBe(false);
  });

  it('refuses NUL naming the field and the position, in both languages', () => {
    const parsed = schema.safeParse({ subject: 'NF\u0000e' });
    expect(parsed.success).toBe(false);
    const text = describeIssues(parsed.error?.issues ?? []);
    expect(text['pt-BR']).toBe('subject: contém o caractere nulo (U+0000, posição 3), que não pode ser guardado; apague-o e tente de novo');
    expect(text.en).toBe('subject: holds the null character (U+0000, position 3), which cannot be stored; delete it and try again');
  });

  it('refuses a lone surrogate', () => {
    const parsed = schema.safeParse({ subject: 'a\udfff' });
    expect(describeIssues(parsed.error?.issues ?? []).en).toContain('incomplete Unicode character (U+DFFF, position 2)');
  });
});
