import { createCipheriv } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

// Real, small files of every kind the attachment store meets, built byte by byte (no binary fixtures in the repo).

const u32be = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

const pngChunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), body, u32be(crc32(body))]);
};

/** A valid PNG of `width` × 1 RGBA pixels. */
export const png = (width = 1): Buffer => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, 0x7f)]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
};

/** The start of a PNG whose one IDAT chunk holds `size` bytes in all: a big screenshot's shape, for streams. */
export const pngHeaderFor = (size: number): Buffer => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(4000, 0);
  ihdr.writeUInt32BE(3000, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const head = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr)]);
  return Buffer.concat([head, u32be(size - head.length - 12), Buffer.from('IDAT', 'latin1')]);
};

export const jpeg = (): Buffer => Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  Buffer.from([0xff, 0xd9]),
]);

export const gif = (): Buffer => Buffer.concat([
  Buffer.from('GIF89a', 'latin1'), Buffer.from([0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff]),
  Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b]),
]);

export const webp = (): Buffer => {
  const vp8l = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00]);
  const chunk = Buffer.concat([Buffer.from('VP8L', 'latin1'), Buffer.from([vp8l.length, 0, 0, 0]), vp8l]);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), chunk]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body]);
};

export const pdf = (): Buffer => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Deflate the entry (method 8); stored (method 0) otherwise. */
  deflate?: boolean;
}

/** A ZIP as any archiver writes it: local headers and data, then the central directory and its end record. */
export const zip = (entries: readonly ZipEntry[], options: { withoutDirectory?: boolean } = {}): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.deflate === true ? deflateRawSync(entry.data) : entry.data;
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(entry.deflate === true ? 8 : 0, 4);
    common.writeUInt32LE(crc32(entry.data), 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(entry.data.length, 18);
    common.writeUInt16LE(name.length, 22);
    const local = Buffer.concat([u32le(0x04034b50), common, name, body]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    common.copy(central, 6, 0, 26);
    central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, name]));
    locals.push(local);
    offset += local.length;
  }
  if (options.withoutDirectory === true) return Buffer.concat(locals);
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

export const contentTypes = (main: string): ZipEntry => ({
  name: '[Content_Types].xml',
  data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.${main.startsWith('word') ? 'wordprocessingml.document' : main.startsWith('xl') ? 'spreadsheetml.sheet' : 'presentationml.presentation'}.main+xml"/></Types>`),
  deflate: true,
});
export const part = (name: string): ZipEntry => ({ name, data: Buffer.from(`<?xml version="1.0"?><root>${name}</root>`), deflate: true });

export const docx = (): Buffer => zip([contentTypes('word/document.xml'), part('_rels/.rels'), part('word/document.xml')]);
export const xlsx = (): Buffer => zip([contentTypes('xl/workbook.xml'), part('_rels/.rels'), part('xl/workbook.xml')]);
export const pptx = (): Buffer => zip([contentTypes('ppt/presentation.xml'), part('_rels/.rels'), part('ppt/presentation.xml')]);
/** An XLSX as some writers make it: a big entry first, "[Content_Types].xml" last, past the sniffed head. */
export const xlsxContentTypesLast = (): Buffer => zip([{ name: 'xl/media/image1.png', data: randomBytesSeeded(100 * 1024, 7) }, part('xl/workbook.xml'), part('_rels/.rels'), contentTypes('xl/workbook.xml')]);
export const plainZip = (): Buffer => zip([{ name: 'log/erro.txt', data: Buffer.from('Rejeição 539\n'), deflate: true }, { name: 'print.png', data: png() }]);

/**
 * 42.zip's shape: 16 archives of 16 archives of … of a mebibyte of zeros, each layer deflated — a few kilobytes
 * that would expand to 16^levels MiB (64 GiB at 4 levels) if anything opened it.
 */
export const zipBomb = (levels = 4): Buffer => {
  let inner = zip([{ name: 'zeros.bin', data: Buffer.alloc(1024 * 1024), deflate: true }]);
  for (let level = 0; level < levels; level += 1) {
    inner = zip(Array.from({ length: 16 }, (_, i) => ({ name: `lib ${i}.zip`, data: inner, deflate: true })));
  }
  return inner;
};

