import { useEffect, useState } from 'react';
import type { AnalystLoad } from '../../../../shared/api/lead-views';
import type { OcDetail } from '../../../../shared/api/views';
import { LEVEL_LABELS, type Analyst } from '../../../../shared/domain';
import { useServices, useSession, useT } from '../../../app/services';
import { lbl } from '../../../components/badges';
import { Field, FormError, Select } from '../../../components/Field';
import { Modal } from '../../../components/Modal';
import { formatNumber } from '../../../lib/format';
import { DialogFooter } from './DialogFooter';
import { useOcAction } from './use-oc-action';

/** With room first; among them, who is there (available, on a call, on a break, offline). */
const PRESENCE_ORDER: Record<Analyst['presence'], number> = { available: 0, on_call: 1, break: 2, offline: 3 };

/**
 * A lead gives the OC to someone (or back to the queue), seeing for each analyst what they hold against their
 * capacity and whether they are there. A full one may still be chosen — a lead's call — but the dialog says so.
 */
export const ReassignDialog = ({ detail, onClose }: { detail: OcDetail; onClose: () => void }) => {
  const { t, lang } = useT();
  const { api } = useServices();
  const analysts = useSession((s) => s.directory.analysts);
  const [to, setTo] = useState<string>(detail.oc.assigneeId ?? '');
  const [loads, setLoads] = useState<ReadonlyMap<string, AnalystLoad> | null>(null);
  const { run, error, busy } = useOcAction();
  useEffect(() => {
    let current = true;
    void api.call('team.load', {}).then((r) => current && r.ok && setLoads(new Map(r.value.map((l) => [l.id, l]))));
    return () => {
      current = false;
    };
  }, [api]);
  const loadOf = (a: Analyst): AnalystLoad => loads?.get(a.id) ?? { id: a.id, load: 0, capacity: a.capacity };
  const full = (a: Analyst): boolean => a.id !== detail.oc.assigneeId && loadOf(a).load >= loadOf(a).capacity;
  // Analysts work at their level; leads and admins can hold any OC.
  const eligible = analysts
    .filter((a) => a.active && (a.role !== 'analyst' || a.level === detail.oc.level))
    .sort((a, b) => Number(full(a)) - Number(full(b)) || PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] || a.name.localeCompare(b.name, lang));
  const chosen = eligible.find((a) => a.id === to);
  const confirm = async (): Promise<void> => {
    if (await run('oc.reassign', { ocId: detail.oc.id, toAnalystId: to === '' ? null : to }, 'action.done.reassign', { number: detail.displayNumber })) onClose();
  };
  const describe = (a: Analyst): string => {
    const { load, capacity } = loadOf(a);
    const where = a.role === 'analyst' ? lbl(LEVEL_LABELS[a.level], lang) : t(`role.${a.role}`);
    const hand = t('reassign.loadOf', { load: formatNumber(load, lang), capacity: formatNumber(capacity, lang) });
    return `${a.name} — ${where} · ${t(`presence.${a.presence}`)} · ${hand}${full(a) ? ` · ${t('reassign.full')}` : ''}`;
  };
  return (
    <Modal title={t('reassign.title', { number: detail.displayNumber })} onClose={onClose} width={560} testId="reassign-dialog" footer={<DialogFooter onClose={onClose} onConfirm={() => void confirm()} label={t('reassign.confirm')} busy={busy} testId="reassign-confirm" />}>
      <FormError message={error} />
      <Field label={t('reassign.to')}>
        {(id) => (
          <Select id={id} value={to} onChange={(e) => setTo(e.target.value)} data-testid="reassign-to">
            <option value="">{t('reassign.nobody')}</option>
            {eligible.map((a) => (
              <option key={a.id} value={a.id} data-load={loadOf(a).load} data-capacity={loadOf(a).capacity}>
                {describe(a)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {chosen !== undefined && full(chosen) ? (
        <p className="notice-line" role="status" data-testid="reassign-over-capacity">
          {t('reassign.overCapacity', { name: chosen.name, load: formatNumber(loadOf(chosen).load + 1, lang), capacity: formatNumber(loadOf(chosen).capacity, lang) })}
        </p>
      ) : null}
    </Modal>
  );
};
