import { useEffect, useState } from 'react';
import type { AttachmentView } from '../../../shared/api/attachments';
import { formatFileSize } from '../../../shared/attachments/size';
import { useServices, useT } from '../../app/services';
import { Button } from '../../components/Button';
import { FormError } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { saveBlob } from '../../lib/save-file';
import { readFile } from './transfer';
import { prettyXml } from './xml-pretty';

/** Text, logs, CSV and XML are shown up to this many bytes; the rest is one download away. */
export const TEXT_VIEW_BYTES = 2 * 1024 * 1024;

type Shown = { kind: 'image'; url: string } | { kind: 'text'; text: string; note: string | null } | { kind: 'none' };

const charsetOf = (mediaType: string): string => /charset=([\w-]+)/.exec(mediaType)?.[1] ?? 'utf-8';

/**
 * One attachment opened: an image whole in the window, XML indented, text and logs in a monospace viewer — all
 * as images or text, never as markup. Anything else is offered for download (Electron asks where to save it).
 */
export const AttachmentViewer = ({ attachment, onClose }: { attachment: AttachmentView; onClose: () => void }) => {
  const { t, lang } = useT();
  const { api } = useServices();
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const viewable = attachment.kind === 'image' || attachment.kind === 'xml' || attachment.kind === 'text' || attachment.kind === 'csv';
  useEffect(() => {
    if (!viewable) return setShown({ kind: 'none' });
    let url: string | null = null;
    let current = true;
    void readFile(api, attachment.id, attachment.kind === 'image' ? Number.MAX_SAFE_INTEGER : TEXT_VIEW_BYTES).then(async (read) => {
      if (!current) return;
      if (!read.ok) return setError(read.error.message[lang]);
      if (attachment.kind === 'image') {
        url = URL.createObjectURL(read.blob);
        return setShown({ kind: 'image', url });
      }
      const text = new TextDecoder(charsetOf(attachment.mediaType)).decode(await read.blob.arrayBuffer());
      const cut = read.truncated ? t('att.cut', { shown: formatFileSize(TEXT_VIEW_BYTES, lang), total: formatFileSize(attachment.size, lang) }) : null;
      if (attachment.kind === 'xml' && !read.truncated) {
        const pretty = prettyXml(text);
        return setShown({ kind: 'text', text: pretty.text, note: pretty.parsed ? null : t('att.notXml') });
      }
      return setShown({ kind: 'text', text, note: cut });
    });
    return () => {
      current = false;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [api, attachment, viewable, lang, t]);
  const download = async (): Promise<void> => {
    const read = await readFile(api, attachment.id);
    if (!read.ok) return setError(read.error.message[lang]);
    saveBlob(read.blob, attachment.name);
  };
  return (
    <Modal
      title={attachment.name}
      subtitle={`${formatFileSize(attachment.size, lang)} · ${attachment.mediaType}`}
      onClose={onClose}
      width={attachment.kind === 'image' ? 1100 : 900}
      testId="attachment-viewer"
      footer={
        <Button icon="arrowDown" onClick={() => void download()} data-testid="attachment-download">
          {t('att.download')}
        </Button>
      }
    >
      <FormError message={error} />
      {shown?.kind === 'image' ? <img className="att-full" src={shown.url} alt={attachment.name} data-testid="attachment-image" /> : null}
      {shown?.kind === 'text' ? (
        <>
          {shown.note === null ? null : <p className="notice-line">{shown.note}</p>}
          <pre className="att-text" data-testid="attachment-text">{shown.text}</pre>
        </>
      ) : null}
      {shown?.kind === 'none' ? <p className="muted">{t('att.downloadName', { name: attachment.name })}</p> : null}
    </Modal>
  );
};
