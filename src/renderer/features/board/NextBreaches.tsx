import { useRef } from 'react';
import type { BoardClock } from '../../../shared/api/lead-views';
import { CRITICIDADE_LABELS, PLAN_LABELS } from '../../../shared/domain';
import { Icon, type IconName } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import { formatCountdown } from '../../lib/format';
import { boardWhen } from './format';
import { ROW_UNITS, rowsIn, useHeightUnits } from './layout';
import type { BoardT } from './messages';

export type Tone = 'ok' | 'risk' | 'breached';

const RISK_MS = 30 * 60_000;
export const TONE_ICON: Record<Tone, IconName> = { ok: 'clock', risk: 'triangle', breached: 'octagon' };

/** State by colour AND shape (SPEC §5 colour-blind-safe): clock = running, triangle = at risk, octagon = breached. */
export const toneOf = (clock: BoardClock, now: number): Tone => {
  if (clock.dueAt === null || clock.breachedAt !== null || clock.dueAt <= now) return 'breached';
  return clock.dueAt - now <= RISK_MS || clock.percent >= 75 ? 'risk' : 'ok';
};

/** "vence 16:54" today; "sáb 08:10" or "30/11 08:10" later (short enough for the column). */
const DueText = ({ dueAt, now, lang, t }: { dueAt: number; now: number; lang: Lang; t: BoardT }) => {
  const when = boardWhen(dueAt, now, lang);
  return <div className="bn-due">{when.today ? t('next.due', { time: when.text }) : when.text}</div>;
};

export const NextRow = ({ clock, now, lang, t, moduleName }: { clock: BoardClock; now: number; lang: Lang; t: BoardT; moduleName: (slug: string) => string }) => {
  const tone = toneOf(clock, now);
  const remaining = (clock.dueAt ?? now) - now;
  return (
    <li className={`bn-row tone-${tone}`} data-oc={clock.ocId} data-due-at={clock.dueAt ?? ''} data-tone={tone}>
      <div className="bn-count">
        <Icon name={TONE_ICON[tone]} className="bn-icon" />
        <span className="bn-countdown">{tone === 'breached' ? t('next.breachedNow') : formatCountdown(remaining)}</span>
      </div>
      <div className="bn-main">
        <div className="bn-line1">
          <span className="bn-number">{clock.displayNumber}</span>
          <span className={`bd-plan bd-plan-${clock.plan}`}>{PLAN_LABELS[clock.plan][lang]}</span>
          <span className={`bd-crit bd-crit-${clock.criticidade}`}>{CRITICIDADE_LABELS[clock.criticidade][lang]}</span>
        </div>
        <div className="bn-line2">
          <span className="bn-clock">{t(`clock.${clock.clock}`)}</span> · {clock.customerName} · {moduleName(clock.module)}
        </div>
      </div>
      <div className="bn-side">
        <DueText dueAt={clock.dueAt ?? now} now={now} lang={lang} t={t} />
        <div className={clock.assigneeName === null ? 'bn-who bn-who-none' : 'bn-who'}>{clock.assigneeName ?? t('next.unassigned')}</div>
      </div>
    </li>
  );
};

/**
 * "What breaches next" (SPEC §5): the running customer clocks, soonest first, in big countdowns. This list never
 * rotates — the soonest deadline is always on screen; what does not fit is counted in the last row.
 */
export const NextBreaches = ({ items, total, now, lang, t, moduleName }: { items: BoardClock[]; total: number; now: number; lang: Lang; t: BoardT; moduleName: (slug: string) => string }) => {
  const listRef = useRef<HTMLOListElement>(null);
  const height = useHeightUnits(listRef);
  const overflow = total > rowsIn(height, ROW_UNITS.next);
  const shown = overflow ? items.slice(0, rowsIn(height, ROW_UNITS.next, ROW_UNITS.more)) : items;
  const rest = items.slice(shown.length);
  const more = Math.max(rest.length, total - shown.length);
  return (
    <section className="board-next" aria-labelledby="board-next-title">
      <header className="board-section-title">
        <h2 id="board-next-title">{t('next.title')}</h2>
        <span className="board-count">{t('next.running', { count: total })}</span>
      </header>
      <ol className="board-next-list" ref={listRef}>
        {items.length === 0 ? (
          <li className="board-empty">
            <Icon name="checkCircle" className="board-empty-icon" />
            {t('next.empty')}
          </li>
        ) : (
          shown.map((clock) => <NextRow key={`${clock.ocId}:${clock.clock}`} clock={clock} now={now} lang={lang} t={t} moduleName={moduleName} />)
        )}
        {more === 0 || rest[0] === undefined ? null : (
          <li className="bn-more" data-testid="board-next-more">
            {t('next.more', { count: more, time: boardWhen(rest[0].dueAt ?? now, now, lang).text })}
          </li>
        )}
      </ol>
    </section>
  );
};
