import { describe, expect, it } from 'vitest';
import { formatFileSize } from '../../../src/shared/attachments/size';
import { mailFileName, planReplyFiles } from '../../../src/server/mail/mail-attachments';
import type { Attachment } from '../../../src/shared/domain/attachment';

// Issue 16, item 5: which files travel with a reply's e-mail copy, and how they are named and sized there.

const KIB = 1024;
const MIB = 1024 * KIB;

const file = (id: string, size: number): Attachment => ({
  id, ocId: 'oc-1', interactionId: 'r-1', name: `${id}.png`, mediaType: 'image/png', size, sha256: 'a'.repeat(64),
  uploadedBy: { kind: 'analyst', id: 'analyst-ana' }, createdAt: 0,
});

describe('planReplyFiles', () => {
  it('attaches in order while the total stays within the allowance (exactly at it included); a smaller file after a big one still goes', () => {
    const plan = planReplyFiles([file('a', 6 * MIB), file('b', 4 * MIB), file('c', 1), file('d', 5 * MIB)], 10 * MIB);
    expect(plan.map((p) => [p.attachment.id, p.attach])).toEqual([['a', true], ['b', true], ['c', false], ['d', false]]);
    const skip = planReplyFiles([file('big', 11 * MIB), file('small', KIB)], 10 * MIB);
    expect(skip.map((p) => p.attach)).toEqual([false, true]);
  });

  it('attaches nothing with an allowance of 0', () => {
    expect(planReplyFiles([file('a', 1)], 0).map((p) => p.attach)).toEqual([false]);
  });
});

describe('formatFileSize', () => {
  it.each([
    [512, 'pt-BR', '512 bytes'],
    [1536, 'pt-BR', '1,5 kB'],
    [1536, 'en', '1.5 kB'],
    [Math.round(2.25 * MIB), 'pt-BR', '2,3 MB'],
    [1234 * MIB, 'pt-BR', '1.234 MB'],
  ] as const)('%d bytes in %s: %s', (bytes, lang, text) => {
    expect(formatFileSize(bytes, lang)).toBe(text);
  });
});

describe('mailFileName', () => {
  it('writes line breaks, controls and bidi overrides as spaces and keeps the extension the type allows', () => {
    expect(mailFileName({ name: 'a\r\nb\tc.png', mediaType: 'image/png' })).toBe('a  b c.png');
    expect(mailFileName({ name: 'fatura\u202Egnp.exe', mediaType: 'image/png' })).toBe('fatura gnp.exe.png');
    expect(mailFileName({ name: 'pagina.html', mediaType: 'text/plain; charset=utf-8' })).toBe('pagina.html.txt');
    expect(mailFileName({ name: '\r\n', mediaType: 'application/pdf' })).toBe('anexo.pdf');
    expect(mailFileName({ name: '📎 print.png', mediaType: 'image/png' })).toBe('📎 print.png');
  });
});
