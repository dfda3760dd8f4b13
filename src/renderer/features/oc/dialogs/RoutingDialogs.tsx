import { useState } from 'react';
import type { OcDetail } from '../../../../shared/api/views';
import { CRITICIDADES, CRITICIDADE_LABELS, type CancelReason, type Criticidade, type HandoffTarget } from '../../../../shared/domain';
import { useServices, useT } from '../../../app/services';
import { lbl } from '../../../components/badges';
import { Field, FormError, Select, TextArea, TextInput } from '../../../components/Field';
import { Modal } from '../../../components/Modal';
import { REPLY_TEMPLATES } from '../templates';
import { useDraft } from '../use-draft';
import { confirmOnCtrlEnter, DialogFooter } from './DialogFooter';
import { useOcAction } from './use-oc-action';

type Props = { detail: OcDetail; onClose: () => void };

/** Training needs go to CS or implantação (manual FAQ 7); the note is the message the customer reads. */
export const HandOffDialog = ({ detail, onClose }: Props) => {
  const { t } = useT();
  const training = REPLY_TEMPLATES.find((tpl) => tpl.id === 'training')?.body ?? '';
  const [draft, setDraft, clear] = useDraft<{ target: HandoffTarget; note: string }>(`oc:${detail.oc.id}:handoff`, { target: 'cs', note: training });
  const { run, error, setError, busy } = useOcAction();
  const confirm = async (): Promise<void> => {
    if (draft.note.trim().length < 3) return setError(t('composer.empty'));
    if (await run('oc.handOff', { ocId: detail.oc.id, target: draft.target, note: draft.note.trim() }, 'action.done.handoff', { number: detail.displayNumber })) {
      clear();
      onClose();
    }
  };
  return (
    <Modal title={t('handoff.title', { number: detail.displayNumber })} subtitle={t('handoff.sub')} onClose={onClose} width={620} testId="handoff-dialog" footer={<DialogFooter onClose={onClose} onConfirm={() => void confirm()} label={t('handoff.confirm')} busy={busy} ctrlEnter testId="handoff-confirm" />}>
      <div className="stack" onKeyDown={confirmOnCtrlEnter(() => void confirm())}>
        <FormError message={error} />
        <Field label={t('handoff.target')}>
          {(id) => (
            <Select id={id} value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.target.value as HandoffTarget })} data-testid="handoff-target">
              <option value="cs">{t('handoff.cs')}</option>
              <option value="implantacao">{t('handoff.implantacao')}</option>
            </Select>
          )}
        </Field>
        <Field label={t('handoff.note')}>{(id) => <TextArea id={id} rows={7} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} data-testid="handoff-note" />}</Field>
      </div>
    </Modal>
  );
};

export const CancelDialog = ({ detail, onClose }: Props) => {
  const { t } = useT();
  const [draft, setDraft, clear] = useDraft<{ reason: CancelReason; duplicateOf: string }>(`oc:${detail.oc.id}:cancel`, { reason: 'invalida', duplicateOf: '' });
  const { run, error, busy } = useOcAction();
  const [lookupError, setLookupError] = useState<string | null>(null);
  const { api } = useServices();
  const confirm = async (): Promise<void> => {
    setLookupError(null);
    let duplicateOfId: string | null = null;
    if (draft.reason === 'duplicada') {
      const found = await api.call('oc.search', { text: draft.duplicateOf.trim() || '-', limit: 5 });
      const match = found.ok ? found.value.find((r) => r.displayNumber.toUpperCase() === draft.duplicateOf.trim().toUpperCase()) : undefined;
      if (match === undefined) return setLookupError(t('cancel.duplicateOf'));
      duplicateOfId = match.id;
    }
    if (await run('oc.cancel', { ocId: detail.oc.id, reason: draft.reason, duplicateOfId }, 'action.done.cancel', { number: detail.displayNumber })) {
      clear();
      onClose();
    }
  };
  return (
    <Modal title={t('cancel.title', { number: detail.displayNumber })} onClose={onClose} width={460} testId="cancel-dialog" footer={<DialogFooter onClose={onClose} onConfirm={() => void confirm()} label={t('cancel.confirm')} busy={busy} danger testId="cancel-confirm" />}>
      <div className="stack">
        <FormError message={error} />
        <Field label={t('cancel.reason')}>
          {(id) => (
            <Select id={id} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value as CancelReason })} data-testid="cancel-reason">
              <option value="invalida">{t('cancel.invalida')}</option>
              <option value="duplicada">{t('cancel.duplicada')}</option>
            </Select>
          )}
        </Field>
        {draft.reason === 'duplicada' ? (
          <Field label={t('cancel.duplicateOf')} error={lookupError} hint="OC-AAAA-NNNNNN">
            {(id, d) => <TextInput id={id} aria-describedby={d} className="input mono" value={draft.duplicateOf} onChange={(e) => setDraft({ ...draft, duplicateOf: e.target.value })} data-testid="cancel-duplicate-of" />}
          </Field>
        ) : null}
      </div>
    </Modal>
  );
};

export const CriticidadeDialog = ({ detail, onClose }: Props) => {
  const { t, lang } = useT();
  const [value, setValue] = useState<Criticidade>(detail.oc.criticidade);
  const { run, error, busy } = useOcAction();
  const confirm = async (): Promise<void> => {
    if (await run('oc.changeCriticidade', { ocId: detail.oc.id, criticidade: value }, 'action.done.criticidade', { number: detail.displayNumber })) onClose();
  };
  return (
    <Modal title={t('crit.title', { number: detail.displayNumber })} subtitle={t('crit.sub')} onClose={onClose} width={460} testId="criticidade-dialog" footer={<DialogFooter onClose={onClose} onConfirm={() => void confirm()} label={t('crit.confirm')} busy={busy} testId="criticidade-confirm" />}>
      <FormError message={error} />
      <div className="radio-cards" role="radiogroup">
        {CRITICIDADES.map((c) => (
          <label key={c} className={`radio-card${value === c ? ' is-on' : ''}`}>
            <input type="radio" name="criticidade" value={c} checked={value === c} onChange={() => setValue(c)} data-testid={`criticidade-${c}`} />
            {lbl(CRITICIDADE_LABELS[c], lang)}
          </label>
        ))}
      </div>
    </Modal>
  );
};
