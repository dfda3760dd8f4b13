import { useState } from 'react';
import type { ArgsOf, DesktopMutatorName } from '../../../../shared/api/contract';
import type { OcDetail } from '../../../../shared/api/views';
import { useT } from '../../../app/services';
import { Field, FormError, TextArea } from '../../../components/Field';
import { Modal } from '../../../components/Modal';
import type { MessageKey } from '../../../i18n/messages';
import { useDraft } from '../use-draft';
import { confirmOnCtrlEnter, DialogFooter } from './DialogFooter';
import { useOcAction } from './use-oc-action';

/** One text field and one action: resolve (summary), reopen (reason), return to N1 (guidance). */
export const TextReasonDialog = <M extends DesktopMutatorName>({
  detail,
  onClose,
  draftName,
  title,
  subtitle,
  label,
  hint,
  minLength,
  confirmLabel,
  done,
  method,
  args,
  testId,
}: {
  detail: OcDetail;
  onClose: () => void;
  draftName: string;
  title: string;
  subtitle?: string;
  label: string;
  hint?: string;
  minLength: number;
  confirmLabel: string;
  done: MessageKey;
  method: M;
  args: (text: string) => ArgsOf<M>;
  testId: string;
}) => {
  const { t, lang } = useT();
  const [text, setText, clear] = useDraft(`oc:${detail.oc.id}:${draftName}`, '');
  const [tried, setTried] = useState(false);
  const { run, error, busy } = useOcAction();
  const short = text.trim().length < minLength;
  const fieldError = tried && short ? (lang === 'pt-BR' ? `Escreva ao menos ${minLength} caracteres.` : `Write at least ${minLength} characters.`) : null;
  const confirm = async (): Promise<void> => {
    setTried(true);
    if (short) return;
    if (await run(method, args(text.trim()), done, { number: detail.displayNumber })) {
      clear();
      onClose();
    }
  };
  return (
    <Modal title={title} subtitle={subtitle} onClose={onClose} testId={testId} footer={<DialogFooter onClose={onClose} onConfirm={() => void confirm()} label={confirmLabel} busy={busy} ctrlEnter testId={`${testId}-confirm`} />}>
      <div onKeyDown={confirmOnCtrlEnter(() => void confirm())} className="stack">
        <FormError message={error} />
        <Field label={label} hint={hint} error={fieldError} optional={minLength === 0 ? t('common.optional') : undefined}>
          {(id, d) => <TextArea id={id} aria-describedby={d} rows={5} value={text} onChange={(e) => setText(e.target.value)} data-testid={`${testId}-text`} data-autofocus />}
        </Field>
      </div>
    </Modal>
  );
};
