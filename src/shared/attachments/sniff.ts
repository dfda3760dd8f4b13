import { fileTypeFromBuffer } from 'file-type';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../domain/attachment';

// Types by content, never by name (SPEC §2): the first bytes of an upload decide what it is. Binary formats are
// recognised by `file-type` (magic numbers, with the structure checks a bare prefix test lacks: WebP inside RIFF,
// the Office entry inside a ZIP); text formats, which no sniffer types, are decided here.
//
// Only the head is ever given to the sniffer: at most SNIFF_BYTES, so nothing can make it read — or inflate — more
// than that. file-type itself inflates one small ZIP entry ([Content_Types].xml, capped at 1 MiB) to tell DOCX
// from XLSX; it would also inflate gzip streams looking for a tar inside, so compressed formats we refuse anyway are
// refused here by their signature before it sees them. A zip bomb is a ZIP: typed by its header, stored, never opened.

/** How much of the start of a file decides its type (file-type needs 4 100 bytes; Office entries come first). */
export const SNIFF_BYTES = 64 * 1024;

export type TextBase = 'text/plain' | 'text/csv' | 'application/xml';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type HeadVerdict =
  | { kind: 'binary'; mediaType: string; zip: boolean }
  | { kind: 'text'; base: TextBase; encoding: TextEncoding; bomBytes: number }
  /** `found`: what the bytes are, for the message ("HTML", "GZIP"); null when they are nothing we know. */
  | { kind: 'refused'; found: string | null };

const ALLOWED_BINARY: Record<string, string> = {
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/gif': 'image/gif',
  'image/webp': 'image/webp',
  'application/pdf': 'application/pdf',
  'application/zip': 'application/zip',
  [XLSX_MEDIA_TYPE]: XLSX_MEDIA_TYPE,
  [DOCX_MEDIA_TYPE]: DOCX_MEDIA_TYPE,
};

const latin1 = new TextDecoder('latin1');

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

