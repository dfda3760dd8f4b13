import { useState } from 'react';
import { useStore } from 'zustand';
import type { PenaltyStatement } from '../../../shared/api/lead-views';
import { formatCnpj, PLAN_LABELS } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { useServices } from '../../app/services';
import { MonthInput } from '../../components/DateFields';
import { Field, FormError } from '../../components/Field';
import { Modal } from '../../components/Modal';
import type { Lang } from '../../i18n/define';
import { formatDateTime, formatMoney, formatMonth, formatNumber, formatPercent } from '../../lib/format';
import { BarList } from './charts';
import { ExportButtons } from './ExportButtons';
import type { ReportT } from './messages';
import { penaltiesTable } from './report-tables';
import type { ReportsStore } from './reports-store';


const StatementDialog = ({ store, statement, t, lang }: { store: ReportsStore; statement: PenaltyStatement; t: ReportT; lang: Lang }) => {
  const exporting = useStore(store, (s) => s.exporting);
  const error = useStore(store, (s) => s.statement.error);
  const [exported, setExported] = useState<string | null>(null);
  const run = async (format: 'csv' | 'pdf'): Promise<void> => setExported(await store.getState().exportStatement(format));
  return (
    <Modal
      title={t('statement.title', { customer: statement.customerName, month: formatMonth(statement.month, lang) })}
      subtitle={`${formatCnpj(statement.cnpj)} · ${PLAN_LABELS[statement.plan][lang]} · ${t('penalties.fee')} ${formatMoney(statement.monthlyFeeCents, lang)}`}
      onClose={() => void store.getState().openStatement(null)}
      width={860}
      testId="penalty-statement"
      footer={
        <>
          {exported === null ? null : <span className="muted" role="status">{t('statement.exported', { file: exported })}</span>}
          <Button icon="arrowDown" onClick={() => void run('csv')} busy={exporting === 'csv'} data-testid="statement-csv">
            {t('exportCsv')}
          </Button>
          <Button variant="primary" icon="arrowDown" onClick={() => void run('pdf')} busy={exporting === 'pdf'} data-testid="statement-pdf">
            {t('exportPdf')}
          </Button>
        </>
      }
    >
      <FormError message={error === null ? null : error.message[lang]} />
      <p className="lt-statement-summary" data-testid="statement-summary">
        {t('statement.summary', {
          breaches: statement.breaches,
          uncapped: formatMoney(statement.uncappedCents, lang),
          cap: formatMoney(statement.capCents, lang),
          due: formatMoney(statement.penaltyCents, lang),
        })}
      </p>
      <div className="lt-table-wrap lt-table-scroll">
        <table className="lt-table">
          <thead>
            <tr>
              <th>{t('statement.oc')}</th>
              <th>{t('statement.subject')}</th>
              <th>{t('penalties.plan')}</th>
              <th>{t('statement.breachedAt')}</th>
              <th className="num">{t('statement.pct')}</th>
              <th className="num">{t('statement.penalty')}</th>
              <th className="num">{t('statement.charged')}</th>
            </tr>
          </thead>
          <tbody>
            {statement.lines.map((line) => (
              <tr key={line.ocId}>
                <td className="nowrap">{line.displayNumber}</td>
                <td className="ellipsis lt-subject" title={line.subject}>{line.subject}</td>
                <td>{PLAN_LABELS[line.plan][lang]}</td>
                <td className="nowrap">{formatDateTime(line.breachedAt, lang)}</td>
                <td className="num">{formatPercent(line.pct, lang, line.pct % 1 === 0 ? 0 : 1)}</td>
                <td className="num">{formatMoney(line.penaltyCents, lang)}</td>
                <td className="num">{formatMoney(line.chargedCents, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Modal>
  );
};

export const PenaltiesPanel = ({ store, t, lang }: { store: ReportsStore; t: ReportT; lang: Lang }) => {
  const month = useStore(store, (s) => s.month);
  const { data, loading, error } = useStore(store, (s) => s.penalties);
  const statement = useStore(store, (s) => s.statement);
  const actions = store.getState();
  const latestYear = new Date(useServices().clock.read()).getUTCFullYear();
  const max = Math.max(1, ...(data?.rows.map((r) => r.penaltyCents) ?? [0]));
  return (
    <div className="lt-panel" data-testid="report-penalties">
      <div className="lt-controls">
        <Field label={t('penalties.month')}>
          {(id, _d, labelId) => <MonthInput id={id} labelledBy={labelId} value={month} onChange={(m) => actions.setMonth(m)} testId="penalty-month" latestYear={latestYear} />}
        </Field>
        <Button variant="primary" icon="refresh" onClick={() => void actions.runPenalties()} busy={loading} data-testid="report-run">
          {t('run')}
        </Button>
      </div>
      <FormError message={error === null ? null : error.message[lang]} />
      {data === null ? null : data.rows.length === 0 ? (
        <EmptyState icon="checkCircle" title={t('penalties.empty')} />
      ) : (
        <>
          <section className="card lt-chart-card">
            <h3 className="lt-h3">{t('penalties.chartTitle')}</h3>
            <BarList
              testId="penalty-chart"
              max={max}
              rows={data.rows.slice(0, 10).map((r) => ({ key: r.customerId, label: r.customerName, value: r.penaltyCents, display: formatMoney(r.penaltyCents, lang), tone: r.capped ? 'danger' : 'warn' }))}
            />
          </section>
          <div className="lt-table-bar">
            <strong data-testid="penalty-totals">
              {t('penalties.total', { customers: data.totals.customers, breaches: data.totals.breaches, total: formatMoney(data.totals.penaltyCents, lang) })}
            </strong>
            <ExportButtons store={store} tab="penalties" t={t} lang={lang} table={() => penaltiesTable(data, t, lang)} />
          </div>
          <div className="lt-table-wrap">
            <table className="lt-table" data-testid="penalty-table" data-month={data.month}>
              <thead>
                <tr>
                  <th>{t('penalties.customer')}</th>
                  <th>{t('penalties.plan')}</th>
                  <th className="num">{t('penalties.fee')}</th>
                  <th className="num">{t('penalties.breaches')}</th>
                  <th className="num">{t('penalties.uncapped')}</th>
                  <th className="num">{t('penalties.cap')}</th>
                  <th className="num">{t('penalties.penalty')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.customerId} data-customer={row.customerId}>
                    <td>{row.customerName}</td>
                    <td>{PLAN_LABELS[row.plan][lang]}</td>
                    <td className="num">{formatMoney(row.monthlyFeeCents, lang)}</td>
                    <td className="num">{formatNumber(row.breaches, lang)}</td>
                    <td className="num">{formatMoney(row.uncappedCents, lang)}</td>
                    <td className="num">{formatMoney(row.capCents, lang)}</td>
                    <td className="num">
                      <strong>{formatMoney(row.penaltyCents, lang)}</strong>
                      {row.capped ? <span className="tag tag-danger lt-capped">{t('penalties.capped')}</span> : null}
                    </td>
                    <td>
                      <Button size="s" icon="note" onClick={() => void actions.openStatement(row.customerId)} data-testid="open-statement">
                        {t('penalties.open')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {statement.data === null ? null : <StatementDialog store={store} statement={statement.data} t={t} lang={lang} />}
    </div>
  );
};
