import { useEffect } from 'react';
import { Button } from '../components/Button';
import { Modal } from '../components/Modal';
import { useRouter, useServices, useT } from './services';

// Unsaved changes are never dropped without asking: a form registers them with the router while they exist
// (useLeaveGuard), and a move that would lose them (another page, back, a typed address, a settings tab) waits
// for this prompt's answer.

/** Registers a form's unsaved changes with the router while `dirty`; released on unmount. */
export const useLeaveGuard = (key: string, dirty: boolean, scope: 'page' | 'section' = 'page'): void => {
  const { router } = useServices();
  useEffect(() => {
    if (!dirty) return undefined;
    router.getState().guard(key, { scope });
    return () => router.getState().guard(key, null);
  }, [router, key, dirty, scope]);
};

export const LeavePrompt = () => {
  const pending = useRouter((s) => s.pendingLeave);
  const { router } = useServices();
  const { t } = useT();
  if (pending === null) return null;
  const { confirmLeave, cancelLeave } = router.getState();
  return (
    <Modal
      title={t('leave.title')}
      onClose={cancelLeave}
      width={480}
      testId="leave-prompt"
      footer={
        <>
          <Button onClick={cancelLeave} data-testid="leave-stay">
            {t('leave.stay')}
          </Button>
          <Button variant="danger" onClick={confirmLeave} data-testid="leave-discard">
            {t('leave.discard')}
          </Button>
        </>
      }
    >
      <p>{t('leave.body')}</p>
    </Modal>
  );
};
