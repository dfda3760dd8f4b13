import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ComplianceDimension, ComplianceReport, PenaltyReport, PenaltyStatement, VolumeReport } from '../../../shared/api/lead-views';
import type { ApiError } from '../../../shared/api/result';
import type { Plan } from '../../../shared/domain';
import type { Granularity } from '../../../shared/reports/periods';
import type { ApiClient } from '../../lib/api/client';
import type { Lang } from '../../i18n/define';
import { clientError } from '../../lib/errors';
import type { TableExport } from './report-tables';
import { monthOfNow, periodRange, presetDates, type PeriodChoice, type PeriodPreset } from './period';

export type ReportsTab = 'compliance' | 'penalties' | 'volume';

interface Loadable<T> {
  data: T | null;
  loading: boolean;
  error: ApiError | null;
}

const idle = <T>(): Loadable<T> => ({ data: null, loading: false, error: null });

export interface ReportsState {
  tab: ReportsTab;
  period: PeriodChoice;
  granularity: Granularity;
  groupBy: ComplianceDimension[];
  plans: Plan[];
  modules: string[];
  month: string;
  compliance: Loadable<ComplianceReport>;
  penalties: Loadable<PenaltyReport>;
  statement: Loadable<PenaltyStatement>;
  volume: Loadable<VolumeReport>;
  exporting: 'csv' | 'pdf' | null;
  /** A tab's table being written as a file, and the last file written (its name) or the error. */
  tableExport: { tab: ReportsTab; format: 'csv' | 'pdf' } | null;
  tableExported: { tab: ReportsTab; fileName: string } | null;
  tableExportError: ApiError | null;
  setTab(tab: ReportsTab): void;
  setPreset(preset: PeriodPreset): void;
  setDates(from: string, to: string): void;
  setGranularity(granularity: Granularity): void;
  toggleDimension(dimension: ComplianceDimension): void;
  setFilters(filters: { plans?: Plan[]; modules?: string[] }): void;
  setMonth(month: string): void;
  runCompliance(): Promise<void>;
  runPenalties(): Promise<void>;
  runVolume(): Promise<void>;
  openStatement(customerId: string | null): Promise<void>;
  exportStatement(format: 'csv' | 'pdf'): Promise<string | null>;
  exportTable(tab: ReportsTab, format: 'csv' | 'pdf', lang: Lang, table: TableExport): Promise<void>;
}

export type ReportsStore = StoreApi<ReportsState>;

const badPeriod = () => clientError('INVALID_PERIOD', 'Período inválido: a data final deve ser igual ou depois da inicial.', 'Invalid period: the end date must be on or after the start.');

/** The lead's reports: what is asked (period, breakdown, month) and the last answers of the core. */
/** What hands an exported file to the person (a download link in the renderer; the store itself touches no DOM). */
export type SaveFile = (file: { fileName: string; mimeType: string; base64: string }) => void;

