import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../src/shared/domain';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../../../src/shared/domain/attachment';
import { ContentClassifier } from '../../../../src/shared/attachments/classifier';
import { markupOf, SNIFF_BYTES, sniffHead } from '../../../../src/shared/attachments/sniff';
import * as f from './fixtures';

/** Classifies `bytes` fed in pieces of `piece` bytes, as an upload streams them. */
const classify = async (name: string, bytes: Buffer, piece: number): Promise<string> => {
  const classifier = new ContentClassifier(name);
  for (let at = 0; at < bytes.length; at += piece) {
    const refusal = await classifier.push(bytes.subarray(at, at + piece));
    if (refusal !== null) return `${refusal.code}${refusal.details?.found === undefined ? '' : `:${String(refusal.details.found)}`}`;
  }
  const verdict = await classifier.finish(bytes.length);
  return isDomainError(verdict) ? `${verdict.code}${verdict.details?.found === undefined ? '' : `:${String(verdict.details.found)}`}` : verdict.mediaType;
};

const REFUSED = 'ATTACHMENT_TYPE_REFUSED';

// Every case through three piece sizes: all at once, odd small pieces, and pieces that straddle the sniffed head.
const CASES: Array<[string, string, () => Buffer, string]> = [
  ['PNG', 'print.png', () => f.png(), 'image/png'],
  ['JPEG', 'foto.jpg', f.jpeg, 'image/jpeg'],
  ['GIF', 'tela.gif', f.gif, 'image/gif'],
  ['WebP', 'tela.webp', f.webp, 'image/webp'],
  ['PDF', 'boleto.pdf', f.pdf, 'application/pdf'],
  ['ZIP', 'logs.zip', f.plainZip, 'application/zip'],
  ['DOCX', 'procedimento.docx', f.docx, DOCX_MEDIA_TYPE],
  ['XLSX', 'relatorio.xlsx', f.xlsx, XLSX_MEDIA_TYPE],
  ['XLSX with [Content_Types].xml last, past the head (central directory)', 'export.xlsx', f.xlsxContentTypesLast, XLSX_MEDIA_TYPE],
  ['NF-e XML (nfeProc)', 'nfe.xml', f.nfeXml, 'application/xml'],
  ['NF-e XML without a declaration', '35260312345678000195550010000012341000012345-nfe.xml', f.nfeWithoutDeclaration, 'application/xml'],
  ['Latin-1 log', 'uno.log', f.latin1Log, 'text/plain; charset=windows-1252'],
  ['UTF-8 log with ANSI colours', 'sefaz.log', f.utf8Log, 'text/plain; charset=utf-8'],
  ['UTF-16 log with a BOM (PowerShell 5)', 'emitir.log', f.utf16Log, 'text/plain; charset=utf-16le'],
  ['CSV', 'clientes.csv', f.csv, 'text/csv; charset=utf-8'],
  ['CSV whose first letters are a bitmap signature', 'carros.csv', f.csvStartingBM, 'text/csv; charset=utf-8'],
  ['a PNG named .pdf is a PNG', 'nota.pdf', () => f.png(), 'image/png'],
  ['a PDF named .png is a PDF', 'print.png', f.pdf, 'application/pdf'],
  ['an HTML named .png is refused', 'print.png', f.html, `${REFUSED}:HTML`],
  ['an HTML fragment named .txt is refused', 'log.txt', f.htmlFragment, `${REFUSED}:HTML`],
  ['SVG', 'logo.svg', f.svg, `${REFUSED}:SVG`],
  ['SVG behind a declaration, a comment and a doctype, prefixed', 'logo.xml', f.svgWithDeclaration, `${REFUSED}:SVG`],
  ['XML carrying XHTML script', 'nota.xml', f.xmlWithXhtml, `${REFUSED}:XML`],
  ['XML declaring entities (billion laughs)', 'nota.xml', f.billionLaughs, `${REFUSED}:XML`],
  ['XML with a stylesheet instruction', 'nota.xml', f.xmlStylesheet, `${REFUSED}:XML`],
  ['PPTX (a ZIP, not on the list)', 'apresentacao.pptx', f.pptx, `${REFUSED}:PPTX`],
  ['a Windows program named .pdf', 'boleto.pdf', f.exe, `${REFUSED}:EXE`],
  ['GZIP, refused before the sniffer inflates it', 'logs.gz', f.gzip, `${REFUSED}:GZIP`],
  ['random bytes', 'dados.bin', () => f.randomBytesSeeded(10_000, 3), REFUSED],
  ['zero bytes', 'vazio.txt', () => Buffer.alloc(0), 'ATTACHMENT_EMPTY'],
  ['a 42.zip-like bomb is a ZIP, typed by its header', '42.zip', () => f.zipBomb(), 'application/zip'],
  // The sniffer gives up on the entry at its 1 MiB cap; the directory's names still say DOCX. Nothing is expanded.
  ['a deflate bomb in [Content_Types].xml is typed by its entry names', 'bomba.docx', f.contentTypesBomb, DOCX_MEDIA_TYPE],
];

