import { useCallback, useEffect, useState } from 'react';
import { normalizeVersion } from '../../../shared/domain';
import { useLeaveGuard } from '../../app/LeavePrompt';
import { useServices, useSession } from '../../app/services';
import { Button } from '../../components/Button';
import { DateTimeInput } from '../../components/DateFields';
import { Field, FormError, TextArea, TextInput } from '../../components/Field';
import type { Lang } from '../../i18n/define';
import { formatDateTime, fromLocalInput, toLocalInput } from '../../lib/format';
import type { SettingsT } from './messages';

/**
 * Weekly releases (manual FAQ 4): registering one moves the OCs waiting for it to solucionada and tells their
 * customers — the 'release.register' mutator does it, here and again on the server.
 */
export const ReleasesSection = ({ t, lang }: { t: SettingsT; lang: Lang }) => {
  const { api, clock, session } = useServices();
  const releases = useSession((s) => s.directory.releases);
  const [version, setVersion] = useState('');
  const [releasedAt, setReleasedAt] = useState(() => toLocalInput(clock.read()));
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<number | null>(null);
  useLeaveGuard('releases.new', version.trim() !== '' || notes.trim() !== '', 'section');
  const countWaiting = useCallback(async (): Promise<void> => {
    const rows = await api.call('queue.list', { statuses: ['aguardando_versao'] });
    if (rows.ok) setWaiting(rows.value.length);
  }, [api]);
  useEffect(() => {
    void countWaiting();
  }, [countWaiting]);
  const register = async (): Promise<void> => {
    const at = fromLocalInput(releasedAt);
    if (at === null) {
      setError(t('releases.invalidDate'));
      return;
    }
    setBusy(true);
    // One outcome on screen at a time: a refusal never stands beside the previous release's success.
    setDone(null);
    setError(null);
    const result = await api.call('release.register', { version: version.trim(), releasedAt: at, notes: notes.trim() });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message[lang]);
      return;
    }
    setDone(t('releases.done', { version: normalizeVersion(version) }));
    setVersion('');
    setNotes('');
    await Promise.all([session.getState().refresh(), countWaiting()]);
  };
  return (
    <div className="st-columns">
      <section className="card st-card" data-testid="settings-releases">
        <h3 className="lt-h3">{t('releases.register')}</h3>
        <p className="st-rule">{t('releases.rule')}</p>
        {waiting === null ? null : <p className="muted" data-testid="releases-waiting">{t('releases.waiting', { count: waiting })}</p>}
        <div className="form-grid">
          <Field label={t('releases.version')} hint={t('releases.versionHint')}>
            {(id, describedBy) => <TextInput id={id} value={version} aria-describedby={describedBy} onChange={(e) => setVersion(e.target.value)} data-testid="release-version" />}
          </Field>
          <Field label={t('releases.releasedAt')}>
            {(id, _d, labelId) => <DateTimeInput id={id} labelledBy={labelId} value={releasedAt} onChange={setReleasedAt} testId="release-at" />}
          </Field>
          <div className="span-2">
            <Field label={t('releases.notes')} optional="">
              {(id) => <TextArea id={id} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />}
            </Field>
          </div>
        </div>
        <FormError message={error} />
        {done === null ? null : <p className="st-done" role="status">{done}</p>}
        <Button variant="primary" icon="package" busy={busy} disabled={version.trim() === ''} onClick={() => void register()} data-testid="release-register">
          {t('releases.button')}
        </Button>
      </section>
      <section className="card st-card">
        <h3 className="lt-h3">{t('releases.recent')}</h3>
        {releases.length === 0 ? <p className="muted">{t('releases.empty')}</p> : null}
        <ul className="st-releases">
          {releases.map((r) => (
            <li key={r.id}>
              <strong className="mono">{r.version}</strong> <span className="muted">{formatDateTime(r.releasedAt, lang)}</span>
              {r.notes === '' ? null : <div className="faint">{r.notes}</div>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
};
