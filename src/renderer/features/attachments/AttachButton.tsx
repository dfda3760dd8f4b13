import { useRef } from 'react';
import { useT } from '../../app/services';
import { Button } from '../../components/Button';

/** "Anexar": the system's file picker (several files at once); the same file may be picked again afterwards. */
export const AttachButton = ({ onFiles, testId }: { onFiles: (files: File[]) => void; testId: string }) => {
  const { t } = useT();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
        data-testid={`${testId}-file-input`}
      />
      <Button icon="paperclip" size="s" variant="ghost" title={t('att.attachHint')} onClick={() => picker.current?.click()} data-testid={`${testId}-attach`}>
        {t('att.attach')}
      </Button>
    </>
  );
};
