import { useStore } from 'zustand';
import { CRITICIDADE_LABELS, CRITICIDADES, PLAN_LABELS, PLANS } from '../../../shared/domain';
import { Select } from '../../components/Field';
import type { Lang } from '../../i18n/define';
import type { SettingsT } from './messages';
import type { SettingsStore } from './settings-store';
import { calendarLabel } from './time-zones';

/** Minutes as hours + minutes: leads think "4 h", the configuration stores 240. */
export const DurationInput = ({ minutes, onChange, t, label, testId }: { minutes: number; onChange: (minutes: number) => void; t: SettingsT; label: string; testId?: string }) => {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const set = (h: number, m: number): void => onChange(Math.max(1, Math.round(h) * 60 + Math.round(m)));
  return (
    <span className="st-duration" role="group" aria-label={label} data-testid={testId}>
      <input className="input st-num" type="number" min={0} max={9999} value={hours} aria-label={`${label} (${t('duration.h')})`} onChange={(e) => set(Number(e.target.value) || 0, rest)} />
      <span className="muted">{t('duration.h')}</span>
      <input className="input st-num" type="number" min={0} max={59} value={rest} aria-label={`${label} (${t('duration.min')})`} onChange={(e) => set(hours, Number(e.target.value) || 0)} />
      <span className="muted">{t('duration.min')}</span>
    </span>
  );
};

/** SPEC §3 table: response and resolution targets per plan × criticidade, each on a calendar. */
export const TargetsSection = ({ store, t, lang }: { store: SettingsStore; t: SettingsT; lang: Lang }) => {
  const draft = useStore(store, (s) => s.draft);
  if (draft === null) return null;
  const edit = store.getState().edit;
  return (
    <section className="card st-card" data-testid="settings-targets">
      <p className="muted st-hint">{t('targets.hint')}</p>
      <table className="lt-table st-table">
        <thead>
          <tr>
            <th>{t('targets.plan')}</th>
            <th>{t('targets.crit')}</th>
            <th>{t('targets.response')}</th>
            <th>{t('targets.resolution')}</th>
            <th>{t('targets.calendar')}</th>
          </tr>
        </thead>
        <tbody>
          {PLANS.flatMap((plan) =>
            CRITICIDADES.map((crit, i) => {
              const target = draft.targets[plan][crit];
              const label = `${PLAN_LABELS[plan][lang]} / ${CRITICIDADE_LABELS[crit][lang]}`;
              return (
                <tr key={`${plan}:${crit}`} className={i === 0 ? 'st-group-start' : undefined}>
                  <td>{i === 0 ? <strong>{PLAN_LABELS[plan][lang]}</strong> : null}</td>
                  <td>{CRITICIDADE_LABELS[crit][lang]}</td>
                  <td>
                    <DurationInput t={t} label={`${label} — ${t('targets.response')}`} minutes={target.responseMinutes} testId={`target-${plan}-${crit}-response`}
                      onChange={(m) => edit((d) => { d.targets[plan][crit].responseMinutes = m; })} />
                  </td>
                  <td>
                    <DurationInput t={t} label={`${label} — ${t('targets.resolution')}`} minutes={target.resolutionMinutes} testId={`target-${plan}-${crit}-resolution`}
                      onChange={(m) => edit((d) => { d.targets[plan][crit].resolutionMinutes = m; })} />
                  </td>
                  <td>
                    <Select value={target.calendarId} aria-label={`${label} — ${t('targets.calendar')}`} onChange={(e) => edit((d) => { d.targets[plan][crit].calendarId = e.target.value; })}>
                      {draft.calendars.map((c) => (
                        <option key={c.id} value={c.id}>
                          {calendarLabel(c, lang)}
                        </option>
                      ))}
                    </Select>
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </section>
  );
};
