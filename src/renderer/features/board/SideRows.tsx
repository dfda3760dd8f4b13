import type { BoardAnalyst, BoardClock, BoardCompliance, BoardPrediction, BoardSnapshot } from '../../../shared/api/lead-views';
import { PLAN_LABELS, type Plan } from '../../../shared/domain';
import { Icon, type IconName } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import { formatCountdown, formatDuration } from '../../lib/format';
import { boardWhen } from './format';
import { complianceLook, formatPct } from './Kpis';
import type { BoardT } from './messages';
import { TONE_ICON, toneOf } from './NextBreaches';

// The rows of the rotating side panel: one component per kind of item, all sized in design units (board.css).

type Recado = BoardSnapshot['recados']['oldest'][number];

export interface RowContext {
  now: number;
  lang: Lang;
  t: BoardT;
  moduleName: (slug: string) => string;
}

export const BreachedRow = ({ clock, ctx }: { clock: BoardClock; ctx: RowContext }) => (
  <li className="bs-row bs-tall tone-breached" data-oc={clock.ocId}>
    <div className="bs-line1">
      <Icon name="octagon" className="bs-icon" />
      <span className="bs-strong">{clock.displayNumber}</span>
      <span className="bs-tag">{ctx.t(`clock.${clock.clock}`)}</span>
      <span className="bs-right bs-strong">{ctx.t('panel.breached.ago', { d: formatDuration(ctx.now - (clock.breachedAt ?? ctx.now)) })}</span>
    </div>
    <div className="bs-line2">
      {clock.customerName} · {ctx.moduleName(clock.module)} · {clock.assigneeName ?? ctx.t('next.unassigned')}
    </div>
  </li>
);

export const OlaRow = ({ clock, ctx }: { clock: BoardClock; ctx: RowContext }) => {
  const tone = toneOf(clock, ctx.now);
  const text = tone === 'breached'
    ? ctx.t('panel.breached.ago', { d: formatDuration(ctx.now - (clock.breachedAt ?? clock.dueAt ?? ctx.now)) })
    : formatCountdown((clock.dueAt ?? ctx.now) - ctx.now);
  return (
    <li className={`bs-row bs-tall tone-${tone}`} data-oc={clock.ocId}>
      <div className="bs-line1">
        <Icon name={TONE_ICON[tone]} className="bs-icon" />
        <span className="bs-strong">{clock.displayNumber}</span>
        <span className="bs-right bs-strong">{text}</span>
      </div>
      <div className="bs-line2">
        {clock.customerName} · {ctx.moduleName(clock.module)}
      </div>
    </li>
  );
};

const PRESENCE_ICON: Record<BoardAnalyst['presence'], IconName> = { available: 'checkCircle', on_call: 'phone', break: 'pause', offline: 'circle' };

export const AnalystRow = ({ analyst, ctx }: { analyst: BoardAnalyst; ctx: RowContext }) => {
  const ratio = Math.min(1, analyst.load / analyst.capacity);
  const tone = ratio >= 1 ? 'breached' : ratio >= 0.8 ? 'risk' : 'ok';
  return (
    <li className={`bs-row ba-row presence-${analyst.presence}`} data-analyst={analyst.id}>
      <div className="bs-line1">
        <span className="ba-name">{analyst.name}</span>
        <span className="ba-level">{analyst.level.toUpperCase()}</span>
        <span className={`bs-right ba-load tone-${tone}`}>
          <Icon name={tone === 'breached' ? 'octagon' : tone === 'risk' ? 'triangle' : 'user'} className="bs-icon" />
          {analyst.load}/{analyst.capacity}
        </span>
      </div>
      <div className="ba-line2">
        <span className="ba-presence">
          <Icon name={PRESENCE_ICON[analyst.presence]} className="bs-icon" />
          {ctx.t(`presence.${analyst.presence}`)}
        </span>
        <span className="ba-bar" aria-hidden="true">
          <span className={`ba-fill tone-${tone}`} style={{ width: `${Math.round(ratio * 100)}%` }} />
        </span>
      </div>
    </li>
  );
};

export const RecadoRow = ({ recado, ctx }: { recado: Recado; ctx: RowContext }) => (
  <li className="bs-row bs-tall" data-recado={recado.id}>
    <div className="bs-line1">
      <Icon name="phone" className="bs-icon" />
      <span className="bs-strong">{ctx.t('panel.recados.for', { name: recado.forAnalystName })}</span>
      <span className="bs-right">{ctx.t('panel.breached.ago', { d: formatDuration(ctx.now - recado.createdAt) })}</span>
    </div>
    <div className="bs-line2">
      {recado.customerName} · {recado.callerName}
    </div>
  </li>
);

export const PredictionRow = ({ prediction, ctx }: { prediction: BoardPrediction; ctx: RowContext }) => (
  <li className="bs-row bs-predicted tone-risk" data-oc={prediction.ocId}>
    <div className="bs-line1">
      <Icon name="zap" className="bs-icon" />
      <span className="bs-strong">{prediction.displayNumber}</span>
      <span className="bs-right bs-strong">{ctx.t('next.due', { time: boardWhen(prediction.dueAt, ctx.now, ctx.lang).text })}</span>
    </div>
    <div className="bs-line2">
      {ctx.t(`clock.${prediction.clock}`)} · {ctx.moduleName(prediction.module)} ·{' '}
      {prediction.forecastAt === null ? ctx.t('panel.predicted.none') : ctx.t('panel.predicted.forecast', { time: boardWhen(prediction.forecastAt, ctx.now, ctx.lang).text })}
    </div>
    <div className="bs-reason">{prediction.reason[ctx.lang]}</div>
  </li>
);

const PctCell = ({ pct, t }: { pct: number | null; t: BoardT }) => {
  const look = complianceLook(pct);
  return (
    <span className={`bc-pct kpi-${look.tone}`}>
      <Icon name={look.icon} className="bs-icon" />
      <span className="bc-value">{formatPct(pct, t)}</span>
      <span className="bc-bar" aria-hidden="true">
        <span className="bc-fill" style={{ width: `${pct === null ? 0 : Math.round(pct)}%` }} />
      </span>
    </span>
  );
};

export const ComplianceHeader = ({ t }: { t: BoardT }) => (
  <li className="bs-row bc-row bc-head" aria-hidden="true">
    <span className="bc-name" />
    <span className="bc-col">{t('panel.today')}</span>
    <span className="bc-col">{t('panel.days30')}</span>
  </li>
);

export const ComplianceRow = ({ item, kind, ctx, large = false }: { item: BoardCompliance; kind: 'plan' | 'module'; ctx: RowContext; large?: boolean }) => (
  <li className={large ? 'bs-row bc-row bc-large' : 'bs-row bc-row'} data-compliance={item.key}>
    <span className="bc-name">{kind === 'plan' ? PLAN_LABELS[item.key as Plan][ctx.lang] : item.label}</span>
    <PctCell pct={item.today.pct} t={ctx.t} />
    <PctCell pct={item.days30.pct} t={ctx.t} />
  </li>
);
