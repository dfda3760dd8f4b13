import type { OcDetail } from '../../../shared/api/views';
import { useNow, useT } from '../../app/services';
import { Icon } from '../../components/icons';
import { slaLook } from '../../components/SlaCountdown';
import { formatCountdown, formatDuration, formatWhen } from '../../lib/format';

const THRESHOLDS = [50, 75, 90];

/**
 * Every SLA clock of the OC (first response, resolution, N2 pick-up OLA) with its percentage of the target in
 * business time, the warning marks at 50/75/90 % and a live countdown to the deadline.
 */
export const SlaClocks = ({ detail }: { detail: OcDetail }) => {
  const { t, lang } = useT();
  const now = useNow();
  return (
    <section className="card" aria-label="SLA" data-testid="sla-clocks">
      <div className="card-head">
        <Icon name="clock" size={14} />
        <h3>SLA</h3>
      </div>
      <div className="card-body sla-list">
        {detail.sla.length === 0 ? <div className="faint">{t('sla.none')}</div> : null}
        {detail.sla.map((clock) => {
          const { tone, remaining } = slaLook(clock, now);
          const percent = Math.max(0, Math.min(100, clock.percent));
          return (
            <div key={clock.clock} className={`sla-clock-row sla-${tone}`} data-testid={`sla-${clock.clock}`}>
              <div className="row">
                <span className="sla-clock-name">{t(`sla.clock.${clock.clock}`)}</span>
                {clock.reclassified ? (
                  <span className="tag tag-warn" title={t('sla.reclassifiedHint')}>
                    {t('sla.reclassified')}
                  </span>
                ) : null}
                <span className="spacer" />
                <span className="sla-clock-state">
                  {remaining !== null && clock.state === 'running' ? formatCountdown(remaining) : t(`sla.state.${clock.state}`)}
                </span>
              </div>
              <div className="bar" role="progressbar" aria-valuenow={Math.round(clock.percent)} aria-valuemin={0} aria-valuemax={100} aria-label={t(`sla.clock.${clock.clock}`)}>
                <span className="bar-fill" style={{ width: `${percent}%` }} />
                {THRESHOLDS.map((mark) => (
                  <span key={mark} className="bar-mark" style={{ left: `${mark}%` }} />
                ))}
              </div>
              <div className="row sla-clock-meta">
                <span>{t('sla.elapsed', { elapsed: formatDuration(clock.elapsedMs), target: formatDuration(clock.targetMs) })}</span>
                <span className="spacer" />
                <span>
                  {clock.breachedAt !== null
                    ? t('sla.breachedAt', { when: formatWhen(clock.breachedAt, now, lang) })
                    : clock.dueAt !== null && clock.state !== 'met'
                      ? t('sla.due', { when: formatWhen(clock.dueAt, now, lang) })
                      : `${Math.round(clock.percent)}%`}
                </span>
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
};
