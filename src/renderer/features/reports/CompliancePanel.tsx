import { useStore } from 'zustand';
import type { ComplianceDimension, ComplianceReport, Tally } from '../../../shared/api/lead-views';
import { PLAN_LABELS, PLANS, type CatalogItem, type Plan } from '../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { FormError } from '../../components/Field';
import { MultiSelect } from '../../components/MultiSelect';
import type { Lang } from '../../i18n/define';
import { formatNumber, formatPercent } from '../../lib/format';
import { BarList, ColumnChart } from './charts';
import { ExportButtons } from './ExportButtons';
import type { ReportT } from './messages';
import { periodLabel } from './period';
import { PeriodControls } from './PeriodControls';
import { complianceTable, dimensionText, reportDays } from './report-tables';
import type { ReportsStore } from './reports-store';

const DIMENSIONS: ComplianceDimension[] = ['period', 'plan', 'module', 'analyst', 'customer'];

export const pctText = (pct: number | null, lang: Lang): string => (pct === null ? '—' : formatPercent(pct, lang));
const toneOf = (pct: number | null): 'ok' | 'warn' | 'danger' | 'info' => (pct === null ? 'info' : pct >= 95 ? 'ok' : pct >= 85 ? 'warn' : 'danger');

const TallyCells = ({ tally, lang }: { tally: Tally; lang: Lang }) => (
  <>
    <td className="num">{formatNumber(tally.met, lang)}</td>
    <td className="num">{formatNumber(tally.breached, lang)}</td>
    <td className={`num lt-pct tone-${toneOf(tally.pct)}`}>{pctText(tally.pct, lang)}</td>
  </>
);

const ComplianceChart = ({ report, lang, t }: { report: ComplianceReport; lang: Lang; t: ReportT }) => {
  if (report.groupBy.length === 1 && report.groupBy[0] === 'period') {
    return (
      <ColumnChart
        testId="compliance-chart"
        categories={report.rows.map((r) => periodLabel(r.period ?? '', report.granularity, lang))}
        series={[
          { name: t('col.firstResponse'), color: 0, values: report.rows.map((r) => r.firstResponse.pct) },
          { name: t('col.resolution'), color: 1, values: report.rows.map((r) => r.resolution.pct) },
        ]}
        max={100}
        format={(v) => formatPercent(v, lang, 0)}
      />
    );
  }
  const rows = report.rows.slice(0, 15).map((r, i) => {
    const label = report.groupBy.map((d) => dimensionText(r, d, report, lang, t)).join(' · ') || t('totals');
    return { key: String(i), label, value: r.resolution.pct ?? 0, display: pctText(r.resolution.pct, lang), tone: toneOf(r.resolution.pct) };
  });
  return <BarList rows={rows} max={100} testId="compliance-chart" />;
};

export const CompliancePanel = ({ store, t, lang, catalog }: { store: ReportsStore; t: ReportT; lang: Lang; catalog: CatalogItem[] }) => {
  const { data, loading, error } = useStore(store, (s) => s.compliance);
  const groupBy = useStore(store, (s) => s.groupBy);
  const plans = useStore(store, (s) => s.plans);
  const modules = useStore(store, (s) => s.modules);
  const actions = store.getState();
  return (
    <div className="lt-panel" data-testid="report-compliance">
      <PeriodControls store={store} t={t} onRun={() => void actions.runCompliance()} busy={loading} />
      <div className="lt-controls">
        <span className="lt-controls-label">{t('groupBy.label')}</span>
        {DIMENSIONS.map((d) => (
          <label key={d} className={`chip${groupBy.includes(d) ? ' is-set' : ''}`}>
            <input type="checkbox" checked={groupBy.includes(d)} onChange={() => actions.toggleDimension(d)} data-testid={`dim-${d}`} />
            {t(`dim.${d}`)}
          </label>
        ))}
        <MultiSelect label={t('filter.plans')} options={PLANS.map((p) => ({ value: p, label: PLAN_LABELS[p][lang] }))} value={plans} onChange={(v) => actions.setFilters({ plans: v as Plan[] })} />
        <MultiSelect label={t('filter.modules')} options={catalog.filter((c) => c.kind === 'module').map((c) => ({ value: c.id, label: c.name }))} value={modules} onChange={(v) => actions.setFilters({ modules: v })} />
      </div>
      <FormError message={error === null ? null : error.message[lang]} />
      {data === null ? null : data.rows.length === 0 ? (
        <EmptyState icon="clock" title={t('compliance.empty')} />
      ) : (
        <>
          <section className="card lt-chart-card">
            <h3 className="lt-h3">{t('compliance.chartTitle')} — {t('col.resolution')}</h3>
            <ComplianceChart report={data} lang={lang} t={t} />
          </section>
          <div className="lt-table-bar">
            <span className="muted">{t('compliance.note')}</span>
            <ExportButtons store={store} tab="compliance" t={t} lang={lang} table={() => complianceTable(data, { plans, modules }, t, lang)} />
          </div>
          <div className="lt-table-wrap">
            <table className="lt-table" data-testid="compliance-table" data-from={reportDays(data).from} data-to={reportDays(data).to}>
              <thead>
                <tr>
                  {data.groupBy.length === 0 ? <th rowSpan={2} /> : data.groupBy.map((d) => <th key={d} rowSpan={2}>{t(`dim.${d}`)}</th>)}
                  <th colSpan={3}>{t('col.firstResponse')}</th>
                  <th colSpan={3}>{t('col.resolution')}</th>
                </tr>
                <tr>
                  {[0, 1].flatMap((i) => [
                    <th key={`m${i}`} className="num">{t('col.met')}</th>,
                    <th key={`b${i}`} className="num">{t('col.breached')}</th>,
                    <th key={`p${i}`} className="num">{t('col.pct')}</th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row, i) => (
                  <tr key={i} data-row={data.groupBy.map((d) => dimensionText(row, d, data, lang, t)).join('|')}>
                    {data.groupBy.length === 0 ? <td>{t('col.total')}</td> : data.groupBy.map((d) => <td key={d}>{dimensionText(row, d, data, lang, t)}</td>)}
                    <TallyCells tally={row.firstResponse} lang={lang} />
                    <TallyCells tally={row.resolution} lang={lang} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-row="total">
                  <th colSpan={Math.max(1, data.groupBy.length)}>{t('totals')}</th>
                  <TallyCells tally={data.totals.firstResponse} lang={lang} />
                  <TallyCells tally={data.totals.resolution} lang={lang} />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </div>
  );
};
