import { useState } from 'react';
import type { OcDetail } from '../../../../shared/api/views';
import { useServices, useT } from '../../../app/services';
import { Field, FormError, TextArea } from '../../../components/Field';
import { Modal } from '../../../components/Modal';
import { useDraft } from '../use-draft';
import { confirmOnCtrlEnter, DialogFooter } from './DialogFooter';
import { useOcAction } from './use-oc-action';

/**
 * "Solucionar" in one step: the solution summary (kept in the history) and, optionally, the reply the customer
 * reads — sent first, as a public reply (with its e-mail copy), then the OC is solved. A refused reply solves
 * nothing: its reason is shown and both texts stay.
 */
export const ResolveDialog = ({ detail, onClose }: { detail: OcDetail; onClose: () => void }) => {
  const { t, lang } = useT();
  const { oc } = useServices();
  const [note, setNote, clearNote] = useDraft(`oc:${detail.oc.id}:resolve`, '');
  // The composer's own reply draft: what was being written to the customer is offered here, and sent once.
  const [reply, setReply, clearReply] = useDraft(`oc:${detail.oc.id}:reply`, '');
  const { run, error, setError, busy } = useOcAction();
  const [sending, setSending] = useState(false);
  const confirm = async (): Promise<void> => {
    const body = reply.trim();
    if (body !== '') {
      setSending(true);
      const refused = await oc.getState().run('oc.reply', { ocId: detail.oc.id, body });
      setSending(false);
      if (refused !== null) return setError(refused.message[lang]);
      clearReply();
    }
    if (await run('oc.resolve', { ocId: detail.oc.id, note: note.trim() }, body === '' ? 'action.done.resolve' : 'action.done.resolveReplied', { number: detail.displayNumber })) {
      clearNote();
      onClose();
    }
  };
  return (
    <Modal
      title={t('resolve.title', { number: detail.displayNumber })}
      onClose={onClose}
      width={640}
      testId="resolve-dialog"
      footer={<DialogFooter onClose={onClose} onConfirm={() => void confirm()} label={reply.trim() === '' ? t('resolve.confirm') : t('resolve.confirmReply')} busy={busy || sending} ctrlEnter testId="resolve-dialog-confirm" />}
    >
      <div onKeyDown={confirmOnCtrlEnter(() => void confirm())} className="stack">
        <FormError message={error} />
        <Field label={t('resolve.note')} hint={t('resolve.noteInternal')} optional={t('common.optional')}>
          {(id, d) => <TextArea id={id} aria-describedby={d} rows={4} value={note} onChange={(e) => setNote(e.target.value)} data-testid="resolve-dialog-text" data-autofocus />}
        </Field>
        <Field label={t('resolve.reply')} hint={t('resolve.replyHint')} optional={t('common.optional')}>
          {(id, d) => <TextArea id={id} aria-describedby={d} rows={5} value={reply} onChange={(e) => setReply(e.target.value)} data-testid="resolve-dialog-reply" />}
        </Field>
      </div>
    </Modal>
  );
};
