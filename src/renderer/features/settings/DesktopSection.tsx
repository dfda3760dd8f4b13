import { useState } from 'react';
import { formatFileSize } from '../../../shared/attachments/size';
import { useServices, useT } from '../../app/services';
import { FormError } from '../../components/Field';
import type { Lang } from '../../i18n/define';
import type { SettingsT } from './messages';

const PREFETCH_KEY = 'soe.attachments.prefetch';

/**
 * What this computer keeps for the lead (issue 16): the attachments of every open OC, fetched now and after each
 * sync, so they open offline too. The choice belongs to this desktop's replica (the core keeps it); the box
 * remembers it for the screen.
 */
export const DesktopSection = ({ t, lang }: { t: SettingsT; lang: Lang }) => {
  const { api } = useServices();
  const { t: tt } = useT();
  const [enabled, setEnabled] = useState(() => localStorage.getItem(PREFETCH_KEY) === 'true');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change = async (next: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await api.call('attachment.prefetch', { enabled: next });
    setBusy(false);
    if (!result.ok) return setError(result.error.message[lang]);
    setEnabled(next);
    localStorage.setItem(PREFETCH_KEY, String(next));
    setStatus(next ? tt('att.prefetched', { files: result.value.files, size: formatFileSize(result.value.bytes, lang) }) : null);
  };
  return (
    <section className="card st-card" data-testid="settings-desktop">
      <h3 className="lt-h3">{t('tab.desktop')}</h3>
      <label className="st-check">
        <input type="checkbox" checked={enabled} disabled={busy} onChange={(e) => void change(e.target.checked)} data-testid="prefetch-attachments" />
        {tt('att.prefetch')}
      </label>
      <p className="muted">{tt('att.prefetchHint')}</p>
      {status === null ? null : <p role="status" data-testid="prefetch-status">{status}</p>}
      <FormError message={error} />
    </section>
  );
};
