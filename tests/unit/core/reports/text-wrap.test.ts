import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable } from '../../../../src/core/reports/pdf-fonts';
import { breakWord, clampLines, paragraphsOf, widestWord, wrapText } from '../../../../src/core/reports/text-wrap';

// Line breaking is maths over widths: checked as properties over random text and widths (seeded), with a
// measure in which every character has its own width, like a proportional font.

const charWidth = (ch: string): number => 2 + ((ch.codePointAt(0) ?? 0) % 7);
const measure = (s: string): number => [...s].reduce((n, ch) => n + charWidth(ch), 0);

const letters = fc.constantFrom(...'abcdeçãéíõúXYZ0123456789-—R$'.split(''));
const word = fc.array(letters, { minLength: 1, maxLength: 40 }).map((cs) => cs.join(''));
const text = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', '  ', '\t', '\n', ' \u00A0')), { minLength: 1, maxLength: 30 }).map((parts) => parts.map(([w, sep]) => w + sep).join('').trim());
const SEED = { seed: 20261201, numRuns: 400 };

/** The characters of a text that survive wrapping: no separators, and no hyphens (some are added at breaks). */
const essence = (s: string): string => s.replace(/[\s\u00A0-]/g, '');

describe('wrapText', () => {
  it('never makes a line wider than the box, and loses or reorders no character', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 300 }), (t, width) => {
        const lines = wrapText(t, width, measure);
        for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width + 1e-9);
        expect(essence(lines.join(''))).toBe(essence(t));
      }),
      SEED,
    );
  });

  it('breaks no word that fits on a line of its own, and keeps hard line breaks', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 300 }), (t, width) => {
        fc.pre(widestWord(t, measure) <= width);
        const lines = wrapText(t, width, measure);
        // Joining the lines back with spaces gives the paragraphs exactly: only spaces became line ends.
        expect(lines.join(' ')).toBe(paragraphsOf(t).join(' '));
        expect(lines.length).toBeGreaterThanOrEqual(paragraphsOf(t).length);
      }),
      SEED,
    );
  });

  it('fills lines greedily: the first word of each line would not have fitted on the line before', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 300 }), (t, width) => {
        fc.pre(widestWord(t, measure) <= width && !/\n/.test(t));
        const lines = wrapText(t, width, measure);
        for (let i = 1; i < lines.length; i += 1) {
          const next = (lines[i] as string).split(' ')[0] as string;
          expect(measure(`${lines[i - 1] as string} ${next}`)).toBeGreaterThan(width);
        }
      }),
      SEED,
    );
  });

  it('keeps the no-break spaces of "R$ 1.500,00" together', () => {
    const lines = wrapText('Total R$\u00A01.500,00 cobrado', measure('R$\u00A01.500,00 c'), measure);
    expect(lines).toContain('R$\u00A01.500,00');
  });
});

describe('breakWord', () => {
  it('cuts a word wider than the box with hyphens, after its own hyphen when that is late enough', () => {
    expect(breakWord('OC-2026-000123', measure('OC-2026-0'), measure)).toEqual(['OC-2026-', '000123']);
    const pieces = breakWord('X'.repeat(50), measure('XXXXXXXXXX-'), measure);
    expect(pieces.slice(0, -1).every((p) => p.endsWith('-') && measure(p) <= measure('XXXXXXXXXX-'))).toBe(true);
    expect(pieces.join('').replace(/-/g, '')).toBe('X'.repeat(50));
  });

  it('never loops on a box narrower than one letter, and never splits a grapheme', () => {
    expect(breakWord('abc', 1, measure)).toEqual(['a', 'b', 'c']);
    const flag = 'e\u0301'.repeat(20); // decomposed é: letter and combining mark stay together
    expect(breakWord(flag, measure('e\u0301e\u0301-'), measure).every((p) => !p.startsWith('\u0301'))).toBe(true);
  });
});

describe('clampLines', () => {
  it('cuts to the lines that fit and ends the last one with an ellipsis that fits', () => {
    const lines = clampLines(['aaaa', 'bbbb', 'cccc'], 2, measure('bbbb'), measure);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(measure(lines[1] as string)).toBeLessThanOrEqual(measure('bbbb'));
    expect(clampLines(['a'], 3, 10, measure)).toEqual(['a']);
  });
});

describe('printable (what the embedded font can show)', () => {
  it('keeps Portuguese and the document symbols, drops invisible controls, marks missing glyphs with U+FFFD', () => {
    expect(printable('Ação — R$ 1.500,00 − “ok” ')).toBe('Ação — R$ 1.500,00 − “ok” ');
    expect(printable('e\u0301')).toBe('é'); // NFC
    expect(printable('a\u0085b\u200Dc\u00ADd')).toBe('abcd'); // C1 control, zero-width joiner, soft hyphen
    expect(printable('中文')).toBe('\uFFFD\uFFFD');
    expect(printable('a\u2028b\tc')).toBe('a\nb\tc');
  });
});
