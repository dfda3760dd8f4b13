import { useEffect, useState } from 'react';
import type { ReleasePreview } from '../../../shared/api/versions';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { DateTimeInput } from '../../components/DateFields';
import { Field, FormError, TextArea } from '../../components/Field';
import { Modal } from '../../components/Modal';
import type { Lang } from '../../i18n/define';
import { formatDateTime, fromLocalInput, toLocalInput } from '../../lib/format';
import type { SettingsT } from './messages';

/**
 * Registering a release, preview first (issue 13): the OCs it will solve — number, customer, subject — read by
 * the rule the 'release.register' mutator applies; confirming registers it. A version registered already shows
 * only that refusal, and no button to try again.
 */
export const ReleasePreviewDialog = ({ version, t, lang, onClose, onDone }: { version: string; t: SettingsT; lang: Lang; onClose: () => void; onDone: (message: string) => void }) => {
  const { api, clock } = useServices();
  const [preview, setPreview] = useState<ReleasePreview | null>(null);
  const [releasedAt, setReleasedAt] = useState(() => toLocalInput(clock.read()));
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void api.call('release.preview', { version }).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setError(result.error.message[lang]);
    });
    return () => {
      live = false;
    };
  }, [api, version, lang]);
  const registered = preview?.release ?? null;
  const confirm = async (): Promise<void> => {
    const at = fromLocalInput(releasedAt);
    if (at === null) return setError(t('releases.invalidDate'));
    setBusy(true);
    setError(null);
    const result = await api.call('release.register', { version, releasedAt: at, notes: notes.trim() });
    setBusy(false);
    if (!result.ok) return setError(result.error.message[lang]);
    onDone(t('preview.done', { version, count: preview?.ocs.length ?? 0 }));
  };
  const footer = (
    <>
      <Button variant="ghost" onClick={onClose}>{t('versions.close')}</Button>
      {registered !== null || preview === null ? null : (
        <Button variant="primary" icon="package" busy={busy} onClick={() => void confirm()} data-testid="release-confirm">{t('preview.confirm')}</Button>
      )}
    </>
  );
  return (
    <Modal title={t('preview.title', { version })} subtitle={t('preview.sub')} onClose={onClose} width={760} testId="release-preview" footer={footer}>
      <div className="stack">
        {registered === null ? <FormError message={error} /> : <FormError message={t('preview.already', { version, date: formatDateTime(registered.releasedAt, lang) })} />}
        {preview === null && error === null ? <p className="muted">{t('preview.loading')}</p> : null}
        {preview === null || registered !== null ? null : (
          <>
            <p className="st-preview-count" data-testid="release-preview-count"><strong>{t('preview.count', { count: preview.ocs.length })}</strong></p>
            {preview.ocs.length === 0 ? null : (
              <div className="st-preview-list">
                <table className="lt-table" data-testid="release-preview-ocs">
                  <thead>
                    <tr><th>{t('preview.col.number')}</th><th>{t('preview.col.customer')}</th><th>{t('preview.col.subject')}</th></tr>
                  </thead>
                  <tbody>
                    {preview.ocs.map((oc) => (
                      <tr key={oc.id}>
                        <td className="mono st-nowrap">{oc.displayNumber}</td>
                        <td className="st-clip" title={oc.customerName}>{oc.customerName}</td>
                        <td className="st-clip" title={oc.subject}>{oc.subject}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {preview.ocs.length === 0 ? null : <p className="muted">{t('preview.mail')}</p>}
            <div className="form-grid">
              <Field label={t('releases.releasedAt')}>
                {(id, _d, labelId) => <DateTimeInput id={id} labelledBy={labelId} value={releasedAt} onChange={setReleasedAt} testId="release-at" />}
              </Field>
              <Field label={t('releases.notes')} optional={t('versions.optional')}>
                {(id) => <TextArea id={id} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="release-notes" />}
              </Field>
            </div>
          </>
        )}
      </div>
    </Modal>
  );
};