describe('ContentClassifier: types by content', () => {
  it.each(CASES)('%s', async (_case, name, make, expected) => {
    const bytes = make();
    for (const piece of [Math.max(1, bytes.length), 7, SNIFF_BYTES - 3]) expect(await classify(name, bytes, piece)).toBe(expected);
  });

  it('refuses a text that turns binary far past the head (a NUL at 200 kB)', async () => {
    const bytes = Buffer.concat([Buffer.from('linha de log\n'.repeat(16_000)), Buffer.from([0]), Buffer.from('mais\n')]);
    expect(bytes.indexOf(0)).toBeGreaterThan(3 * SNIFF_BYTES);
    expect(await classify('app.log', bytes, 64 * 1024)).toBe(REFUSED);
  });

  it('calls a text windows-1252 when an invalid UTF-8 byte comes late, and UTF-8 when every sequence is whole', async () => {
    const utf8 = Buffer.from('ação '.repeat(40_000));
    expect(await classify('a.log', utf8, 1_000)).toBe('text/plain; charset=utf-8');
    expect(await classify('a.log', Buffer.concat([utf8, Buffer.from(' caf\xe9\n', 'latin1')]), 1_000)).toBe('text/plain; charset=windows-1252');
  });

  it('finds active XML split across two pieces', async () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0"?><nfeProc>'), Buffer.from(' '.repeat(100_000)), Buffer.from('<a xmlns="http://www.w3.org/1999/xhtml"/></nfeProc>')]);
    const split = bytes.indexOf('w3.org');
    const classifier = new ContentClassifier('nfe.xml');
    expect(await classifier.push(bytes.subarray(0, split))).toBeNull();
    expect((await classifier.push(bytes.subarray(split)))?.code).toBe(REFUSED);
  });

  it('sniffs no more than the head: a DOCX entry past SNIFF_BYTES, with no directory to say so, stays a ZIP', async () => {
    const bytes = f.zip([{ name: 'media/big.bin', data: f.randomBytesSeeded(SNIFF_BYTES, 5) }, f.contentTypes('word/document.xml'), f.part('word/document.xml')], { withoutDirectory: true });
    expect((await fileTypeFromBuffer(bytes))?.ext).toBe('docx'); // what reading past the head would have found
    expect(await sniffHead(bytes, 'x.docx')).toEqual({ kind: 'binary', mediaType: 'application/zip', zip: true });
    expect(await classify('x.docx', bytes, 4096)).toBe('application/zip');
  });

  it('keeps the heap flat while typing the bomb (nothing is expanded)', async () => {
    const bomb = f.zipBomb();
    expect(bomb.length).toBeLessThan(64 * 1024);
    const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 5; i += 1) expect(await classify('42.zip', bomb, 8192)).toBe('application/zip');
    const grown = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - before;
    expect(grown).toBeLessThan(64 * 1024 * 1024); // one layer expanded would already be 16 MiB per entry
  });
});

describe('markupOf', () => {
  it.each([
    ['<?xml version="1.0"?><nfeProc/>', 'xml'],
    ['<!-- gerado pelo UNO --><NFe/>', 'xml'],
    ['<!DOCTYPE nfe><NFe/>', 'xml'],
    ['<!doctype HTML><p>x', 'html'],
    ['<html lang="pt-BR">', 'html'],
    ['<HTML>', 'html'],
    ['<p>oi</p>', 'html'],
    ['<b>negrito', 'html'],
    ['<x:html xmlns:x="http://www.w3.org/1999/xhtml">', 'html'],
    ['<svg>', 'svg'],
    ['<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', 'svg'],
    ['<2026-03-02> INFO start', null],
    ['INFO <b>', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(markupOf(text)).toBe(expected);
  });
});
