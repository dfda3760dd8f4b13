import type { ComplianceDimension, ComplianceReport, ComplianceRow, PenaltyReport, Tally, VolumeReport } from '../../../shared/api/lead-views';
import type { ReportTableInput } from '../../../shared/api/report-export';
import { CHANNELS, PLAN_LABELS } from '../../../shared/domain';
import type { Lang } from '../../i18n/define';
import { formatMoney, formatMonth, formatNumber, formatPercent } from '../../lib/format';
import type { ReportT } from './messages';
import { periodLabel } from './period';

// Each reports tab's table as the export writes it (CSV and PDF): the same headers, cells and totals the screen
// shows, in the UI language, with what the table covers under the title.

export interface TableExport {
  table: ReportTableInput;
  /** Without the extension. */
  fileName: string;
}

const pctText = (pct: number | null, lang: Lang): string => (pct === null ? '—' : formatPercent(pct, lang));

/** "01/11/2026 a 30/11/2026": the report's own period, its last instant included, in the team's time zone. */
const periodText = (from: number, to: number, timeZone: string, lang: Lang, t: ReportT): string => {
  const date = new Intl.DateTimeFormat(lang, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
  return t('export.period', { from: date.format(from), to: date.format(to - 1) });
};

const isoDay = (instant: number, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(instant);

/** The first and last local day a report covers ("2026-11-01", "2026-11-30"): what its table says it shows. */
export const reportDays = (report: { from: number; to: number; timeZone: string }): { from: string; to: string } =>
  ({ from: isoDay(report.from, report.timeZone), to: isoDay(report.to - 1, report.timeZone) });

export const dimensionText = (row: ComplianceRow, dimension: ComplianceDimension, report: ComplianceReport, lang: Lang, t: ReportT): string => {
  switch (dimension) {
    case 'period':
      return periodLabel(row.period ?? '', report.granularity, lang);
    case 'plan':
      return row.plan === undefined ? '' : PLAN_LABELS[row.plan][lang];
    case 'module':
      return row.moduleName ?? row.module ?? '';
    case 'analyst':
      return row.analystName === '' || row.analystName === undefined ? t('unassigned') : row.analystName;
    case 'customer':
      return row.customerName ?? '';
  }
};

const tallyCells = (tally: Tally, lang: Lang): string[] => [formatNumber(tally.met, lang), formatNumber(tally.breached, lang), pctText(tally.pct, lang)];

export const complianceTable = (report: ComplianceReport, filters: { plans: string[]; modules: string[] }, t: ReportT, lang: Lang): TableExport => {
  const dims = report.groupBy;
  const tallyColumns = [t('col.firstResponse'), t('col.resolution')].flatMap((clock) =>
    [t('col.met'), t('col.breached'), t('col.pct')].map((what) => ({ header: `${clock} — ${what}`, align: 'right' as const })));
  const about = [periodText(report.from, report.to, report.timeZone, lang, t)];
  if (dims.length > 0) about.push(t('export.groupBy', { dims: new Intl.ListFormat(lang).format(dims.map((d) => t(`dim.${d}`))) }));
  if (filters.plans.length > 0 || filters.modules.length > 0) {
    const names = [...filters.plans.map((p) => PLAN_LABELS[p as keyof typeof PLAN_LABELS]?.[lang] ?? p), ...filters.modules];
    about.push(t('export.filters', { filters: new Intl.ListFormat(lang).format(names) }));
  }
  return {
    fileName: `${t('export.complianceFile')}-${reportDays(report).from}-${reportDays(report).to}`,
    table: {
      title: t('tab.compliance'),
      about,
      columns: [...(dims.length === 0 ? [{ header: '' }] : dims.map((d) => ({ header: t(`dim.${d}`), grow: d !== 'period' && d !== 'plan' }))), ...tallyColumns],
      rows: report.rows.map((row) => [
        ...(dims.length === 0 ? [t('col.total')] : dims.map((d) => dimensionText(row, d, report, lang, t))),
        ...tallyCells(row.firstResponse, lang),
        ...tallyCells(row.resolution, lang),
      ]),
      total: [t('totals'), ...Array.from({ length: Math.max(0, dims.length - 1) }, () => ''), ...tallyCells(report.totals.firstResponse, lang), ...tallyCells(report.totals.resolution, lang)],
      notes: [t('compliance.note')],
    },
  };
};

export const penaltiesTable = (report: PenaltyReport, t: ReportT, lang: Lang): TableExport => ({
  fileName: `${t('export.penaltiesFile')}-${report.month}`,
  table: {
    title: t('tab.penalties'),
    about: [t('export.month', { month: formatMonth(report.month, lang) }), t('penalties.total', { customers: report.totals.customers, breaches: report.totals.breaches, total: formatMoney(report.totals.penaltyCents, lang) })],
    columns: [
      { header: t('penalties.customer'), grow: true },
      { header: t('penalties.plan') },
      ...(['penalties.fee', 'penalties.breaches', 'penalties.uncapped', 'penalties.cap', 'penalties.penalty'] as const).map((key) => ({ header: t(key), align: 'right' as const })),
    ],
    rows: report.rows.map((row) => [
      row.customerName,
      PLAN_LABELS[row.plan][lang],
      formatMoney(row.monthlyFeeCents, lang),
      formatNumber(row.breaches, lang),
      formatMoney(row.uncappedCents, lang),
      formatMoney(row.capCents, lang),
      row.capped ? `${formatMoney(row.penaltyCents, lang)} (${t('penalties.capped')})` : formatMoney(row.penaltyCents, lang),
    ]),
    total: [t('totals'), '', '', formatNumber(report.totals.breaches, lang), '', '', formatMoney(report.totals.penaltyCents, lang)],
  },
});

export const volumeTable = (report: VolumeReport, t: ReportT, lang: Lang): TableExport => ({
  fileName: `${t('export.volumeFile')}-${reportDays(report).from}-${reportDays(report).to}`,
  table: {
    title: t('tab.volume'),
    about: [periodText(report.from, report.to, report.timeZone, lang, t), t('export.granularity', { granularity: t(`granularity.${report.granularity}`) })],
    columns: [
      { header: t('volume.period') },
      ...CHANNELS.map((c) => ({ header: t(`channel.${c}`), align: 'right' as const })),
      ...(['volume.solvedAtN1', 'volume.escalated', 'volume.other', 'volume.total'] as const).map((key) => ({ header: t(key), align: 'right' as const })),
    ],
    rows: report.rows.map((row) => [
      periodLabel(row.period, report.granularity, lang),
      ...CHANNELS.map((c) => formatNumber(row.byChannel[c], lang)),
      formatNumber(row.solvedAtN1, lang),
      formatNumber(row.escalated, lang),
      formatNumber(row.other, lang),
      formatNumber(row.total, lang),
    ]),
    total: [
      t('volume.total'),
      ...CHANNELS.map((c) => formatNumber(report.totals.byChannel[c], lang)),
      formatNumber(report.totals.solvedAtN1, lang),
      formatNumber(report.totals.escalated, lang),
      formatNumber(report.totals.other, lang),
      formatNumber(report.totals.total, lang),
    ],
  },
});
