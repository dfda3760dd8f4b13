import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../domain/attachment';

// A ZIP lists its entries at its end (the central directory). Office writes "[Content_Types].xml" first, so the
// head already tells a DOCX from a ZIP; other writers (openpyxl, Apache POI, exports of ERPs) put it anywhere, and
// the directory at the end says it for them. Only the names are read — no entry is ever inflated.

/** The end of a file kept while it streams: the directory of an Office document is a few kilobytes. */
export const ZIP_TAIL_BYTES = 128 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const EOCD_LENGTH = 22;
const MAX_COMMENT = 0xffff;
const MAX_ENTRIES = 10_000;

/**
 * Entry names from the central directory found in `tail` (the last bytes of a file of `totalSize` bytes), or null
 * when it is not all there (a ZIP64, a directory bigger than the tail, no end record: a damaged ZIP).
 */
export const zipEntryNames = (tail: Uint8Array, totalSize: number): string[] | null => {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const tailStart = totalSize - tail.length;
  for (let at = tail.length - EOCD_LENGTH; at >= Math.max(0, tail.length - EOCD_LENGTH - MAX_COMMENT); at -= 1) {
    if (view.getUint32(at, true) !== EOCD) continue;
    const entries = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 12, true);
    const offset = view.getUint32(at + 16, true);
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null; // ZIP64
    const start = offset - tailStart;
    if (start < 0 || start + size > at || entries > MAX_ENTRIES) return null;
    const names: string[] = [];
    const decoder = new TextDecoder('utf-8');
    let p = start;
    for (let i = 0; i < entries; i += 1) {
      if (p + 46 > start + size || view.getUint32(p, true) !== CENTRAL) return null;
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      if (p + 46 + nameLength > start + size) return null;
      names.push(decoder.decode(tail.subarray(p + 46, p + 46 + nameLength)));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
};

/** What a ZIP is, by its entry names: an Office document (accepted), another ZIP-based format (refused), or a ZIP. */
export const zipKindOf = (names: readonly string[]): { mediaType: string } | { refused: string } | null => {
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (names.includes('[Content_Types].xml')) {
    if (has('word/')) return { mediaType: DOCX_MEDIA_TYPE };
    if (has('xl/')) return { mediaType: XLSX_MEDIA_TYPE };
    if (has('ppt/')) return { refused: 'PPTX' };
  }
  if (names.includes('META-INF/MANIFEST.MF')) return { refused: 'JAR' };
  if (names.some((n) => /^classes\d*\.dex$/.test(n))) return { refused: 'APK' };
  return null;
};

/**
 * The last `limit` bytes seen so far of a stream, in a ring: each piece costs its own length, so a client sending
 * one byte at a time cannot make every byte copy the whole tail.
 */
export class TailKeeper {
  private readonly ring: Uint8Array;
  private next = 0;
  private filled = 0;

  constructor(private readonly limit = ZIP_TAIL_BYTES) {
    this.ring = new Uint8Array(limit);
  }

  push(piece: Uint8Array): void {
    const kept = piece.length > this.limit ? piece.subarray(piece.length - this.limit) : piece;
    const first = Math.min(kept.length, this.limit - this.next);
    this.ring.set(kept.subarray(0, first), this.next);
    this.ring.set(kept.subarray(first), 0);
    this.next = (this.next + kept.length) % this.limit;
    this.filled = Math.min(this.limit, this.filled + kept.length);
  }

  /** The kept bytes in stream order. */
  bytes(): Uint8Array {
    if (this.filled < this.limit) return this.ring.slice(0, this.filled);
    const out = new Uint8Array(this.limit);
    out.set(this.ring.subarray(this.next), 0);
    out.set(this.ring.subarray(0, this.next), this.limit - this.next);
    return out;
  }
}
