import { useState } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../components/Button';
import { FormError } from '../../components/Field';
import { Modal } from '../../components/Modal';
import type { Lang } from '../../i18n/define';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { SettingsT } from './messages';
import type { SettingsStore } from './settings-store';

/** SPEC §3 rule 7: moving open OCs to the current configuration is an explicit, confirmed, audited action. */
export const RecomputeSection = ({ store, t, lang }: { store: SettingsStore; t: SettingsT; lang: Lang }) => {
  const overview = useStore(store, (s) => s.overview);
  const dirty = useStore(store, (s) => s.dirty);
  const recomputing = useStore(store, (s) => s.recomputing);
  const error = useStore(store, (s) => s.recomputeError);
  const done = useStore(store, (s) => s.recomputed);
  const [confirming, setConfirming] = useState(false);
  if (overview === null) return null;
  const current = overview.current.version;
  const pending = overview.openOcsByVersion.filter((v) => v.version !== current).reduce((n, v) => n + v.count, 0);
  const since = new Map(overview.versions.map((v) => [v.version, v.effectiveFrom]));
  return (
    <section className="card st-card" data-testid="settings-recompute">
      <h3 className="lt-h3">{t('recompute.title')}</h3>
      <p className="st-rule">{t('recompute.rule')}</p>
      <table className="lt-table st-narrow">
        <thead>
          <tr>
            <th>{t('recompute.version')}</th>
            <th>{t('recompute.since')}</th>
            <th className="num">{t('recompute.open')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.versions.map((v) => {
            const count = overview.openOcsByVersion.find((o) => o.version === v.version)?.count ?? 0;
            return (
              <tr key={v.version} data-version={v.version}>
                <td>
                  v{v.version} {v.version === current ? <span className="tag tag-ok">{t('recompute.current')}</span> : null}
                </td>
                <td>{formatDateTime(since.get(v.version) ?? 0, lang)}</td>
                <td className="num">{formatNumber(count, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormError message={error === null ? null : error.message[lang]} />
      {done === null ? null : <p className="st-done" role="status">{t('recompute.done', { count: done.count, version: String(done.version) })}</p>}
      {dirty ? <p className="muted">{t('recompute.unsaved')}</p> : null}
      {pending === 0 ? (
        <p className="muted" data-testid="recompute-none">{t('recompute.none')}</p>
      ) : (
        <Button variant="primary" icon="refresh" disabled={dirty} busy={recomputing} onClick={() => setConfirming(true)} data-testid="recompute-open">
          {t('recompute.button', { count: pending, version: String(current) })}
        </Button>
      )}
      {confirming ? (
        <Modal
          title={t('recompute.confirmTitle')}
          onClose={() => setConfirming(false)}
          testId="recompute-confirm"
          footer={
            <Button variant="primary" busy={recomputing} onClick={() => void store.getState().recompute().then(() => setConfirming(false))} data-testid="recompute-confirm-button">
              {t('recompute.button', { count: pending, version: String(current) })}
            </Button>
          }
        >
          <p>{t('recompute.confirm', { count: pending, version: String(current) })}</p>
        </Modal>
      ) : null}
    </section>
  );
};
