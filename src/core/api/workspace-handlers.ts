import type { CustomerPenalties, N0Article, OcPresence, PresenceActivity } from '../../shared/api/workspace';
import type { QueueRow } from '../../shared/api/views';
import { DomainFailure, type OcKind } from '../../shared/domain';
import { n0ReplyText, N0_ARTICLES, suggestN0 } from '../../shared/kb/n0-articles';
import { monthlyPenalties, type ResolutionBreach } from '../../shared/sla';
import { civilFromDays, localDaysOf } from '../../shared/sla/time-zone';
import { eventsOf } from '../db/events';
import { currentSlaConfig } from '../db/loader';
import { deleteMeta, getMeta, setMeta } from '../db/meta';
import { rowsByIds } from '../db/queue';
import { getRow } from '../db/rows';
import { stmt } from '../db/statements';
import type { CoreDeps } from './deps';
import { customerNotFound } from './errors';
import { presenceBoardOf } from './presence';
import { requireAnalyst } from './query-handlers';

// Handlers of the analyst workspace's additional queries (see src/shared/api/workspace.ts).

export const suggestArticles = (deps: CoreDeps, args: { module: string; kind: OcKind | null }): N0Article[] => {
  requireAnalyst(deps);
  return suggestN0(N0_ARTICLES, args.module, args.kind).map((a) => ({
    id: a.id,
    source: a.source,
    title: a.title,
    url: a.url,
    summary: a.summary,
    replyText: n0ReplyText(a),
  }));
};

const DAY = 86_400_000;

/**
 * Penalties of one customer this month: each resolution breach costs its plan's percentage of the monthly fee,
 * capped (SPEC §3). A breach this month needs the OC open at some point this month, so only open OCs and those
 * changed in the last 32 days are evaluated.
 */
export const customerPenalties = (deps: CoreDeps, args: { customerId: string }): CustomerPenalties => {
  requireAnalyst(deps);
  const customer = getRow(deps.db, 'customer', args.customerId);
  if (customer === undefined) throw new DomainFailure(customerNotFound(args.customerId));
  const config = currentSlaConfig(deps.db);
  const now = deps.clock.now();
  const candidates = stmt(deps.db, 'SELECT id, plan FROM ocorrencia WHERE customer_id = ? AND (is_open = 1 OR updated_at >= ?)')
    .all(customer.id, now - 32 * DAY) as { id: string; plan: ResolutionBreach['plan'] }[];
  const breaches: ResolutionBreach[] = [];
  for (const oc of candidates) {
    const resolution = deps.slaClocks(eventsOf(deps.db, oc.id), now).find((c) => c.clock === 'resolution');
    if (resolution?.breachedAt !== null && resolution?.breachedAt !== undefined) breaches.push({ ocId: oc.id, breachedAt: resolution.breachedAt, plan: oc.plan });
  }
  const policy = config === undefined ? { penaltyPct: { prata: 0, ouro: 0, vip: 0 }, penaltyCapPct: 0 } : config;
  const months = monthlyPenalties({ id: customer.id, monthlyFeeCents: customer.monthlyFeeCents }, breaches, policy, deps.timeZone);
  const today = civilFromDays(localDaysOf(deps.timeZone, now));
  const thisMonth = `${today.year}-${String(today.month).padStart(2, '0')}`;
  const month = months.find((m) => m.month === thisMonth);
  return {
    customerId: customer.id,
    month: thisMonth,
    breaches: month?.breaches ?? 0,
    monthlyFeeCents: customer.monthlyFeeCents,
    penaltyCents: month?.penaltyCents ?? 0,
    capCents: Math.round((customer.monthlyFeeCents * policy.penaltyCapPct) / 100),
    capped: month?.capped ?? false,
    ocIds: month?.details.map((d) => d.ocId) ?? [],
  };
};

// The analyst's workspace state (drafts, saved views, language) lives in the replica, per analyst: it survives
// reloads, crashes and restarts of the window, in Electron and in the browser shell alike. It is never synced.
const prefKey = (analystId: string, key: string): string => `prefs:${analystId}:${key}`;

export const getPrefs = (deps: CoreDeps): Record<string, unknown> => {
  const me = requireAnalyst(deps);
  const prefix = prefKey(me.id, '');
  const rows = stmt(deps.db, 'SELECT key, value FROM meta WHERE key >= ? AND key < ?').all(prefix, `${prefix}\uffff`) as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key.slice(prefix.length), JSON.parse(r.value) as unknown]));
};

export const putPref = (deps: CoreDeps, args: { key: string; value: unknown }): null => {
  const me = requireAnalyst(deps);
  if (args.value === null) deleteMeta(deps.db, prefKey(me.id, args.key));
  else setMeta(deps.db, prefKey(me.id, args.key), JSON.stringify(args.value));
  return null;
};

export const prefOf = (deps: CoreDeps, analystId: string, key: string): unknown => {
  const raw = getMeta(deps.db, prefKey(analystId, key));
  return raw === undefined ? undefined : JSON.parse(raw);
};

/** Fresh rows of some OCs, so a 20 000-row view can patch what changed instead of reloading. */
export const queueRows = (deps: CoreDeps, args: { ids: string[] }): QueueRow[] => {
  requireAnalyst(deps);
  return rowsByIds(deps.db, args.ids);
};

export const setPresence = (deps: CoreDeps, args: { ocId: string | null; activity: PresenceActivity }): null => {
  const me = requireAnalyst(deps);
  const board = presenceBoardOf(deps);
  if (args.ocId === null) board.clearMine();
  else board.setMine(me, args.ocId, args.activity);
  return null;
};

export const presenceOf = (deps: CoreDeps, args: { ocId: string }): OcPresence => {
  const me = requireAnalyst(deps);
  return presenceBoardOf(deps).of(args.ocId, me.id);
};
