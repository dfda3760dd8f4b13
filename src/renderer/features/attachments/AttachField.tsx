import type { ReactNode } from 'react';
import { useT } from '../../app/services';
import { AttachButton } from './AttachButton';
import { useFileIntake } from './file-intake';
import { FileChips } from './FileChips';
import type { useDraftFiles } from './use-attachments';

type DraftFiles = ReturnType<typeof useDraftFiles>;

/**
 * Attachments in a dialog (the simulation record, a call log): the button, drag and drop onto the dialog's
 * fields, a pasted print, and the chips. `children` are the fields the files are dropped and pasted onto.
 */
export const AttachField = ({ files, children }: { files: DraftFiles; children: ReactNode }) => {
  const { t } = useT();
  const { dropping, dropHandlers, onPaste } = useFileIntake(files.add);
  return (
    <div className={`att-field${dropping ? ' is-dropping' : ''}`} {...dropHandlers} onPaste={onPaste}>
      {dropping ? <div className="att-dropzone" aria-hidden="true">{t('att.drop')}</div> : null}
      {children}
      <div className="att-field-row">
        <AttachButton onFiles={files.add} testId="dialog" />
        <FileChips files={files.files} onRemove={files.remove} />
      </div>
    </div>
  );
};
