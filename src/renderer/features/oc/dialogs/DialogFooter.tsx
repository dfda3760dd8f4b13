import { useT } from '../../../app/services';
import { Button } from '../../../components/Button';

export const DialogFooter = ({ onClose, onConfirm, label, busy, danger = false, ctrlEnter = false, testId }: { onClose: () => void; onConfirm: () => void; label: string; busy: boolean; danger?: boolean; ctrlEnter?: boolean; testId: string }) => {
  const { t } = useT();
  return (
    <>
      {ctrlEnter ? <span className="foot-hint">Ctrl+Enter</span> : null}
      <Button variant="ghost" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm} data-testid={testId}>
        {label}
      </Button>
    </>
  );
};

/** Ctrl/⌘+Enter confirms a dialog from any field. */
export const confirmOnCtrlEnter = (confirm: () => void) => (event: React.KeyboardEvent): void => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    confirm();
  }
};
