import { useCallback, useState } from 'react';
import { useRouter, useServices, useT } from '../../app/services';

/**
 * "Take next" (SPEC §4): the core assigns the most urgent OC I may take (directed to me first), respecting
 * capacity; the OC opens. A refusal (capacity full) is explained.
 */
export const useTakeNext = (): { takeNext: () => Promise<void>; busy: boolean } => {
  const { api, ui } = useServices();
  const navigate = useRouter((s) => s.navigate);
  const { t, lang } = useT();
  const [busy, setBusy] = useState(false);
  const takeNext = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    const result = await api.call('queue.takeNext', {});
    setBusy(false);
    if (!result.ok) return ui.getState().toast({ tone: 'danger', title: result.error.message[lang] });
    if (result.value.ocId === null) return ui.getState().toast({ tone: 'info', title: t('queue.takeNextNone') });
    const detail = await api.call('oc.get', { id: result.value.ocId });
    ui.getState().toast({ tone: 'success', title: t('queue.took', { number: detail.ok ? detail.value.displayNumber : '' }) });
    navigate({ name: 'oc', id: result.value.ocId });
  }, [api, ui, navigate, t, lang, busy]);
  return { takeNext, busy };
};
