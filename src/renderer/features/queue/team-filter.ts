import { z } from 'zod';
import type { QueueFilter, QueueRow } from '../../../shared/api/views';
import { isOpenStatus } from '../../../shared/domain';
import { ocStage, type OcStage } from '../../../shared/oc/stage';

// A team view (SPEC §4: by module, segment, level, status, plan, breached, at risk) as the analyst composes it.

export const AT_RISK_MS = 2 * 3_600_000;
export const TEAM_LIMIT = 20_000;

export const GROUP_BYS = ['none', 'module', 'segment', 'level', 'status', 'plan'] as const;
export const GroupBy = z.enum(GROUP_BYS);
export type GroupBy = z.infer<typeof GroupBy>;

export const TeamFilter = z.object({
  modules: z.array(z.string()).default([]),
  segments: z.array(z.string()).default([]),
  levels: z.array(z.enum(['n1', 'n2'])).default([]),
  /** Stages (shared/oc/stage.ts): a status, or aguardando_n2 — an escalated OC no N2 has taken yet. */
  statuses: z.array(z.string()).default([]),
  plans: z.array(z.enum(['prata', 'ouro', 'vip'])).default([]),
  criticidades: z.array(z.enum(['critica', 'alta', 'media', 'baixa'])).default([]),
  /** 'any', 'unassigned', or an analyst id. */
  assignee: z.string().default('any'),
  breached: z.boolean().default(false),
  atRisk: z.boolean().default(false),
  openOnly: z.boolean().default(true),
});
export type TeamFilter = z.infer<typeof TeamFilter>;

export const SavedView = z.object({
  id: z.string(),
  name: z.string().trim().min(1).max(60),
  filter: TeamFilter,
  groupBy: GroupBy,
});
export type SavedView = z.infer<typeof SavedView>;

export const emptyFilter = (): TeamFilter => TeamFilter.parse({});

/** The query the core runs for a view. */
export const toQueueFilter = (filter: TeamFilter): QueueFilter => ({
  openOnly: filter.openOnly,
  limit: TEAM_LIMIT,
  ...(filter.modules.length > 0 ? { modules: filter.modules } : {}),
  ...(filter.segments.length > 0 ? { segments: filter.segments } : {}),
  ...(filter.levels.length > 0 ? { levels: filter.levels } : {}),
  ...(filter.statuses.length > 0 ? { stages: filter.statuses as OcStage[] } : {}),
  ...(filter.plans.length > 0 ? { plans: filter.plans } : {}),
  ...(filter.criticidades.length > 0 ? { criticidades: filter.criticidades } : {}),
  ...(filter.assignee === 'any' ? {} : { assigneeId: filter.assignee === 'unassigned' ? null : filter.assignee }),
  ...(filter.breached ? { breached: true } : {}),
  ...(filter.atRisk ? { dueWithinMs: AT_RISK_MS } : {}),
});

const inList = (values: readonly string[], value: string): boolean => values.length === 0 || values.includes(value);

/**
 * The same predicate as the core's query, for patching a loaded view with changed rows instead of reloading
 * 20 000 of them: a changed OC that no longer matches leaves the view, one that now matches enters it.
 */
export const matchesFilter = (row: QueueRow, filter: TeamFilter, now: number): boolean => {
  if (filter.openOnly && !isOpenStatus(row.status)) return false;
  if (!inList(filter.modules, row.module) || !inList(filter.segments, row.segment) || !inList(filter.levels, row.level)) return false;
  if (!inList(filter.statuses, ocStage(row)) || !inList(filter.plans, row.plan) || !inList(filter.criticidades, row.criticidade)) return false;
  if (filter.assignee === 'unassigned' && row.assigneeId !== null) return false;
  if (filter.assignee !== 'any' && filter.assignee !== 'unassigned' && row.assigneeId !== filter.assignee) return false;
  if (filter.breached && (row.sla === null || row.sla.breachedAt === null)) return false;
  if (filter.atRisk && (row.sla === null || row.sla.state !== 'running' || row.sla.dueAt === null || row.sla.dueAt > now + AT_RISK_MS)) return false;
  return true;
};

/** The instant the queue sorts by: the soonest live deadline; OCs without one go last. */
export const urgencyOf = (row: QueueRow): number => {
  const sla = row.sla;
  // Solved, closed and cancelled OCs have no running clock: they come after every open one.
  if (sla === null || sla.dueAt === null || !isOpenStatus(row.status)) return Number.MAX_SAFE_INTEGER;
  return sla.state === 'running' || sla.state === 'breached' ? sla.dueAt : Number.MAX_SAFE_INTEGER;
};

export const compareUrgency = (a: QueueRow, b: QueueRow): number => urgencyOf(a) - urgencyOf(b) || a.createdAt - b.createdAt;

/** Replaces, adds or removes the changed rows in a sorted view. */
export const patchRows = (rows: readonly QueueRow[], changed: readonly QueueRow[], changedIds: readonly string[], filter: TeamFilter, now: number): QueueRow[] => {
  const gone = new Set(changedIds);
  const kept = rows.filter((row) => !gone.has(row.id));
  const entering = changed.filter((row) => matchesFilter(row, filter, now));
  return entering.length === 0 ? kept : [...kept, ...entering].sort(compareUrgency);
};

/** Built-in views of SPEC §4; saved views are the analyst's own. */
export const BUILT_IN_VIEWS: ReadonlyArray<Omit<SavedView, 'name'> & { nameKey: string }> = [
  { id: 'open', nameKey: 'team.view.open', filter: emptyFilter(), groupBy: 'none' },
  { id: 'by-module', nameKey: 'team.view.byModule', filter: emptyFilter(), groupBy: 'module' },
  { id: 'by-segment', nameKey: 'team.view.bySegment', filter: emptyFilter(), groupBy: 'segment' },
  { id: 'by-level', nameKey: 'team.view.byLevel', filter: emptyFilter(), groupBy: 'level' },
  { id: 'by-status', nameKey: 'team.view.byStatus', filter: emptyFilter(), groupBy: 'status' },
  { id: 'by-plan', nameKey: 'team.view.byPlan', filter: emptyFilter(), groupBy: 'plan' },
  { id: 'breached', nameKey: 'team.view.breached', filter: { ...emptyFilter(), breached: true }, groupBy: 'none' },
  { id: 'at-risk', nameKey: 'team.view.atRisk', filter: { ...emptyFilter(), atRisk: true }, groupBy: 'none' },
  { id: 'unassigned', nameKey: 'team.view.unassigned', filter: { ...emptyFilter(), assignee: 'unassigned' }, groupBy: 'none' },
  { id: 'all', nameKey: 'team.view.all', filter: { ...emptyFilter(), openOnly: false }, groupBy: 'none' },
];
