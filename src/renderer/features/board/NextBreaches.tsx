import { useRef } from 'react';
import type { BoardClock } from '../../../shared/api/lead-views';
import { CRITICIDADE_LABELS, PLAN_LABELS } from '../../../shared/domain';
import { Icon, type IconName } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import { formatCountdown } from '../../lib/format';
import { boardWhen, formatCount } from './format';
import { rowsIn, useListMetrics } from './layout';
import { pluralOf, type BoardT } from './messages';

export type Tone = 'ok' | 'risk' | 'breached';

const RISK_MS = 30 * 60_000;
export const TONE_ICON: Record<Tone, IconName> = { ok: 'clock', risk: 'triangle', breached: 'octagon' };

/**
 * The widest values the countdown can take (lib/format formatCountdown): its track is sized from them, so a
 * "10h 01m" at night is as wide as the column was made for. Longer ones (100 days and more) get a smaller font.
 */
export const COUNTDOWN_SIZERS = ['−99d 23h', '23h 59m'] as const;
const SIZER_CHARS = Math.max(...COUNTDOWN_SIZERS.map((s) => s.length));

/** State by colour AND shape (SPEC §5 colour-blind-safe): clock = running, triangle = at risk, octagon = breached. */
export const toneOf = (clock: BoardClock, now: number): Tone => {
  if (clock.dueAt === null || clock.breachedAt !== null || clock.dueAt <= now) return 'breached';
  return clock.dueAt - now <= RISK_MS || clock.percent >= 75 ? 'risk' : 'ok';
};

export interface NextContext {
  now: number;
  lang: Lang;
  t: BoardT;
  moduleName: (slug: string) => string;
  /** Which half of the info line is on screen (0: customer; 1: module, due, assignee), from the shared tick. */
  phase: number;
}

/** The info line: one half at a time, each whole on its line (ellipsis and title only past a full row). */
const InfoLine = ({ clock, ctx }: { clock: BoardClock; ctx: NextContext }) => {
  const { t, lang, now } = ctx;
  if (ctx.phase === 0) {
    return <div className="bn-info board-ellipsis" data-info="customer" title={clock.customerName}>{clock.customerName}</div>;
  }
  const due = t('next.due', { time: boardWhen(clock.dueAt ?? now, now, lang).text });
  const who = clock.assigneeName ?? t('next.unassigned');
  const module = ctx.moduleName(clock.module);
  return (
    <div className="bn-info board-ellipsis" data-info="detail" title={`${module} · ${due} · ${who}`}>
      <span className="bn-info-module">{module}</span> · <span className="bn-info-due">{due}</span> · <span className={clock.assigneeName === null ? 'bn-who-none' : undefined}>{who}</span>
    </div>
  );
};

export const NextRow = ({ clock, ctx }: { clock: BoardClock; ctx: NextContext }) => {
  const { now, lang, t } = ctx;
  const tone = toneOf(clock, now);
  const countdown = tone === 'breached' ? t('next.breachedNow') : formatCountdown((clock.dueAt ?? now) - now);
  return (
    <li className={`bn-row tone-${tone}`} data-oc={clock.ocId} data-due-at={clock.dueAt ?? ''} data-tone={tone}>
      <Icon name={TONE_ICON[tone]} className="bn-icon" />
      <div className="bn-count">
        <span className="bn-countdown" data-long={tone !== 'breached' && countdown.length > SIZER_CHARS ? '' : undefined}>{countdown}</span>
        {COUNTDOWN_SIZERS.map((sizer) => (
          <span key={sizer} className="bn-sizer" aria-hidden="true">{sizer}</span>
        ))}
      </div>
      <div className="bn-id">
        <span className="bn-number">{clock.displayNumber}</span>
        <span className="bn-clock">{t(`clock.${clock.clock}`)}</span>
      </div>
      <div className="bn-tags">
        <span className={`bd-plan bd-plan-${clock.plan}`}>{PLAN_LABELS[clock.plan][lang]}</span>
        <span className={`bd-crit bd-crit-${clock.criticidade}`}>{CRITICIDADE_LABELS[clock.criticidade][lang]}</span>
      </div>
      <InfoLine clock={clock} ctx={ctx} />
    </li>
  );
};

/**
 * "What breaches next" (SPEC §5): the running customer clocks, soonest first, in big countdowns. This list never
 * rotates — the soonest deadline is always on screen; what does not fit is counted in the last row.
 */
export const NextBreaches = ({ items, total, ctx }: { items: BoardClock[]; total: number; ctx: NextContext }) => {
  const { now, lang, t } = ctx;
  const listRef = useRef<HTMLOListElement>(null);
  const metrics = useListMetrics(listRef);
  const overflow = total > rowsIn(metrics.height, metrics.row('next'));
  const shown = overflow ? items.slice(0, rowsIn(metrics.height, metrics.row('next'), metrics.row('more'))) : items;
  const rest = items.slice(shown.length);
  const more = Math.max(rest.length, total - shown.length);
  const moreText = more === 0 || rest[0] === undefined ? null : t(`next.more.${pluralOf(lang, more)}`, { count: formatCount(more, lang), time: boardWhen(rest[0].dueAt ?? now, now, lang).text });
  return (
    <section className="board-next" aria-labelledby="board-next-title">
      <header className="board-section-title">
        <h2 id="board-next-title"><span className="board-ellipsis">{t('next.title')}</span></h2>
        <span className="board-count">{t('next.running', { count: formatCount(total, lang) })}</span>
      </header>
      <ol className="board-next-list" ref={listRef} data-measured={metrics.measuredPx}>
        {items.length === 0 ? (
          <li className="board-empty">
            <Icon name="checkCircle" className="board-empty-icon" />
            {t('next.empty')}
          </li>
        ) : (
          shown.map((clock) => <NextRow key={`${clock.ocId}:${clock.clock}`} clock={clock} ctx={ctx} />)
        )}
        {moreText === null ? null : (
          <li className="bn-more" data-testid="board-next-more">
            <span className="board-ellipsis" title={moreText}>{moreText}</span>
          </li>
        )}
      </ol>
    </section>
  );
};
