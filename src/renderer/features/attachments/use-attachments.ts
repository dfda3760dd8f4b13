import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttachmentView } from '../../../shared/api/attachments';
import { useServices } from '../../app/services';
import { sendFile } from './transfer';

// The attachments of the OC on screen (listed, kept current by sync and upload progress), and the files being
// attached in a form (the composer, a dialog) until the mutation that carries them is sent.

/** Every attachment of an OC, by interaction; refreshed when rows arrive and patched as uploads move. */
export const useOcAttachments = (ocId: string): { byInteraction: ReadonlyMap<string, AttachmentView[]>; all: AttachmentView[] } => {
  const { api } = useServices();
  const [all, setAll] = useState<AttachmentView[]>([]);
  useEffect(() => {
    let current = true;
    const load = (): void => {
      void api.call('attachment.list', { ocId }).then((r) => current && r.ok && setAll(r.value));
    };
    load();
    const offData = api.on('data.changed', (change) => {
      if (change.tables.includes('attachment') || change.ocIds.includes(ocId)) load();
    });
    const offProgress = api.on('attachment.progress', (p) => {
      if (p.ocId !== ocId) return;
      setAll((list) => (list.some((a) => a.id === p.id) ? list.map((a) => (a.id === p.id ? { ...a, state: p.state, sent: p.sent, refusal: p.refusal } : a)) : list));
      if (p.state === 'uploaded' || p.state === 'refused') load();
    });
    return () => {
      current = false;
      offData();
      offProgress();
    };
  }, [api, ocId]);
  const byInteraction = new Map<string, AttachmentView[]>();
  for (const a of all) {
    if (a.interactionId === null) continue;
    const list = byInteraction.get(a.interactionId);
    if (list === undefined) byInteraction.set(a.interactionId, [a]);
    else list.push(a);
  }
  return { byInteraction, all };
};

/** A file being attached: read into the core's spool, then ready to go with the mutation. */
export interface DraftFile {
  key: number;
  name: string;
  size: number;
  /** The core's draft id once begun. */
  id: string | null;
  state: 'reading' | 'ready' | 'failed';
  sent: number;
  view: AttachmentView | null;
  error: string | null;
}

export const useDraftFiles = (ocId: string, lang: 'pt-BR' | 'en') => {
  const { api } = useServices();
  const [files, setFiles] = useState<DraftFile[]>([]);
  const next = useRef(1);
  const removed = useRef(new Set<number>());
  const patch = (key: number, change: Partial<DraftFile>): void => setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));
  const add = useCallback(
    (picked: readonly (Blob & { name: string })[]): void => {
      for (const file of picked) {
        const key = next.current++;
        setFiles((list) => [...list, { key, name: file.name, size: file.size, id: null, state: 'reading', sent: 0, view: null, error: null }]);
        void sendFile(api, ocId, file, (sent) => patch(key, { sent }), () => removed.current.has(key)).then((result) => {
          if (removed.current.has(key)) {
            if (!result.ok && result.id !== null) void api.call('attachment.discard', { id: result.id });
            if (result.ok) void api.call('attachment.discard', { id: result.view.id });
            return;
          }
          if (result.ok) patch(key, { state: 'ready', id: result.view.id, view: result.view, sent: result.view.size });
          else {
            if (result.id !== null) void api.call('attachment.discard', { id: result.id });
            patch(key, { state: 'failed', error: result.error.message[lang] });
          }
        });
      }
    },
    [api, ocId, lang],
  );
  const remove = useCallback(
    (key: number): void => {
      removed.current.add(key);
      setFiles((list) => {
        const file = list.find((f) => f.key === key);
        if (file?.id != null && file.state === 'ready') void api.call('attachment.discard', { id: file.id });
        return list.filter((f) => f.key !== key);
      });
    },
    [api],
  );
  /** The files sent with the mutation leave the form (they now belong to its interaction). */
  const clear = useCallback(() => setFiles([]), []);
  const ids = files.filter((f) => f.state === 'ready' && f.id !== null).map((f) => f.id as string);
  const reading = files.some((f) => f.state === 'reading');
  return { files, add, remove, clear, ids, reading };
};
