import type { OcDetail } from '../../../../shared/api/views';
import { useServices, useT } from '../../../app/services';
import { DateTimeInput } from '../../../components/DateFields';
import { Field, FormError, TextArea, TextInput } from '../../../components/Field';
import { Modal } from '../../../components/Modal';
import { fromLocalInput, toLocalInput } from '../../../lib/format';
import { CallDirectionField, type CallDirection } from '../CallDirectionField';
import { AttachField } from '../../attachments/AttachField';
import { useDraftFiles } from '../../attachments/use-attachments';
import { useDraft } from '../use-draft';
import { confirmOnCtrlEnter, DialogFooter } from './DialogFooter';
import { useOcAction } from './use-oc-action';

type Props = { detail: OcDetail; onClose: () => void };

/** A lead reassigns anyone's OC (SPEC §4, §8); the previous assignee stays in the history. */
interface CallDraft {
  direction: CallDirection;
  contactName: string;
  phone: string;
  start: string;
  end: string;
  notes: string;
}

/** A call logged on the OC counts as a first response (SPEC §3 rule 3) from the call's start. */
export const LogCallDialog = ({ detail, onClose }: Props) => {
  const { t, lang } = useT();
  const { clock } = useServices();
  const contacts = detail.customer.contacts.filter((c) => c.active);
  const now = clock.read();
  const preferred = contacts.find((c) => c.id === detail.oc.contactId) ?? contacts[0];
  const [draft, setDraft, clear] = useDraft<CallDraft>(`oc:${detail.oc.id}:call`, {
    direction: 'outbound',
    contactName: preferred?.name ?? '',
    phone: preferred?.phone ?? '',
    start: toLocalInput(now - 5 * 60_000),
    end: toLocalInput(now),
    notes: '',
  });
  const { run, error, setError, busy } = useOcAction();
  const files = useDraftFiles(detail.oc.id, lang);
  const set = (patch: Partial<CallDraft>): void => setDraft({ ...draft, ...patch });
  const confirm = async (): Promise<void> => {
    const startedAt = fromLocalInput(draft.start);
    const endedAt = fromLocalInput(draft.end);
    if (startedAt === null || endedAt === null || endedAt < startedAt) return setError(t('call.endBeforeStart'));
    if (draft.contactName.trim() === '') return setError(t('call.contactRequired'));
    if (files.reading) return setError(t('att.waitReading'));
    const ok = await run(
      'call.log',
      {
        customerId: detail.oc.customerId,
        ocId: detail.oc.id,
        call: { direction: draft.direction, startedAt, endedAt, contactName: draft.contactName.trim(), phone: draft.phone.trim() === '' ? null : draft.phone.trim() },
        body: draft.notes.trim(),
        attachmentIds: files.ids,
      },
      'action.done.call',
    );
    if (ok) {
      files.clear();
      clear();
      onClose();
    }
  };
  return (
    <Modal title={t('call.title')} subtitle={detail.displayNumber} onClose={onClose} width={600} testId="call-dialog" footer={<DialogFooter onClose={onClose} onConfirm={() => void confirm()} label={t('call.confirm')} busy={busy} ctrlEnter testId="call-confirm" />}>
      <div className="stack" onKeyDown={confirmOnCtrlEnter(() => void confirm())}>
        <FormError message={error} />
        <div className="form-grid">
          <CallDirectionField value={draft.direction} onChange={(direction) => set({ direction })} />
          <Field label={t('call.contact')}>
            {(id) => <TextInput id={id} list="soe-call-contacts" value={draft.contactName} onChange={(e) => set({ contactName: e.target.value })} data-testid="call-contact" />}
          </Field>
          <Field label={t('call.start')}>{(id, _d, labelId) => <DateTimeInput id={id} labelledBy={labelId} value={draft.start} onChange={(start) => set({ start })} testId="call-start" />}</Field>
          <Field label={t('call.end')}>{(id, _d, labelId) => <DateTimeInput id={id} labelledBy={labelId} value={draft.end} onChange={(end) => set({ end })} testId="call-end" />}</Field>
          <Field label={t('call.phone')} optional={t('common.optional')}>{(id) => <TextInput id={id} value={draft.phone} onChange={(e) => set({ phone: e.target.value })} />}</Field>
          <div className="span-2">
            <AttachField files={files}>
              <Field label={t('call.notes')}>{(id) => <TextArea id={id} rows={4} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} data-testid="call-notes" data-autofocus />}</Field>
            </AttachField>
          </div>
        </div>
        <datalist id="soe-call-contacts">
          {contacts.map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
      </div>
    </Modal>
  );
};
