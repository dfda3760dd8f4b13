import type { CSSProperties } from 'react';
import { AT_RISK_PCT, type BoardSnapshot, type Tally } from '../../../shared/api/lead-views';
import { Icon, type IconName } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import { formatCount, formatPercent } from './format';
import type { LiveBoard } from './live';
import type { BoardT } from './messages';

type KpiTone = 'danger' | 'warn' | 'ok' | 'info' | 'neutral';

/** Compliance by shape as well as colour: ≥ 95 % check, ≥ 85 % triangle, below that octagon. */
export const complianceLook = (pct: number | null): { tone: KpiTone; icon: IconName } => {
  if (pct === null) return { tone: 'neutral', icon: 'circle' };
  if (pct >= 95) return { tone: 'ok', icon: 'checkCircle' };
  if (pct >= 85) return { tone: 'warn', icon: 'triangle' };
  return { tone: 'danger', icon: 'octagon' };
};

export const formatPct = (pct: number | null, t: BoardT, lang: Lang): string => (pct === null ? t('panel.noData') : formatPercent(pct, lang));

const sumTallies = (tallies: readonly Tally[]): { met: number; breached: number; pct: number | null } => {
  const met = tallies.reduce((n, x) => n + x.met, 0);
  const breached = tallies.reduce((n, x) => n + x.breached, 0);
  return { met, breached, pct: met + breached === 0 ? null : (100 * met) / (met + breached) };
};

// The number's font follows from its length (--chars, board.css): "7" and "1.234" both fit the tile.
const Kpi = ({ id, tone, icon, value, label, sub }: { id: string; tone: KpiTone; icon: IconName; value: string; label: string; sub?: string }) => (
  <div className={`board-kpi kpi-${tone}`} data-kpi={id}>
    <Icon name={icon} className="board-kpi-icon" />
    <div className="board-kpi-value" style={{ '--chars': Math.max(3, value.length) } as CSSProperties}>{value}</div>
    <div className="board-kpi-label">{label}</div>
    {sub === undefined ? null : <div className="board-kpi-sub">{sub}</div>}
  </div>
);

/** The numbers always on screen, whatever page the side panel shows. */
export const Kpis = ({ snapshot, live, t, lang }: { snapshot: BoardSnapshot; live: LiveBoard; t: BoardT; lang: Lang }) => {
  const today = sumTallies(snapshot.compliance.byPlan.map((p) => p.today));
  const days30 = sumTallies(snapshot.compliance.byPlan.map((p) => p.days30));
  const look = complianceLook(today.pct);
  const olaBreached = snapshot.olaWaiting.filter((c) => c.breachedAt !== null).length;
  const count = (n: number): string => formatCount(n, lang);
  return (
    <div className="board-kpis">
      <Kpi id="breached" tone={live.breachedCount > 0 ? 'danger' : 'ok'} icon={live.breachedCount > 0 ? 'octagon' : 'checkCircle'} value={count(live.breachedCount)} label={t('kpi.breached')} />
      <Kpi id="at-risk" tone={live.atRiskCount > 0 ? 'warn' : 'ok'} icon={live.atRiskCount > 0 ? 'triangle' : 'checkCircle'} value={count(live.atRiskCount)} label={t('kpi.atRisk', { pct: AT_RISK_PCT })} />
      <Kpi id="ola" tone={olaBreached > 0 ? 'danger' : snapshot.olaWaiting.length > 0 ? 'warn' : 'ok'} icon="escalate" value={count(snapshot.olaWaiting.length)} label={t('kpi.ola')} />
      <Kpi id="recados" tone={snapshot.recados.count > 0 ? 'info' : 'ok'} icon="phone" value={count(snapshot.recados.count)} label={t('kpi.recados')} />
      <Kpi id="predicted" tone={snapshot.predicted.length > 0 ? 'warn' : 'ok'} icon="zap" value={count(snapshot.predicted.length)} label={t('kpi.predicted')} />
      <Kpi id="compliance" tone={look.tone} icon={look.icon} value={formatPct(today.pct, t, lang)} label={t('kpi.compliance')} sub={t('kpi.compliance30', { pct: formatPct(days30.pct, t, lang) })} />
    </div>
  );
};
