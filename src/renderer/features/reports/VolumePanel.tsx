import { useStore } from 'zustand';
import { CHANNELS } from '../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { FormError } from '../../components/Field';
import type { Lang } from '../../i18n/define';
import { formatNumber, formatPercent } from '../../lib/format';
import { ColumnChart } from './charts';
import type { ReportT } from './messages';
import { periodLabel } from './period';
import { ExportButtons } from './ExportButtons';
import { PeriodControls } from './PeriodControls';
import { reportDays, volumeTable } from './report-tables';
import type { ReportsStore } from './reports-store';

/** OCs opened per period, by channel (Extranet vs phone) and by where they were solved (N1 vs escalated). */
export const VolumePanel = ({ store, t, lang }: { store: ReportsStore; t: ReportT; lang: Lang }) => {
  const { data, loading, error } = useStore(store, (s) => s.volume);
  const actions = store.getState();
  const categories = data?.rows.map((r) => periodLabel(r.period, data.granularity, lang)) ?? [];
  const max = Math.max(1, ...(data?.rows.map((r) => r.total) ?? [0]));
  const phoneShare = data === null || data.totals.total === 0 ? null : (100 * data.totals.byChannel.phone) / data.totals.total;
  return (
    <div className="lt-panel" data-testid="report-volume">
      <PeriodControls store={store} t={t} onRun={() => void actions.runVolume()} busy={loading} />
      <FormError message={error === null ? null : error.message[lang]} />
      {data === null ? null : data.totals.total === 0 ? (
        <EmptyState icon="inbox" title={t('volume.empty')} />
      ) : (
        <>
          <div className="lt-chart-grid">
            <section className="card lt-chart-card">
              <h3 className="lt-h3">{t('volume.chartChannel')}</h3>
              <ColumnChart
                testId="volume-channel-chart"
                stacked
                categories={categories}
                series={CHANNELS.map((c, i) => ({ name: t(`channel.${c}`), color: i, values: data.rows.map((r) => r.byChannel[c]) }))}
                max={max}
                format={(v) => formatNumber(Math.round(v), lang)}
              />
            </section>
            <section className="card lt-chart-card">
              <h3 className="lt-h3">{t('volume.chartLevel')}</h3>
              <ColumnChart
                testId="volume-level-chart"
                stacked
                categories={categories}
                series={[
                  { name: t('volume.solvedAtN1'), color: 2, values: data.rows.map((r) => r.solvedAtN1) },
                  { name: t('volume.escalated'), color: 4, values: data.rows.map((r) => r.escalated) },
                  { name: t('volume.other'), color: 6, values: data.rows.map((r) => r.other) },
                ]}
                max={max}
                format={(v) => formatNumber(Math.round(v), lang)}
              />
            </section>
          </div>
          <div className="lt-table-bar">
            <span className="muted">{phoneShare === null ? null : t('volume.callsShare', { pct: formatPercent(phoneShare, lang) })}</span>
            <ExportButtons store={store} tab="volume" t={t} lang={lang} table={() => volumeTable(data, t, lang)} />
          </div>
          <div className="lt-table-wrap">
            <table className="lt-table" data-testid="volume-table" data-from={reportDays(data).from} data-to={reportDays(data).to}>
              <thead>
                <tr>
                  <th>{t('volume.period')}</th>
                  {CHANNELS.map((c) => <th key={c} className="num">{t(`channel.${c}`)}</th>)}
                  <th className="num">{t('volume.solvedAtN1')}</th>
                  <th className="num">{t('volume.escalated')}</th>
                  <th className="num">{t('volume.other')}</th>
                  <th className="num">{t('volume.total')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.period}>
                    <td>{periodLabel(row.period, data.granularity, lang)}</td>
                    {CHANNELS.map((c) => <td key={c} className="num">{formatNumber(row.byChannel[c], lang)}</td>)}
                    <td className="num">{formatNumber(row.solvedAtN1, lang)}</td>
                    <td className="num">{formatNumber(row.escalated, lang)}</td>
                    <td className="num">{formatNumber(row.other, lang)}</td>
                    <td className="num">{formatNumber(row.total, lang)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-row="total">
                  <th>{t('volume.total')}</th>
                  {CHANNELS.map((c) => <td key={c} className="num">{formatNumber(data.totals.byChannel[c], lang)}</td>)}
                  <td className="num">{formatNumber(data.totals.solvedAtN1, lang)}</td>
                  <td className="num">{formatNumber(data.totals.escalated, lang)}</td>
                  <td className="num">{formatNumber(data.totals.other, lang)}</td>
                  <td className="num">{formatNumber(data.totals.total, lang)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </div>
  );
};
