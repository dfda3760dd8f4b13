import Holidays from 'date-holidays';
import type { z } from 'zod';
import type { HolidayPreview, HolidayRegions, leadQueries, SlaConfigOverview } from '../../shared/api/lead-views';
import { domainError, DomainFailure, type HolidaySource } from '../../shared/domain';
import { holidayClosures } from '../../shared/sla/holidays';
import { allAnalysts } from '../db/directory';
import { loadByAnalyst, openOcsByConfigVersion, slaConfigVersions } from '../db/reports';
import { boardSnapshot } from './board-snapshot';
import type { CoreDeps } from './deps';
import { reportTableFile } from './report-export-handler';
import { complianceReport, penaltyDetail, penaltyReport, penaltyStatementFile, requireLead, requireSlaConfig, volumeReport } from './report-handlers';

// Handlers of the team lead's queries (src/shared/api/lead-views.ts): the board, the reports and what the
// settings screens read. Configuration *changes* are mutations ('sla.updateConfig', 'catalog.upsert',
// 'analyst.upsert', 'release.register', 'sla.recompute'), handled like every other mutation.

type LeadQueries = typeof leadQueries;
export type LeadQueryHandlers = {
  [M in keyof LeadQueries]: (deps: CoreDeps, args: z.output<LeadQueries[M]['args']>) => Promise<z.output<LeadQueries[M]['result']>> | z.output<LeadQueries[M]['result']>;
};

const slaOverview = (deps: CoreDeps): SlaConfigOverview => {
  requireLead(deps);
  return { current: requireSlaConfig(deps), versions: slaConfigVersions(deps.db), openOcsByVersion: openOcsByConfigVersion(deps.db) };
};

/** The holidays a calendar's source closes in a year, so the lead sees what "import from date-holidays" brings. */
const holidayPreview = (deps: CoreDeps, args: { source: HolidaySource; year: number }): HolidayPreview => {
  requireLead(deps);
  try {
    return holidayClosures(args.source, args.year).map((h) => ({ date: h.date, name: h.name, startMinute: h.startMinute, endMinute: h.endMinute, reason: h.reason }));
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new DomainFailure(domainError('INVALID_ARGS', { 'pt-BR': `Feriados: ${text}`, en: `Holidays: ${text}` }));
  }
};

/** Brazilian states, and a state's cities with their own holidays, as date-holidays knows them. */
const holidayRegions = (deps: CoreDeps, args: { state: string | null }): HolidayRegions => {
  requireLead(deps);
  const holidays = new Holidays();
  const list = (record: Record<string, string> | undefined) =>
    Object.entries(record ?? {}).map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
  return { states: list(holidays.getStates('BR')), cities: args.state === null ? [] : list(holidays.getRegions('BR', args.state)) };
};

export const leadQueryHandlers: LeadQueryHandlers = {
  'board.snapshot': boardSnapshot,
  'team.load': (deps) => {
    requireLead(deps);
    const load = loadByAnalyst(deps.db);
    return allAnalysts(deps.db).filter((a) => a.active).map((a) => ({ id: a.id, load: load.get(a.id) ?? 0, capacity: a.capacity }));
  },
  'reports.compliance': complianceReport,
  'reports.penalties': penaltyReport,
  'reports.penaltyDetail': penaltyDetail,
  'reports.penaltyStatement': penaltyStatementFile,
  'reports.volume': volumeReport,
  'reports.exportTable': reportTableFile,
  'config.sla': slaOverview,
  'config.holidayPreview': holidayPreview,
  'config.holidayRegions': holidayRegions,
};
