import { useEffect, useState } from 'react';
import type { AttachmentView } from '../../../shared/api/attachments';
import { formatFileSize } from '../../../shared/attachments/size';
import { useServices, useT } from '../../app/services';
import { Icon } from '../../components/icons';
import { formatPercent } from '../../lib/format';
import { AttachmentViewer } from './AttachmentViewer';
import { KIND_ICON } from './kind-icon';
import { readFile } from './transfer';

/** A thumbnail of an image the core can read (its own file, a cached one, or fetched now when online). */
const Thumbnail = ({ attachment }: { attachment: AttachmentView }) => {
  const { api } = useServices();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    let made: string | null = null;
    void readFile(api, attachment.id).then((read) => {
      if (!current || !read.ok) return;
      made = URL.createObjectURL(read.blob);
      setUrl(made);
    });
    return () => {
      current = false;
      if (made !== null) URL.revokeObjectURL(made);
    };
  }, [api, attachment.id]);
  return url === null ? <Icon name="image" size={18} /> : <img className="att-thumb" src={url} alt="" data-testid="attachment-thumbnail" />;
};

/** The files of one interaction: type, name, size, where the upload is; a click opens it. */
export const AttachmentList = ({ attachments }: { attachments: readonly AttachmentView[] }) => {
  const { t, lang } = useT();
  const [open, setOpen] = useState<AttachmentView | null>(null);
  if (attachments.length === 0) return null;
  const stateText = (a: AttachmentView): string | null => {
    if (a.state === 'queued') return t('att.queued');
    if (a.state === 'uploading') return t('att.uploading', { percent: formatPercent((100 * a.sent) / a.size, lang, 0) });
    if (a.state === 'refused') return t('att.refused', { reason: a.refusal?.[lang] ?? '' });
    return null;
  };
  return (
    <>
      <ul className="att-list" aria-label={t('att.count', { count: attachments.length })} data-testid="attachment-list">
        {attachments.map((a) => {
          const state = stateText(a);
          return (
            <li key={a.id} className={`att-item is-${a.state}`} data-testid="attachment" data-kind={a.kind} data-state={a.state}>
              <button type="button" className="att-open" onClick={() => setOpen(a)} title={t('att.open', { name: a.name })}>
                {a.kind === 'image' && a.state !== 'refused' ? <Thumbnail attachment={a} /> : <Icon name={KIND_ICON[a.kind]} size={18} />}
                <span className="att-meta">
                  <span className="att-name ellipsis" title={a.name}>{a.name}</span>
                  <span className="faint">
                    {formatFileSize(a.size, lang)}
                    {state === null ? null : <span className={a.state === 'refused' ? 'att-refused' : ''}> · {state}</span>}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {open === null ? null : <AttachmentViewer attachment={open} onClose={() => setOpen(null)} />}
    </>
  );
};