/** A ZIP whose one entry is "[Content_Types].xml" deflated from 50 MiB of spaces: the entry the sniffer may read. */
export const contentTypesBomb = (): Buffer => zip([{ name: '[Content_Types].xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20), deflate: true }, part('word/document.xml')]);

export const nfeXml = (): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<nfeProc versao="4.00" xmlns="http://www.portalfiscal.inf.br/nfe"><NFe><infNFe Id="NFe35260312345678000195550010000012341000012345" versao="4.00">
<ide><cUF>35</cUF><natOp>VENDA DE MERCADORIA</natOp><mod>55</mod><serie>1</serie><nNF>1234</nNF></ide>
<emit><CNPJ>12345678000195</CNPJ><xNome>Distribuidora São João Ltda</xNome></emit></infNFe></NFe>
<protNFe versao="4.00"><infProt><cStat>539</cStat><xMotivo>Rejeição: Duplicidade de NF-e com diferença na Chave de Acesso</xMotivo></infProt></protNFe></nfeProc>
`, 'utf8');

export const nfeWithoutDeclaration = (): Buffer => Buffer.from('<NFe xmlns="http://www.portalfiscal.inf.br/nfe"><infNFe versao="4.00"/></NFe>');

/** A log as Windows writes it in Brazil: windows-1252, CRLF, an en dash as byte 0x96. */
export const latin1Log = (): Buffer => Buffer.concat([
  Buffer.from('2026-03-02 10:00:01 ERRO  Rejeição 539: duplicidade de NF-e ', 'latin1'), Buffer.from([0x96]),
  Buffer.from(' série 1, número 1234\r\n2026-03-02 10:00:02 INFO  Transmissão cancelada pelo usuário\r\n', 'latin1'),
]);
export const utf8Log = (): Buffer => Buffer.from('\u001b[31mERRO\u001b[0m 2026-03-02T10:00:01 Falha na comunicação com a SEFAZ (cStat 108)\n', 'utf8');
export const utf16Log = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('PS C:\\UNO> .\\emitir.ps1\r\nErro: certificado vencido\r\n', 'utf16le')]);
export const csv = (): Buffer => Buffer.from('cliente;cnpj;valor\nDistribuidora São João;12.345.678/0001-95;1.234,56\n', 'utf8');
export const csvStartingBM = (): Buffer => Buffer.from('BMW;X1;2020\nBMW;X3;2021\n', 'utf8');
export const html = (): Buffer => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
export const htmlFragment = (): Buffer => Buffer.from('\n  <script>fetch("/api/v1/pull")</script>');
export const svg = (): Buffer => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>');
export const svgWithDeclaration = (): Buffer => Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<!-- editor -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>');
export const xmlWithXhtml = (): Buffer => Buffer.from('<?xml version="1.0"?><nota><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></nota>');
export const billionLaughs = (): Buffer => Buffer.from('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>');
export const xmlStylesheet = (): Buffer => Buffer.from('<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="x.xsl"?><nfeProc/>');
export const exe = (): Buffer => Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(200)]);
export const gzip = (): Buffer => Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);

/** Deterministic pseudo-random bytes (AES-CTR keystream of a seed). */
export function randomBytesSeeded(size: number, seed: number): Buffer {
  const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, seed), Buffer.alloc(16));
  return cipher.update(Buffer.alloc(size));
}

/**
 * A stream of `size` bytes made as it is read (never whole in memory): `head`, then the keystream of `seed`, in
 * pieces of `piece` bytes. `onPull` sees how many bytes have been handed out so far.
 */
export const generatedStream = (size: number, options: { head?: Buffer; seed?: number; piece?: number; failAt?: number; onPull?: (pulled: number) => void } = {}): Readable => {
  const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, options.seed ?? 1), Buffer.alloc(16));
  const head = options.head ?? Buffer.alloc(0);
  const piece = options.piece ?? 64 * 1024;
  async function* pieces(): AsyncGenerator<Buffer> {
    let sent = 0;
    while (sent < size) {
      if (options.failAt !== undefined && sent >= options.failAt) throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
      const n = Math.min(piece, size - sent, options.failAt === undefined ? Infinity : Math.max(1, options.failAt - sent));
      const out = Buffer.alloc(n);
      let filled = 0;
      if (sent < head.length) filled = head.copy(out, 0, sent, Math.min(head.length, sent + n));
      if (filled < n) cipher.update(Buffer.alloc(n - filled)).copy(out, filled);
      sent += n;
      options.onPull?.(sent);
      yield out;
    }
  }
  return Readable.from(pieces(), { objectMode: false });
};

/** `bytes` as a stream in pieces of `piece` bytes; with `failAt`, the stream fails (a dropped connection) there. */
export const generatedStreamOf = (bytes: Buffer, piece = 64 * 1024, failAt?: number): Readable => {
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let at = 0; at < bytes.length;) {
      if (failAt !== undefined && at >= failAt) throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
      const end = Math.min(at + piece, bytes.length, failAt ?? Infinity);
      yield bytes.subarray(at, end);
      at = end;
    }
  }
  return Readable.from(pieces(), { objectMode: false });
};
