import { memo } from 'react';
import type { SlaBadge } from '../../shared/api/views';
import { useNow, useT } from '../app/services';
import { formatCountdown } from '../lib/format';
import { AT_RISK_MS } from '../features/queue/team-filter';
import { Icon, type IconName } from './icons';

export type SlaTone = 'ok' | 'warn' | 'danger' | 'paused' | 'done' | 'none';

/** What a badge looks like at `now`: breached and at-risk are decided live from the deadline, not the cached state. */
export const slaLook = (sla: SlaBadge | null, now: number): { tone: SlaTone; remaining: number | null } => {
  if (sla === null) return { tone: 'none', remaining: null };
  if (sla.state === 'paused') return { tone: 'paused', remaining: null };
  if (sla.state === 'met' || sla.state === 'stopped') return { tone: 'done', remaining: null };
  if (sla.dueAt === null) return { tone: 'none', remaining: null };
  const remaining = sla.dueAt - now;
  if (sla.state === 'breached' || remaining <= 0) return { tone: 'danger', remaining };
  return { tone: remaining <= AT_RISK_MS || sla.percent >= 75 ? 'warn' : 'ok', remaining };
};

const ICONS: Record<SlaTone, IconName> = { ok: 'clock', warn: 'triangle', danger: 'octagon', paused: 'pause', done: 'checkCircle', none: 'circle' };

/** What a countdown shows: icon, text and the short clock name. Static, so a table can measure its widest form. */
export const SlaLabel = ({ tone, text, clock, title }: { tone: SlaTone; text: string; clock: string | null; title?: string }) => (
  <span className={`sla sla-${tone}`} title={title} data-sla-tone={tone}>
    <Icon name={ICONS[tone]} size={13} />
    <span className="sla-text">{text}</span>
    {clock === null ? null : <span className="sla-clock">{clock}</span>}
  </span>
);

/**
 * The live countdown of an OC's most urgent SLA clock. Each instance subscribes to the one shared tick; the
 * row around it stays memoised.
 */
export const SlaCountdown = memo(({ sla, open = true }: { sla: SlaBadge | null; open?: boolean }) => {
  const now = useNow();
  const { t } = useT();
  const look = slaLook(sla, now);
  // A solved, closed or cancelled OC has no clock running: a breach stays a breach (rule 5), but nothing counts.
  const { tone, remaining } = open || look.tone !== 'danger' ? look : { tone: look.tone, remaining: null };
  const clockName = sla === null ? '' : t(`sla.clock.${sla.clock}`);
  const text =
    tone === 'paused'
      ? t('sla.paused')
      : tone === 'done'
        ? t(sla?.state === 'met' ? 'sla.met' : 'sla.stopped')
        : remaining === null
          ? tone === 'danger' ? t('sla.state.breached') : '—'
          : formatCountdown(remaining);
  const title = tone === 'danger' ? t('sla.breachedTitle', { clock: clockName }) : sla === null ? t('sla.none') : `${clockName}: ${text}`;
  const clock = sla !== null && tone !== 'done' && tone !== 'none' && remaining !== null ? t(`sla.short.${sla.clock}`) : null;
  return <SlaLabel tone={tone} text={text} clock={clock} title={title} />;
});