/** Compressed streams file-type would decompress while probing; not on the allow-list, so refused unopened. */
const COMPRESSED: ReadonlyArray<[string, readonly number[]]> = [
  ['GZIP', [0x1f, 0x8b]],
  ['BZIP2', [0x42, 0x5a, 0x68]],
  ['XZ', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['ZSTD', [0x28, 0xb5, 0x2f, 0xfd]],
  ['7Z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['LZ4', [0x04, 0x22, 0x4d, 0x18]],
];

// WHATWG MIME Sniffing §7.1: the tags a browser takes as HTML at the start of a document (after whitespace),
// followed by a space or ">".
const HTML_TAGS = ['!DOCTYPE HTML', 'HTML', 'HEAD', 'SCRIPT', 'IFRAME', 'H1', 'DIV', 'FONT', 'TABLE', 'A', 'STYLE', 'TITLE', 'B', 'BODY', 'BR', 'P', '!--'];

/** What a text document that starts with markup is: HTML and SVG are active content; any other root is XML. */
export const markupOf = (text: string): 'html' | 'svg' | 'xml' | null => {
  let s = text.replace(/^[\t\n\f\r ]+/, '');
  const upper = s.slice(0, 20).toUpperCase();
  for (const tag of HTML_TAGS) {
    const after = upper.charAt(tag.length + 1);
    if (upper.startsWith(`<${tag}`) && (after === ' ' || after === '>')) {
      // "<!--" opens XML documents too (a comment before the root): only HTML when no XML root follows.
      if (tag !== '!--') return 'html';
    }
  }
  if (!s.startsWith('<')) return null;
  // The prolog: declaration, processing instructions, comments and the doctype, then the root element.
  for (let guard = 0; guard < 64; guard += 1) {
    s = s.replace(/^[\t\n\f\r ]+/, '');
    if (s.startsWith('<?')) {
      const end = s.indexOf('?>');
      if (end === -1) return 'xml';
      s = s.slice(end + 2);
    } else if (s.startsWith('<!--')) {
      const end = s.indexOf('-->');
      if (end === -1) return 'xml';
      s = s.slice(end + 3);
    } else if (/^<!DOCTYPE/i.test(s)) {
      const name = /^<!DOCTYPE[\t\n\f\r ]+([^\t\n\f\r >[]+)/i.exec(s)?.[1]?.toLowerCase() ?? '';
      if (name === 'html' || name.endsWith(':html')) return 'html';
      if (name === 'svg' || name.endsWith(':svg')) return 'svg';
      const end = s.indexOf('>', s.includes('[') && s.indexOf('[') < s.indexOf('>') ? s.indexOf(']') : 0);
      if (end === -1) return 'xml';
      s = s.slice(end + 1);
    } else {
      break;
    }
  }
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(s)?.[1];
  if (root === undefined) return text.replace(/^[\t\n\f\r ]+/, '').startsWith('<?xml') ? 'xml' : null;
  const local = (root.includes(':') ? root.slice(root.indexOf(':') + 1) : root).toLowerCase();
  if (local === 'html') return 'html';
  if (local === 'svg') return 'svg';
  return 'xml';
};

/**
 * Characters no text file holds: NUL and the C0 controls except tab, line feed, form feed, carriage return and
 * escape (logs keep their ANSI colours). Binary formats meet one within their first bytes.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const NOT_TEXT = /[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F]/;

const textBaseOf = (name: string): 'text/plain' | 'text/csv' => (/\.(csv|tsv)$/i.test(name) ? 'text/csv' : 'text/plain');

/**
 * The verdict on the first bytes of an upload (at most SNIFF_BYTES; all of it when the file is shorter). A text
 * verdict is provisional: the whole file must still decode and hold no NUL (text-inspector.ts); a ZIP may still
 * turn out to be an Office document from its central directory (zip-directory.ts).
 */
export const sniffHead = async (head: Uint8Array, name: string): Promise<HeadVerdict> => {
  const window = head.length > SNIFF_BYTES ? head.subarray(0, SNIFF_BYTES) : head;
  for (const [found, signature] of COMPRESSED) if (startsWith(window, signature)) return { kind: 'refused', found };
  let encoding: TextEncoding = 'utf-8';
  let bomBytes = 0;
  if (startsWith(window, [0xef, 0xbb, 0xbf])) bomBytes = 3;
  else if (startsWith(window, [0xff, 0xfe])) [encoding, bomBytes] = ['utf-16le', 2];
  else if (startsWith(window, [0xfe, 0xff])) [encoding, bomBytes] = ['utf-16be', 2];
  // A byte-order mark says text (a UTF-16 BOM is also an MPEG frame sync to the sniffer); the inspector checks it.
  if (bomBytes === 0) {
    const detected = await fileTypeFromBuffer(window);
    if (detected !== undefined && detected.mime !== 'application/xml') {
      const allowed = ALLOWED_BINARY[detected.mime];
      if (allowed !== undefined) return { kind: 'binary', mediaType: allowed, zip: detected.ext === 'zip' };
      // Some signatures are two letters ("BM" is a bitmap, "MZ" a program): a CSV of "BMW;2020;…" is still text.
      if (NOT_TEXT.test(latin1.decode(window))) return { kind: 'refused', found: detected.ext.toUpperCase() };
    }
  }
  // Markup is ASCII: latin1 shows it whatever the real 8-bit encoding is (the inspector checks that later).
  const text = new TextDecoder(encoding === 'utf-8' ? 'latin1' : encoding).decode(window.subarray(bomBytes));
  const markup = markupOf(text);
  if (markup === 'html') return { kind: 'refused', found: 'HTML' };
  if (markup === 'svg') return { kind: 'refused', found: 'SVG' };
  return { kind: 'text', base: markup === 'xml' ? 'application/xml' : textBaseOf(name), encoding, bomBytes };
};
