import { useRef } from 'react';
import type { BoardClock } from '../../../shared/api/lead-views';
import { CRITICIDADE_LABELS, PLAN_LABELS } from '../../../shared/domain';
import { Icon, type IconName } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import { formatCountdown, formatTime } from '../../lib/format';
import { ROW_UNITS, PAGE_PERIOD_MS, useRowsThatFit } from './layout';
import { pageAt } from './live';
import type { BoardT } from './messages';
import { PageDots } from './PageDots';

export type Tone = 'ok' | 'risk' | 'breached';

const RISK_MS = 30 * 60_000;
export const TONE_ICON: Record<Tone, IconName> = { ok: 'clock', risk: 'triangle', breached: 'octagon' };

/** State by colour AND shape (SPEC §5 colour-blind-safe): clock = running, triangle = at risk, octagon = breached. */
export const toneOf = (clock: BoardClock, now: number): Tone => {
  if (clock.dueAt === null || clock.breachedAt !== null || clock.dueAt <= now) return 'breached';
  return clock.dueAt - now <= RISK_MS || clock.percent >= 75 ? 'risk' : 'ok';
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
        <div className="bn-due">{t('next.due', { time: formatTime(clock.dueAt ?? now, lang) })}</div>
        <div className={clock.assigneeName === null ? 'bn-who bn-who-none' : 'bn-who'}>{clock.assigneeName ?? t('next.unassigned')}</div>
      </div>
    </li>
  );
};

/** "What breaches next" (SPEC §5): the running customer clocks, soonest first, in big countdowns. */
export const NextBreaches = ({ items, now, lang, t, moduleName }: { items: BoardClock[]; now: number; lang: Lang; t: BoardT; moduleName: (slug: string) => string }) => {
  const listRef = useRef<HTMLOListElement>(null);
  const perPage = useRowsThatFit(listRef, ROW_UNITS.next);
  const page = pageAt(items, perPage, now, PAGE_PERIOD_MS);
  return (
    <section className="board-next" aria-labelledby="board-next-title">
      <header className="board-section-title">
        <h2 id="board-next-title">{t('next.title')}</h2>
        <PageDots page={page.page} pages={page.pages} t={t} />
      </header>
      <ol className="board-next-list" ref={listRef} data-page={page.page}>
        {items.length === 0 ? (
          <li className="board-empty">
            <Icon name="checkCircle" className="board-empty-icon" />
            {t('next.empty')}
          </li>
        ) : (
          page.items.map((clock) => <NextRow key={`${clock.ocId}:${clock.clock}`} clock={clock} now={now} lang={lang} t={t} moduleName={moduleName} />)
        )}
      </ol>
    </section>
  );
};
