import { useState } from 'react';
import type { OcDetail } from '../../../../shared/api/views';
import { useT } from '../../../app/services';
import { FormError } from '../../../components/Field';
import { Modal } from '../../../components/Modal';
import { useDraft } from '../use-draft';
import { confirmOnCtrlEnter, DialogFooter } from './DialogFooter';
import { EMPTY_SIMULATION, SimulationFields, simulationErrors, toSimulation } from './SimulationFields';
import { AttachField } from '../../attachments/AttachField';
import { useDraftFiles } from '../../attachments/use-attachments';
import { useOcAction } from './use-oc-action';

/** N1 → N2 requires a simulation record (manual, "Atuação do Suporte"). */
export const EscalateDialog = ({ detail, onClose }: { detail: OcDetail; onClose: () => void }) => {
  const { t, lang } = useT();
  const [draft, setDraft, clearDraft] = useDraft(`oc:${detail.oc.id}:escalate`, EMPTY_SIMULATION);
  const [tried, setTried] = useState(false);
  const { run, error, setError, busy } = useOcAction();
  const files = useDraftFiles(detail.oc.id, lang);
  const errors = tried ? simulationErrors(draft, lang) : {};
  const confirm = async (): Promise<void> => {
    setTried(true);
    if (Object.keys(simulationErrors(draft, lang)).length > 0) return;
    if (files.reading) return setError(t('att.waitReading'));
    if (await run('oc.escalate', { ocId: detail.oc.id, simulation: toSimulation(draft), attachmentIds: files.ids }, 'action.done.escalate', { number: detail.displayNumber })) {
      files.clear();
      clearDraft();
      onClose();
    }
  };
  return (
    <Modal
      title={t('escalate.title', { number: detail.displayNumber })}
      subtitle={t('escalate.sub')}
      onClose={onClose}
      width={680}
      testId="escalate-dialog"
      footer={<DialogFooter onClose={onClose} onConfirm={() => void confirm()} label={t('escalate.confirm')} busy={busy} ctrlEnter testId="escalate-confirm" />}
    >
      <div onKeyDown={confirmOnCtrlEnter(() => void confirm())} className="stack">
        <FormError message={error} />
        {/* The evidence of the simulation record: prints, the XML, the log. */}
        <AttachField files={files}>
          <SimulationFields value={draft} onChange={setDraft} errors={errors} />
        </AttachField>
      </div>
    </Modal>
  );
};
