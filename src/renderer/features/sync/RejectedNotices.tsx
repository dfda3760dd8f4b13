import { useState } from 'react';
import type { RejectedNotice } from '../../../shared/api/notices';
import { useNow, useRouter, useSync, useT } from '../../app/services';
import { Button } from '../../components/Button';
import { Icon } from '../../components/icons';
import { formatWhen } from '../../lib/format';
import { mutationLabel } from './mutation-labels';

/** The words of a refused reply or note, selectable, with a copy button (issue 13 item 5). */
const WrittenText = ({ text }: { text: string }) => {
  const { t } = useT();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="notice-text">
      <textarea readOnly value={text} aria-label={t('sync.yourText')} rows={Math.min(6, text.split('\n').length + 1)} data-testid="rejected-text" />
      <div className="row">
        <Button size="s" variant="ghost" icon="copy" onClick={copy} data-testid="rejected-copy">
          {copied === 'yes' ? t('sync.copied') : t('sync.copy')}
        </Button>
        {copied === 'failed' ? <span className="faint">{t('sync.copyFailed')}</span> : null}
      </div>
    </div>
  );
};

/** Changes the server refused, newest first: the reason, what the change was, what its author wrote. */
export const RejectedNotices = ({ notices }: { notices: readonly RejectedNotice[] }) => {
  const { t, lang } = useT();
  const now = useNow();
  const dismiss = useSync((s) => s.dismiss);
  const navigate = useRouter((s) => s.navigate);
  return (
    <>
      <h3>{t('sync.rejected')}</h3>
      {notices.length === 0 ? <div className="faint">{t('sync.rejectedNone')}</div> : null}
      <ul className="notices">
        {notices.map((notice) => (
          <li key={notice.id} className="notice" data-testid="rejected-notice">
            <Icon name="octagon" size={14} className="danger-text" />
            <div className="notice-main">
              <div>{notice.error.message[lang]}</div>
              <div className="faint">{mutationLabel(notice.name, lang)} · {formatWhen(notice.at, now, lang)}</div>
              {notice.text === null ? null : <WrittenText text={notice.text} />}
              <div className="row">
                {notice.ocId === null ? null : (
                  <Button size="s" variant="ghost" onClick={() => navigate({ name: 'oc', id: notice.ocId as string })}>
                    {t('sync.open')}
                  </Button>
                )}
                <Button size="s" variant="ghost" onClick={() => void dismiss(notice.id)}>
                  {t('sync.dismiss')}
                </Button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
};
