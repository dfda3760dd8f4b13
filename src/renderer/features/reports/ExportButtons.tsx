import { useStore } from 'zustand';
import { Button } from '../../components/Button';
import { FormError } from '../../components/Field';
import type { Lang } from '../../i18n/define';
import type { ReportT } from './messages';
import type { TableExport } from './report-tables';
import type { ReportsStore, ReportsTab } from './reports-store';

/** CSV and PDF of the table a tab shows, with what was written (or why not) beside the buttons. */
export const ExportButtons = ({ store, tab, t, lang, table }: { store: ReportsStore; tab: ReportsTab; t: ReportT; lang: Lang; table: () => TableExport }) => {
  const running = useStore(store, (s) => s.tableExport);
  const exported = useStore(store, (s) => s.tableExported);
  const error = useStore(store, (s) => s.tableExportError);
  const run = (format: 'csv' | 'pdf'): void => void store.getState().exportTable(tab, format, lang, table());
  return (
    <span className="lt-export">
      {exported?.tab === tab ? <span className="muted" role="status" data-testid={`${tab}-exported`}>{t('statement.exported', { file: exported.fileName })}</span> : null}
      <FormError message={error === null ? null : error.message[lang]} />
      <Button icon="arrowDown" size="s" onClick={() => run('csv')} busy={running?.tab === tab && running.format === 'csv'} data-testid={`${tab}-export-csv`}>
        {t('exportCsv')}
      </Button>
      <Button icon="arrowDown" size="s" onClick={() => run('pdf')} busy={running?.tab === tab && running.format === 'pdf'} data-testid={`${tab}-export-pdf`}>
        {t('exportPdf')}
      </Button>
    </span>
  );
};