export const createReportsStore = (api: ApiClient, now: () => number, timeZone: string, saveFile: SaveFile): ReportsStore => {
  // One counter per report: only the answer to the latest request of a report is shown (an answer for December that
  // arrives after the one for November, asked later, is dropped).
  const latest = { compliance: 0, penalties: 0, volume: 0 };
  const store = createStore<ReportsState>((set, get) => ({
    tab: 'compliance',
    period: presetDates('last30', now(), timeZone),
    granularity: 'week',
    groupBy: ['plan'],
    plans: [],
    modules: [],
    month: monthOfNow(now(), timeZone),
    compliance: idle(),
    penalties: idle(),
    statement: idle(),
    volume: idle(),
    exporting: null,
    tableExport: null,
    tableExported: null,
    tableExportError: null,
    setTab: (tab) => {
      set({ tab });
      const state = get();
      if (tab === 'penalties' && state.penalties.data === null) void state.runPenalties();
      if (tab === 'volume' && state.volume.data === null) void state.runVolume();
      if (tab === 'compliance' && state.compliance.data === null) void state.runCompliance();
    },
    // Every choice recomputes what the open tab shows (a period, a breakdown, a filter, a month): the table never
    // shows the answer to an earlier question.
    setPreset: (preset) => {
      set({ period: presetDates(preset, now(), timeZone, get().period) });
      rerunPeriodTab();
    },
    setDates: (from, to) => {
      set({ period: { preset: 'custom', from, to } });
      rerunPeriodTab();
    },
    setGranularity: (granularity) => {
      set({ granularity });
      rerunPeriodTab();
    },
    toggleDimension: (dimension) => {
      const groupBy = get().groupBy;
      set({ groupBy: groupBy.includes(dimension) ? groupBy.filter((d) => d !== dimension) : [...groupBy, dimension] });
      void get().runCompliance();
    },
    setFilters: (filters) => {
      set(filters);
      void get().runCompliance();
    },
    setMonth: (month) => {
      set({ month, statement: idle() });
      void get().runPenalties();
    },
    runCompliance: async () => {
      const { period, granularity, groupBy, plans, modules } = get();
      const range = periodRange(period, timeZone);
      if (range === null) return set({ compliance: { data: null, loading: false, error: badPeriod() } });
      const ticket = (latest.compliance += 1);
      set({ compliance: { ...get().compliance, loading: true, error: null } });
      const result = await api.call('reports.compliance', {
        ...range,
        granularity,
        groupBy,
        ...(plans.length === 0 ? {} : { plans }),
        ...(modules.length === 0 ? {} : { modules }),
      });
      if (ticket !== latest.compliance) return undefined;
      return set({ compliance: result.ok ? { data: result.value, loading: false, error: null } : { data: null, loading: false, error: result.error } });
    },
    runPenalties: async () => {
      const ticket = (latest.penalties += 1);
      set({ penalties: { ...get().penalties, loading: true, error: null } });
      const result = await api.call('reports.penalties', { month: get().month });
      if (ticket !== latest.penalties) return undefined;
      return set({ penalties: result.ok ? { data: result.value, loading: false, error: null } : { data: null, loading: false, error: result.error } });
    },
    runVolume: async () => {
      const { period, granularity } = get();
      const range = periodRange(period, timeZone);
      if (range === null) return set({ volume: { data: null, loading: false, error: badPeriod() } });
      const ticket = (latest.volume += 1);
      set({ volume: { ...get().volume, loading: true, error: null } });
      const result = await api.call('reports.volume', { ...range, granularity });
      if (ticket !== latest.volume) return undefined;
      return set({ volume: result.ok ? { data: result.value, loading: false, error: null } : { data: null, loading: false, error: result.error } });
    },
    openStatement: async (customerId) => {
      if (customerId === null) return set({ statement: idle() });
      set({ statement: { data: null, loading: true, error: null } });
      // The statement of the month the table shows, which is not the month field's until "run" is pressed.
      const month = get().penalties.data?.month ?? get().month;
      const result = await api.call('reports.penaltyDetail', { customerId, month });
      return set({ statement: result.ok ? { data: result.value, loading: false, error: null } : { data: null, loading: false, error: result.error } });
    },
    exportStatement: async (format) => {
      const statement = get().statement.data;
      if (statement === null) return null;
      set({ exporting: format });
      const result = await api.call('reports.penaltyStatement', { customerId: statement.customerId, month: statement.month, format });
      set({ exporting: null });
      if (!result.ok) {
        set({ statement: { ...get().statement, error: result.error } });
        return null;
      }
      saveFile(result.value);
      return result.value.fileName;
    },
    exportTable: async (tab, format, lang, { table, fileName }) => {
      set({ tableExport: { tab, format }, tableExportError: null });
      const result = await api.call('reports.exportTable', { table, format, fileName, lang });
      if (!result.ok) return set({ tableExport: null, tableExported: null, tableExportError: result.error });
      saveFile(result.value);
      return set({ tableExport: null, tableExported: { tab, fileName: result.value.fileName } });
    },
  }));
  /** The period and its granularity belong to compliance and volume: the one on screen runs again. */
  const rerunPeriodTab = (): void => {
    const state = store.getState();
    if (state.tab === 'volume') void state.runVolume();
    else if (state.tab === 'compliance') void state.runCompliance();
  };
  return store;
};
