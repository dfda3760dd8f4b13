import { useCallback, useState } from 'react';
import type { ArgsOf, DesktopMutatorName } from '../../../../shared/api/contract';
import { useOc, useServices, useT } from '../../../app/services';
import type { MessageKey } from '../../../i18n/messages';

/**
 * Runs one OC action from a dialog or a button: the core applies it locally at once (and queues it for the
 * server); a refusal comes back as a message the dialog shows, with the form left as it was.
 */
export const useOcAction = () => {
  const { oc, ui, sync } = useServices();
  const { t, lang } = useT();
  const busy = useOc((s) => s.busy);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <M extends DesktopMutatorName>(method: M, args: ArgsOf<M>, done: MessageKey, params: Record<string, string> = {}): Promise<boolean> => {
      setError(null);
      const failure = await oc.getState().run(method, args);
      if (failure !== null) {
        setError(failure.message[lang]);
        return false;
      }
      // Offline, "sent" means "kept here and queued": say so (SPEC §6, nothing is lost).
      const offline = sync.getState().sync?.status === 'offline';
      ui.getState().toast({ tone: 'success', title: t(done, params), about: oc.getState().id ?? undefined, ...(offline ? { body: t('sync.queuedOffline') } : {}) });
      return true;
    },
    [oc, ui, t, lang],
  );
  return { run, error, setError, busy: busy !== null };
};
