import { attachmentKindOf, type Attachment } from '../../shared/domain/attachment';
import type { BlobRange } from './blob-store';

// What every download carries (SPEC §2: never rendered as active content): always a download, never sniffed, no
// script or style allowed even if something renders it, private to the reader's cache, under a name whose
// extension matches what the bytes are — so the file opened from the Downloads folder is what it was typed as.

/** The extensions a file of each stored type may keep; anything else gets the type's own one appended. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'application/xml': ['xml'],
  'application/zip': ['zip'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  // Text opens in an editor under these; under .html, .js, .bat, .ps1 or .hta the system would run it.
  text: ['txt', 'log', 'text', 'out', 'err', 'trace', 'csv', 'tsv', 'ini', 'cfg', 'conf', 'json', 'sql', 'md', 'ret', 'rem', 'prn'],
  csv: ['csv', 'tsv', 'txt'],
};

const baseOf = (mediaType: string): string => mediaType.split(';')[0]?.trim() ?? mediaType;

/** The media type a download is served as: the stored one when it is on the allow-list, else octet-stream. */
export const servedMediaType = (mediaType: string): string => (attachmentKindOf(mediaType) === null ? 'application/octet-stream' : mediaType);

/** The user's name, with the right extension added when theirs does not match the content ("log.html" → "log.html.txt"). */
export const downloadName = (name: string, mediaType: string): string => {
  const kind = attachmentKindOf(mediaType);
  const allowed = kind === 'text' ? EXTENSIONS.text : kind === 'csv' ? EXTENSIONS.csv : kind === null ? undefined : EXTENSIONS[baseOf(mediaType)];
  if (allowed === undefined) return `${name}.bin`;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return allowed.includes(extension) ? name : `${name}.${allowed[0] as string}`;
};

// RFC 8187 attr-char: what filename*= may carry unencoded; encodeURIComponent also leaves ' ( ) * ! alone.
const encode5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An ASCII stand-in for clients without filename*: accents dropped, the rest of non-ASCII, quotes and % as "_". */
const asciiFallback = (value: string): string =>
  value.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\x20-\x7e]|["\\%]/g, '_');

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): the header holds ASCII only, whatever the name. */
export const contentDisposition = (name: string): string =>
  `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encode5987(name)}`;

export type RangeAnswer = { kind: 'whole' } | { kind: 'part'; range: BlobRange } | { kind: 'unsatisfiable' };

/**
 * One byte range (RFC 9110 §14): "bytes=a-b", "bytes=a-", "bytes=-n". Several ranges or a malformed header are
 * answered with the whole file (which the RFC allows); a range that starts past the end is unsatisfiable.
 */
export const parseRange = (header: string | undefined, size: number): RangeAnswer => {
  if (header === undefined) return { kind: 'whole' };
  const match = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (match === null) return { kind: 'whole' };
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return { kind: 'whole' };
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size) return { kind: 'unsatisfiable' };
  if (end < start) return { kind: 'whole' };
  return { kind: 'part', range: { start, end } };
};

/** The headers of a download of `attachment` (all of it, or `range`). */
export const downloadHeaders = (attachment: Attachment, range: BlobRange | null): Record<string, string> => {
  const headers: Record<string, string> = {
    'Content-Type': servedMediaType(attachment.mediaType),
    'Content-Length': String(range === null ? attachment.size : range.end - range.start + 1),
    'Content-Disposition': contentDisposition(downloadName(attachment.name, attachment.mediaType)),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private',
    'Referrer-Policy': 'no-referrer',
    'Accept-Ranges': 'bytes',
    // The bytes of an attachment never change: its hash is a strong validator.
    ETag: `"${attachment.sha256}"`,
  };
  if (range !== null) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${attachment.size}`;
  return headers;
};

/** The headers of a 416 answer. */
export const unsatisfiableHeaders = (size: number): Record<string, string> => ({
  'Content-Range': `bytes */${size}`,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private',
});
