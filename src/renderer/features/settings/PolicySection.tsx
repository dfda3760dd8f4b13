import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { PLAN_LABELS, PLANS } from '../../../shared/domain';
import { Field, Select, TextInput } from '../../components/Field';
import type { Lang } from '../../i18n/define';
import type { SettingsT } from './messages';
import type { SettingsStore } from './settings-store';
import { calendarLabel } from './time-zones';

const numberOr = (text: string, fallback: number): number => {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : fallback;
};

/** Warnings (SPEC §3 rule 8), the N2 pick-up OLA (rule 9), penalties and auto-close. */
export const PolicySection = ({ store, t, lang }: { store: SettingsStore; t: SettingsT; lang: Lang }) => {
  const draft = useStore(store, (s) => s.draft);
  const edit = store.getState().edit;
  const [warnText, setWarnText] = useState('');
  const thresholds = draft?.warnThresholdsPct.join(', ') ?? '';
  useEffect(() => setWarnText(thresholds), [thresholds]);
  if (draft === null) return null;
  return (
    <section className="card st-card" data-testid="settings-policy">
      <div className="st-grid">
        <Field label={t('policy.warn')} hint={t('policy.warnHint')}>
          {(id) => (
            <TextInput id={id} value={warnText} onChange={(e) => setWarnText(e.target.value)}
              onBlur={() => edit((d) => { d.warnThresholdsPct = warnText.split(/[,;\s]+/).filter(Boolean).map((x) => Math.round(numberOr(x, 0))); })}
              data-testid="policy-warn" />
          )}
        </Field>
        <Field label={t('policy.ola')}>
          {(id) => <TextInput id={id} type="number" min={1} value={draft.olaN2PickupMinutes} onChange={(e) => edit((d) => { d.olaN2PickupMinutes = Math.round(numberOr(e.target.value, 30)); })} />}
        </Field>
        <Field label={t('policy.olaCalendar')}>
          {(id) => (
            <Select id={id} value={draft.olaCalendarId} onChange={(e) => edit((d) => { d.olaCalendarId = e.target.value; })}>
              {draft.calendars.map((c) => <option key={c.id} value={c.id}>{calendarLabel(c, lang)}</option>)}
            </Select>
          )}
        </Field>
        {PLANS.map((plan) => (
          <Field key={plan} label={`${t('policy.penalty')} — ${PLAN_LABELS[plan][lang]}`}>
            {(id) => <TextInput id={id} type="number" min={0} max={100} step={0.5} value={draft.penaltyPct[plan]} onChange={(e) => edit((d) => { d.penaltyPct[plan] = numberOr(e.target.value, 0); })} data-testid={`policy-penalty-${plan}`} />}
          </Field>
        ))}
        <Field label={t('policy.cap')}>
          {(id) => <TextInput id={id} type="number" min={0} max={100} value={draft.penaltyCapPct} onChange={(e) => edit((d) => { d.penaltyCapPct = numberOr(e.target.value, 30); })} />}
        </Field>
        <Field label={t('policy.autoClose')}>
          {(id) => <TextInput id={id} type="number" min={1} max={90} value={draft.autoCloseDays} onChange={(e) => edit((d) => { d.autoCloseDays = Math.round(numberOr(e.target.value, 7)); })} />}
        </Field>
      </div>
    </section>
  );
};
