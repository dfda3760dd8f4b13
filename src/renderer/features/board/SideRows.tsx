import type { BoardAnalyst, BoardClock, BoardCompliance, BoardPrediction, BoardSnapshot } from '../../../shared/api/lead-views';
import { PLAN_LABELS, type Plan } from '../../../shared/domain';
import { Icon, type IconName } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import { formatCountdown, formatDuration } from '../../lib/format';
import { formatPercent } from './format';
import { complianceLook, formatPct } from './Kpis';
import type { BoardT } from './messages';
import { TONE_ICON, toneOf } from './NextBreaches';

// The rows of the rotating side panel: one component per kind of item, all sized in design units (board-side.css).
// Numbers, ages and loads sit in tracks of their own and stay whole; names give way, with their whole text in a
// title (and whole elsewhere on the board: the "breaching next" info line, the analysts' own rows).

type Recado = BoardSnapshot['recados']['oldest'][number];

export interface RowContext {
  now: number;
  lang: Lang;
  t: BoardT;
  moduleName: (slug: string) => string;
}

/** A line that may have to give way: an ellipsis, and the whole text on hover. */
const Shortened = ({ className, text }: { className: string; text: string }) => (
  <div className={`${className} board-ellipsis`} title={text}>{text}</div>
);

const Line1 = ({ icon, number, right }: { icon: IconName; number: string; right: string }) => (
  <div className="bs-line1">
    <Icon name={icon} className="bs-icon" />
    <span className="bs-number">{number}</span>
    <span className="bs-right bs-strong">{right}</span>
  </div>
);

export const BreachedRow = ({ clock, ctx }: { clock: BoardClock; ctx: RowContext }) => (
  <li className="bs-row bs-tall tone-breached" data-oc={clock.ocId}>
    <Line1 icon="octagon" number={clock.displayNumber} right={ctx.t('panel.breached.ago', { d: formatDuration(ctx.now - (clock.breachedAt ?? ctx.now)) })} />
    <Shortened className="bs-line2" text={[ctx.t(`clock.${clock.clock}`), clock.customerName, ctx.moduleName(clock.module), clock.assigneeName ?? ctx.t('next.unassigned')].join(' · ')} />
  </li>
);

export const OlaRow = ({ clock, ctx }: { clock: BoardClock; ctx: RowContext }) => {
  const tone = toneOf(clock, ctx.now);
  const text = tone === 'breached'
    ? ctx.t('panel.breached.ago', { d: formatDuration(ctx.now - (clock.breachedAt ?? clock.dueAt ?? ctx.now)) })
    : formatCountdown((clock.dueAt ?? ctx.now) - ctx.now);
  return (
    <li className={`bs-row bs-tall tone-${tone}`} data-oc={clock.ocId}>
      <Line1 icon={TONE_ICON[tone]} number={clock.displayNumber} right={text} />
      <Shortened className="bs-line2" text={`${clock.customerName} · ${ctx.moduleName(clock.module)}`} />
    </li>
  );
};

const PRESENCE_ICON: Record<BoardAnalyst['presence'], IconName> = { available: 'checkCircle', on_call: 'phone', break: 'pause', offline: 'circle' };

export const AnalystRow = ({ analyst, ctx }: { analyst: BoardAnalyst; ctx: RowContext }) => {
  const ratio = Math.min(1, analyst.load / analyst.capacity);
  const tone = ratio >= 1 ? 'breached' : ratio >= 0.8 ? 'risk' : 'ok';
  return (
    <li className={`bs-row ba-row presence-${analyst.presence}`} data-analyst={analyst.id}>
      <div className="ba-line1">
        <Shortened className="ba-name" text={analyst.name} />
        <span className="ba-level">{analyst.level.toUpperCase()}</span>
        <span className={`ba-load tone-${tone}`}>
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
      <Shortened className="bs-strong" text={ctx.t('panel.recados.for', { name: recado.forAnalystName })} />
      <span className="bs-right">{ctx.t('panel.breached.ago', { d: formatDuration(ctx.now - recado.createdAt) })}</span>
    </div>
    <Shortened className="bs-line2" text={`${recado.customerName} · ${recado.callerName}`} />
  </li>
);

/** The forecast sentence has up to four lines of its own (it already says the module, forecast and deadline). */
export const PredictionRow = ({ prediction, ctx }: { prediction: BoardPrediction; ctx: RowContext }) => (
  <li className="bs-row bs-predicted tone-risk" data-oc={prediction.ocId}>
    <div className="bs-line1">
      <Icon name="zap" className="bs-icon" />
      <span className="bs-number">{prediction.displayNumber}</span>
      <span className="bs-tag">{ctx.t(`clock.${prediction.clock}`)}</span>
    </div>
    <div className="bs-reason" title={prediction.reason[ctx.lang]}>{prediction.reason[ctx.lang]}</div>
  </li>
);

/** A percentage in a track sized from the widest one ("99,9%"), so the columns line up from row to row. */
const PctCell = ({ pct, ctx }: { pct: number | null; ctx: RowContext }) => {
  const look = complianceLook(pct);
  return (
    <span className={`bc-pct kpi-${look.tone}`}>
      <Icon name={look.icon} className="bs-icon" />
      <span className="bc-value-box">
        <span className="bc-value">{formatPct(pct, ctx.t, ctx.lang)}</span>
        <span className="bc-value bc-sizer" aria-hidden="true">{formatPercent(99.9, ctx.lang)}</span>
      </span>
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

export const ComplianceRow = ({ item, kind, ctx, large = false }: { item: BoardCompliance; kind: 'plan' | 'module'; ctx: RowContext; large?: boolean }) => {
  const name = kind === 'plan' ? PLAN_LABELS[item.key as Plan][ctx.lang] : item.label;
  return (
    <li className={large ? 'bs-row bc-row bc-large' : 'bs-row bc-row'} data-compliance={item.key}>
      {large ? <span className="bc-name" title={name}>{name}</span> : <Shortened className="bc-name" text={name} />}
      <PctCell pct={item.today.pct} ctx={ctx} />
      <PctCell pct={item.days30.pct} ctx={ctx} />
    </li>
  );
};
