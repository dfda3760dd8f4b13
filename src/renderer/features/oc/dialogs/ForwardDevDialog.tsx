import { useState } from 'react';
import type { OcDetail } from '../../../../shared/api/views';
import { useT } from '../../../app/services';
import { Button } from '../../../components/Button';
import { Field, FormError, TextInput } from '../../../components/Field';
import { Modal } from '../../../components/Modal';
import { formatMoney } from '../../../lib/format';
import { useDraft } from '../use-draft';
import { confirmOnCtrlEnter, DialogFooter } from './DialogFooter';
import { EMPTY_SIMULATION, SimulationFields, simulationErrors, toSimulation } from './SimulationFields';
import { useOcAction } from './use-oc-action';

/** "350", "350,00", "1.234,56", "R$ 99.90" → centavos; null when it is not an amount. */
export const parseBrl = (text: string): number | null => {
  const clean = text.replace(/R\$|\s/g, '');
  if (!/^\d[\d.,]*$/.test(clean)) return null;
  const normalised = clean.includes(',') ? clean.replace(/\./g, '').replace(',', '.') : clean;
  const value = Number(normalised);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
};

interface DevDraft {
  reference: string;
  useLast: boolean;
  simulation: typeof EMPTY_SIMULATION;
  amount: string;
  quoteDescription: string;
  approved: 'yes' | 'no';
  decidedBy: string;
}

/**
 * Forward to development (manual FAQ 9, SPEC §2): a confirmed bug goes with the simulation record; a database
 * change first records the quote and the customer's approval, since it may carry a cost.
 */
export const ForwardDevDialog = ({ detail, onClose }: { detail: OcDetail; onClose: () => void }) => {
  const { t, lang } = useT();
  const oc = detail.oc;
  const isDbChange = oc.kind === 'alteracao_banco';
  const [draft, setDraft, clearDraft] = useDraft<DevDraft>(`oc:${oc.id}:dev`, {
    reference: oc.devReference ?? '',
    useLast: oc.lastSimulationId !== null,
    simulation: EMPTY_SIMULATION,
    amount: '',
    quoteDescription: '',
    approved: 'yes',
    decidedBy: '',
  });
  const [tried, setTried] = useState(false);
  const { run, error, setError, busy } = useOcAction();
  const set = (patch: Partial<DevDraft>): void => setDraft({ ...draft, ...patch });
  const simErrors = tried && !draft.useLast ? simulationErrors(draft.simulation, lang) : {};
  const quote = oc.quote;
  const approved = quote?.decision?.approved === true;

  const recordQuote = async (): Promise<void> => {
    const cents = parseBrl(draft.amount);
    if (cents === null) return setError(t('quote.amountError'));
    await run('oc.recordQuote', { ocId: oc.id, amountCents: cents, description: draft.quoteDescription.trim() }, 'quote.recorded', { amount: formatMoney(cents, lang) });
  };
  const recordDecision = async (): Promise<void> => {
    const decision = draft.approved === 'yes' ? t('quote.approved') : t('quote.rejected');
    await run('oc.recordQuoteDecision', { ocId: oc.id, approved: draft.approved === 'yes', decidedBy: draft.decidedBy.trim() }, 'quote.decisionRecorded', { decision, who: draft.decidedBy.trim() });
  };
  const confirm = async (): Promise<void> => {
    setTried(true);
    if (isDbChange && !approved) return setError(t('quote.needApproval'));
    if (!draft.useLast && Object.keys(simulationErrors(draft.simulation, lang)).length > 0) return;
    const args = {
      ocId: oc.id,
      devReference: draft.reference.trim() === '' ? null : draft.reference.trim(),
      simulation: draft.useLast ? null : toSimulation(draft.simulation),
    };
    if (await run('oc.forwardDev', args, 'action.done.dev', { number: detail.displayNumber })) {
      clearDraft();
      onClose();
    }
  };

  return (
    <Modal
      title={t('dev.title', { number: detail.displayNumber })}
      subtitle={isDbChange ? t('dev.subDb') : t('dev.subBug')}
      onClose={onClose}
      width={720}
      testId="dev-dialog"
      footer={<DialogFooter onClose={onClose} onConfirm={() => void confirm()} label={t('dev.confirm')} busy={busy} ctrlEnter testId="dev-confirm" />}
    >
      <div onKeyDown={confirmOnCtrlEnter(() => void confirm())} className="stack">
        <FormError message={error} />
        {isDbChange ? (
          <section className="dialog-section" data-testid="quote-section">
            <h3>{t('quote.title')}</h3>
            {quote === null ? (
              <div className="form-grid">
                <Field label={t('quote.amount')}>{(id) => <TextInput id={id} inputMode="decimal" value={draft.amount} onChange={(e) => set({ amount: e.target.value })} data-testid="quote-amount" />}</Field>
                <Field label={t('quote.description')}>{(id) => <TextInput id={id} value={draft.quoteDescription} onChange={(e) => set({ quoteDescription: e.target.value })} data-testid="quote-description" />}</Field>
                <div className="span-2 row">
                  <Button size="s" icon="money" busy={busy} onClick={() => void recordQuote()} data-testid="quote-record">
                    {t('quote.record')}
                  </Button>
                </div>
              </div>
            ) : (
              <div className="stack">
                <div className="kv">
                  <span>{formatMoney(quote.amountCents, lang)}</span> <span className="muted">{quote.description}</span>
                </div>
                {quote.decision === null ? (
                  <div className="form-grid">
                    <Field label={t('quote.decision')}>
                      {(id) => (
                        <select id={id} className="input select" value={draft.approved} onChange={(e) => set({ approved: e.target.value as 'yes' | 'no' })} data-testid="quote-approved">
                          <option value="yes">{t('quote.approved')}</option>
                          <option value="no">{t('quote.rejected')}</option>
                        </select>
                      )}
                    </Field>
                    <Field label={t('quote.decidedBy')}>{(id) => <TextInput id={id} value={draft.decidedBy} onChange={(e) => set({ decidedBy: e.target.value })} data-testid="quote-decided-by" />}</Field>
                    <div className="span-2 row">
                      <Button size="s" icon="check" busy={busy} onClick={() => void recordDecision()} data-testid="quote-decision-record">
                        {t('quote.recordDecision')}
                      </Button>
                    </div>
                  </div>
                ) : (
                  <div className={`tag ${quote.decision.approved ? 'tag-ok' : 'tag-danger'}`}>
                    {t('quote.decisionRecorded', { decision: quote.decision.approved ? t('quote.approved') : t('quote.rejected'), who: quote.decision.decidedBy })}
                  </div>
                )}
              </div>
            )}
          </section>
        ) : null}
        <Field label={t('dev.reference')} hint={t('dev.referenceHint')} optional={t('common.optional')}>
          {(id, d) => <TextInput id={id} aria-describedby={d} value={draft.reference} maxLength={80} onChange={(e) => set({ reference: e.target.value })} data-testid="dev-reference" />}
        </Field>
        <section className="dialog-section">
          <h3>{t('sim.title')}</h3>
          {oc.lastSimulationId === null ? null : (
            <label className="check">
              <input type="checkbox" checked={draft.useLast} onChange={(e) => set({ useLast: e.target.checked })} data-testid="sim-use-last" />
              {t('sim.useLast')}
            </label>
          )}
          {draft.useLast ? null : <SimulationFields value={draft.simulation} onChange={(simulation) => set({ simulation })} errors={simErrors} />}
        </section>
      </div>
    </Modal>
  );
};

