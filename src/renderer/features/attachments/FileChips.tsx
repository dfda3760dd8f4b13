import { formatFileSize } from '../../../shared/attachments/size';
import { useT } from '../../app/services';
import { IconButton } from '../../components/Button';
import { Icon } from '../../components/icons';
import { formatPercent } from '../../lib/format';
import { KIND_ICON } from './kind-icon';
import type { DraftFile } from './use-attachments';

/** The files attached to a form before it is sent: name, size, type, how far it is read in, and remove. */
export const FileChips = ({ files, onRemove }: { files: readonly DraftFile[]; onRemove: (key: number) => void }) => {
  const { t, lang } = useT();
  if (files.length === 0) return null;
  return (
    <ul className="att-chips" data-testid="attachment-drafts">
      {files.map((f) => (
        <li key={f.key} className={`att-chip is-${f.state}`} data-testid="attachment-draft" data-state={f.state}>
          <Icon name={f.view === null ? 'paperclip' : KIND_ICON[f.view.kind]} size={14} />
          <span className="att-name ellipsis" title={f.name}>{f.name}</span>
          <span className="att-size faint">{formatFileSize(f.size, lang)}</span>
          {f.state === 'reading' ? (
            <span className="att-progress" role="progressbar" aria-valuemin={0} aria-valuemax={f.size} aria-valuenow={f.sent} aria-label={t('att.reading', { percent: formatPercent((100 * f.sent) / Math.max(1, f.size), lang, 0) })}>
              <span style={{ width: `${Math.round((100 * f.sent) / Math.max(1, f.size))}%` }} />
            </span>
          ) : null}
          <IconButton label={t('att.remove', { name: f.name })} icon="x" onClick={() => onRemove(f.key)} size="s" data-testid="attachment-draft-remove" />
          {f.error === null ? null : <span className="att-error" role="alert">{f.error}</span>}
        </li>
      ))}
    </ul>
  );
};
