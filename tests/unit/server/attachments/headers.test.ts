import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE, type Attachment } from '../../../../src/shared/domain/attachment';
import { contentDisposition, downloadHeaders, downloadName, parseRange, servedMediaType } from '../../../../src/server/attachments/headers';

/** What a browser does with filename*=UTF-8''…: RFC 8187 decoding. */
const decoded = (header: string): string => decodeURIComponent(/filename\*=UTF-8''([^;]*)$/.exec(header)?.[1] ?? '');

describe('contentDisposition', () => {
  it.each([
    ['print.png', 'attachment; filename="print.png"; filename*=UTF-8\'\'print.png'],
    ['relatório "final" 50%.pdf', 'attachment; filename="relatorio _final_ 50_.pdf"; filename*=UTF-8\'\'relat%C3%B3rio%20%22final%22%2050%25.pdf'],
    ["it's (1)*.txt", 'attachment; filename="it\'s (1)*.txt"; filename*=UTF-8\'\'it%27s%20%281%29%2A.txt'],
    ['日本語.xml', 'attachment; filename="___.xml"; filename*=UTF-8\'\'%E6%97%A5%E6%9C%AC%E8%AA%9E.xml'],
    ['a\\b;c.log', 'attachment; filename="a_b;c.log"; filename*=UTF-8\'\'a%5Cb%3Bc.log'],
  ])('%s', (name, expected) => {
    expect(contentDisposition(name)).toBe(expected);
  });

  it('is printable ASCII for any name, and filename* decodes back to the name', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), (name) => {
      const header = contentDisposition(name);
      expect(/^[\x20-\x7e]*$/.test(header)).toBe(true);
      expect(decoded(header)).toBe(name);
      // The quoted fallback never closes early: no quote or backslash inside it.
      expect(/filename="([^"\\]*)"; filename\*/.test(header)).toBe(true);
    }), { seed: 16, numRuns: 300 });
  });
});

describe('downloadName', () => {
  it.each([
    ['print.png', 'image/png', 'print.png'],
    ['FOTO.JPEG', 'image/jpeg', 'FOTO.JPEG'],
    ['nota.pdf', 'image/png', 'nota.pdf.png'],
    ['nfe.xml', 'application/xml', 'nfe.xml'],
    ['uno.log', 'text/plain; charset=windows-1252', 'uno.log'],
    ['remessa.rem', 'text/plain; charset=utf-8', 'remessa.rem'],
    ['pagina.html', 'text/plain; charset=utf-8', 'pagina.html.txt'],
    ['script.ps1', 'text/plain; charset=utf-16le', 'script.ps1.txt'],
    ['run.bat', 'text/plain; charset=utf-8', 'run.bat.txt'],
    ['sem-extensao', 'application/pdf', 'sem-extensao.pdf'],
    ['.bashrc', 'text/plain; charset=utf-8', '.bashrc.txt'],
    ['clientes.csv', 'text/csv; charset=utf-8', 'clientes.csv'],
    ['proc.docx', DOCX_MEDIA_TYPE, 'proc.docx'],
    ['estranho', 'application/x-unknown', 'estranho.bin'],
  ])('%s as %s → %s', (name, mediaType, expected) => {
    expect(downloadName(name, mediaType)).toBe(expected);
  });
});

describe('servedMediaType', () => {
  it.each([
    ['image/png', 'image/png'],
    ['text/plain; charset=utf-8', 'text/plain; charset=utf-8'],
    ['text/html', 'application/octet-stream'],
    ['image/svg+xml', 'application/octet-stream'],
    ['text/plain; charset=utf-7', 'application/octet-stream'],
  ])('%s → %s', (stored, served) => {
    expect(servedMediaType(stored)).toBe(served);
  });
});

describe('parseRange', () => {
  it.each([
    [undefined, 100, { kind: 'whole' }],
    ['bytes=0-9', 100, { kind: 'part', range: { start: 0, end: 9 } }],
    ['bytes=90-', 100, { kind: 'part', range: { start: 90, end: 99 } }],
    ['bytes=90-500', 100, { kind: 'part', range: { start: 90, end: 99 } }],
    ['bytes=-10', 100, { kind: 'part', range: { start: 90, end: 99 } }],
    ['bytes=-500', 100, { kind: 'part', range: { start: 0, end: 99 } }],
    ['bytes=99-99', 100, { kind: 'part', range: { start: 99, end: 99 } }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=10-5', 100, { kind: 'whole' }],
    ['bytes=0-1,5-6', 100, { kind: 'whole' }],
    ['items=0-1', 100, { kind: 'whole' }],
    ['bytes=-', 100, { kind: 'whole' }],
    ['bytes=99999999999999999999-', 100, { kind: 'whole' }],
  ])('%s of %i bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('downloadHeaders', () => {
  const attachment: Attachment = {
    id: 'a1', ocId: 'oc1', interactionId: null, name: 'página.html', mediaType: 'text/plain; charset=utf-8', size: 1000,
    sha256: 'a'.repeat(64), uploadedBy: { kind: 'contact', id: 'c1' }, createdAt: 0,
  };

  it('carries a download, nosniff, no active content, a private cache and the extension of the content', () => {
    expect(downloadHeaders(attachment, null)).toEqual({
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': '1000',
      'Content-Disposition': 'attachment; filename="pagina.html.txt"; filename*=UTF-8\'\'p%C3%A1gina.html.txt',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private',
      'Referrer-Policy': 'no-referrer',
      'Accept-Ranges': 'bytes',
      ETag: `"${'a'.repeat(64)}"`,
    });
  });

  it('says which part a range is', () => {
    const headers = downloadHeaders(attachment, { start: 10, end: 19 });
    expect(headers['Content-Length']).toBe('10');
    expect(headers['Content-Range']).toBe('bytes 10-19/1000');
  });
});
