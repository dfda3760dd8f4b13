import { ATTACHMENT_SLICE_BYTES, type AttachmentView } from '../../../shared/api/attachments';
import type { ApiError } from '../../../shared/api/result';
import type { ApiClient } from '../../lib/api/client';
import { fromBase64, toBase64 } from '../../lib/base64';

// A file handed to the core in slices (begin, append…, finish) and read back the same way: the renderer never
// holds more than one slice of it as base64.

export type Sent = { ok: true; view: AttachmentView } | { ok: false; error: ApiError; id: string | null };

/** Sends `file` as a draft of `ocId`; `progress` gets the bytes the core holds after each slice. */
export const sendFile = async (api: ApiClient, ocId: string, file: Blob & { name: string }, progress: (sent: number) => void, cancelled: () => boolean = () => false): Promise<Sent> => {
  const begun = await api.call('attachment.begin', { ocId, name: file.name, size: file.size });
  if (!begun.ok) return { ok: false, error: begun.error, id: null };
  const { id } = begun.value;
  for (let offset = 0; offset < file.size; offset += ATTACHMENT_SLICE_BYTES) {
    if (cancelled()) return { ok: false, error: { code: 'CANCELLED', message: { 'pt-BR': 'Cancelado.', en: 'Cancelled.' } }, id };
    const slice = new Uint8Array(await file.slice(offset, offset + ATTACHMENT_SLICE_BYTES).arrayBuffer());
    const appended = await api.call('attachment.append', { id, offset, data: toBase64(slice) });
    if (!appended.ok) return { ok: false, error: appended.error, id };
    progress(appended.value.received);
  }
  const finished = await api.call('attachment.finish', { id });
  return finished.ok ? { ok: true, view: finished.value } : { ok: false, error: finished.error, id };
};

export type Read = { ok: true; blob: Blob; truncated: boolean } | { ok: false; error: ApiError };

/** The bytes of an attachment (at most `limit` of them) as a Blob of its media type. */
export const readFile = async (api: ApiClient, id: string, limit = Number.MAX_SAFE_INTEGER): Promise<Read> => {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let size = Number.POSITIVE_INFINITY;
  let mediaType = 'application/octet-stream';
  while (offset < Math.min(size, limit)) {
    const slice = await api.call('attachment.read', { id, offset, length: Math.min(ATTACHMENT_SLICE_BYTES, limit - offset) });
    if (!slice.ok) return { ok: false, error: slice.error };
    const bytes = fromBase64(slice.value.data);
    if (bytes.length === 0) break;
    parts.push(bytes);
    offset += bytes.length;
    size = slice.value.size;
    mediaType = slice.value.mediaType;
  }
  // A text type keeps its charset for the viewer; everything else is what the core typed it as.
  return { ok: true, blob: new Blob(parts, { type: mediaType }), truncated: offset < size };
};
