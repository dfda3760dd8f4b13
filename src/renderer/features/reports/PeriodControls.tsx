import { useStore } from 'zustand';
import { GRANULARITIES } from '../../../shared/reports/periods';
import { Button } from '../../components/Button';
import { DateInput } from '../../components/DateFields';
import { Field, Select } from '../../components/Field';
import type { ReportT } from './messages';
import { PERIOD_PRESETS, type PeriodPreset } from './period';
import type { ReportsStore } from './reports-store';

/** Period and granularity of the compliance and volume reports, and the button that asks the core again. */
export const PeriodControls = ({ store, t, onRun, busy }: { store: ReportsStore; t: ReportT; onRun: () => void; busy: boolean }) => {
  const period = useStore(store, (s) => s.period);
  const granularity = useStore(store, (s) => s.granularity);
  const { setPreset, setDates, setGranularity } = store.getState();
  return (
    <div className="lt-controls">
      <Field label={t('period.label')}>
        {(id) => (
          <Select id={id} value={period.preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)} data-testid="report-period">
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`period.${p}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('period.from')}>
        {(id, _d, labelId) => <DateInput id={id} labelledBy={labelId} value={period.from} onChange={(from) => setDates(from, period.to)} testId="report-from" />}
      </Field>
      <Field label={t('period.to')}>
        {(id, _d, labelId) => <DateInput id={id} labelledBy={labelId} value={period.to} onChange={(to) => setDates(period.from, to)} testId="report-to" />}
      </Field>
      <Field label={t('granularity.label')}>
        {(id) => (
          <Select id={id} value={granularity} onChange={(e) => setGranularity(e.target.value as (typeof GRANULARITIES)[number])} data-testid="report-granularity">
            {GRANULARITIES.map((g) => (
              <option key={g} value={g}>
                {t(`granularity.${g}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button variant="primary" icon="refresh" onClick={onRun} busy={busy} data-testid="report-run">
        {t('run')}
      </Button>
    </div>
  );
};
