import { useCallback, useEffect, useMemo, useState } from 'react';
import { mondaysFrom, VersionLabel, type PlannedVersion, type PlannedVersionStatus } from '../../../shared/domain';
import { mondayOf } from '../../../shared/mutators/planned-version';
import { useLeaveGuard } from '../../app/LeavePrompt';
import { useServices, useSession } from '../../app/services';
import { Tag } from '../../components/badges';
import { Button } from '../../components/Button';
import { Field, FormError, Select, TextInput } from '../../components/Field';
import type { Lang } from '../../i18n/define';
import { DISPLAY_TIME_ZONE, formatIsoDate } from '../../lib/format';
import type { SettingsT } from './messages';
import { ReleasePreviewDialog } from './ReleasePreviewDialog';

const TONE: Record<PlannedVersionStatus, string> = { proposta: 'warn', planejada: 'info', liberada: 'ok', cancelada: 'neutral' };

/**
 * Versions (SPEC §2, issue 13): the lead plans the weekly versions, confirms the N2's proposals, moves or cancels
 * them, and registers a release after seeing what it will do. One outcome on screen at a time: a refusal never
 * stands beside the previous success.
 */
export const VersionsSection = ({ t, lang }: { t: SettingsT; lang: Lang }) => {
  const { api, clock, session } = useServices();
  const planned = useSession((s) => s.directory.plannedVersions);
  const analystName = useSession((s) => s.analystName);
  const mondays = useMemo(() => mondaysFrom(mondayOf(clock.read(), DISPLAY_TIME_ZONE), 13), [clock]);
  const [number, setNumber] = useState('');
  const [monday, setMonday] = useState(() => mondays[1] ?? '');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [waiting, setWaiting] = useState<Map<string, number>>(new Map());
  const [releasing, setReleasing] = useState<string | null>(null);
  useLeaveGuard('versions.new', number.trim() !== '', 'section');
  const countWaiting = useCallback(async (): Promise<void> => {
    const rows = await api.call('version.waiting', {});
    if (rows.ok) setWaiting(new Map(rows.value.map((r) => [r.version, r.waiting])));
  }, [api]);
  useEffect(() => {
    void countWaiting();
  }, [countWaiting, planned]);
  const totalWaiting = [...waiting.values()].reduce((a, b) => a + b, 0);

  const act = async (key: string, call: () => ReturnType<typeof api.call<'version.plan'>>, done: string): Promise<boolean> => {
    setBusy(key);
    setOutcome(null);
    const result = await call();
    setBusy(null);
    setOutcome(result.ok ? { ok: true, text: done } : { ok: false, text: result.error.message[lang] });
    if (result.ok) await session.getState().refresh();
    return result.ok;
  };
  const plan = async (): Promise<void> => {
    const parsed = VersionLabel.safeParse(number);
    if (!parsed.success) return setOutcome({ ok: false, text: lang === 'pt-BR' ? 'Número de versão inválido: use, por exemplo, 2026.12.07.' : 'Invalid version number: use e.g. 2026.12.07.' });
    const version = parsed.data;
    if (await act('plan', () => api.call('version.plan', { version, plannedFor: monday }), t('versions.planned', { version, date: formatIsoDate(monday, lang) }))) setNumber('');
  };
  const update = (v: PlannedVersion, status: 'planejada' | 'cancelada', plannedFor: string, done: string): void => {
    void act(`${v.id}:${status}`, () => api.call('version.update', { version: v.version, plannedFor, status }), done);
  };

  return (
    <div className="st-columns st-versions">
      <section className="card st-card" data-testid="settings-versions-plan">
        <h3 className="lt-h3">{t('versions.plan')}</h3>
        <p className="st-rule">{t('versions.planRule')}</p>
        <div className="form-grid">
          <Field label={t('versions.number')}>
            {(id) => <TextInput id={id} value={number} placeholder="2026.12.07" onChange={(e) => setNumber(e.target.value)} onKeyDown={(e) => (e.key === 'Enter' ? void plan() : undefined)} data-testid="version-number" />}
          </Field>
          <Field label={t('versions.monday')}>
            {(id) => (
              <Select id={id} value={monday} onChange={(e) => setMonday(e.target.value)} data-testid="version-monday">
                {mondays.map((m) => <option key={m} value={m}>{formatIsoDate(m, lang)}</option>)}
              </Select>
            )}
          </Field>
        </div>
        <div><Button variant="primary" icon="plus" busy={busy === 'plan'} disabled={number.trim() === ''} onClick={() => void plan()} data-testid="version-plan">{t('versions.planButton')}</Button></div>
        {outcome === null ? null : outcome.ok ? <p className="st-done" role="status" data-testid="versions-outcome">{outcome.text}</p> : <FormError message={outcome.text} />}
      </section>
      <section className="card st-card" data-testid="settings-releases">
        <h3 className="lt-h3">{t('versions.list')}</h3>
        <p className="muted" data-testid="releases-waiting">{t('releases.waiting', { count: totalWaiting })}</p>
        {planned.length === 0 ? <p className="muted">{t('versions.empty')}</p> : (
          <table className="lt-table" data-testid="versions-table">
            <thead>
              <tr>
                <th>{t('versions.col.version')}</th><th>{t('versions.col.date')}</th><th>{t('versions.col.status')}</th>
                <th className="num">{t('versions.col.waiting')}</th><th>{t('versions.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {planned.map((v) => (
                <tr key={v.id} data-version={v.version}>
                  <td className="mono st-nowrap"><strong>{v.version}</strong></td>
                  <td className="st-nowrap">
                    {v.status === 'planejada' ? (
                      <Select aria-label={t('versions.dateOf', { version: v.version })} value={v.plannedFor} className="input select st-date-select" data-testid="version-date"
                        onChange={(e) => update(v, 'planejada', e.target.value, t('versions.moved', { version: v.version, date: formatIsoDate(e.target.value, lang) }))}>
                        {[...new Set([v.plannedFor, ...mondays])].sort().map((m) => <option key={m} value={m}>{formatIsoDate(m, lang)}</option>)}
                      </Select>
                    ) : <span className="st-date">{formatIsoDate(v.plannedFor, lang)}</span>}
                  </td>
                  <td>
                    <Tag tone={TONE[v.status]}>{t(`versions.status.${v.status}`)}</Tag>
                    {v.status === 'proposta' ? <div className="faint">{t('versions.proposedBy', { name: analystName(v.createdById) ?? '—' })}</div> : null}
                  </td>
                  <td className="num">{waiting.get(v.version) ?? 0}</td>
                  <td><div className="st-actions">
                    {v.status === 'proposta' ? (
                      <Button size="s" busy={busy === `${v.id}:planejada`} onClick={() => update(v, 'planejada', v.plannedFor, t('versions.accepted', { version: v.version, date: formatIsoDate(v.plannedFor, lang) }))} data-testid="version-accept">{t('versions.accept')}</Button>
                    ) : null}
                    {v.status === 'planejada' ? (
                      <Button size="s" variant="primary" icon="package" onClick={() => { setOutcome(null); setReleasing(v.version); }} data-testid="version-release">{t('versions.release')}</Button>
                    ) : null}
                    {v.status === 'proposta' || v.status === 'planejada' ? (
                      <Button size="s" variant="ghost" busy={busy === `${v.id}:cancelada`} onClick={() => update(v, 'cancelada', v.plannedFor, t('versions.cancelled', { version: v.version }))} data-testid="version-cancel">{t('versions.cancel')}</Button>
                    ) : null}
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {releasing === null ? null : (
        <ReleasePreviewDialog version={releasing} t={t} lang={lang} onClose={() => setReleasing(null)} onDone={(message) => {
          setReleasing(null);
          setOutcome({ ok: true, text: message });
          void session.getState().refresh();
          void countWaiting();
        }} />
      )}
    </div>
  );
};
