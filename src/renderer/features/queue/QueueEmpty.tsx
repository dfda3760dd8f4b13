import type { ReactNode } from 'react';
import { useSync, useT } from '../../app/services';
import { EmptyState } from '../../components/EmptyState';

/**
 * An empty list right after the first login on a new computer usually means "not pulled yet", not "nothing to
 * do": until the first sync completes, say so instead of showing an empty queue.
 */
export const QueueEmpty = ({ children }: { children: ReactNode }) => {
  const { t } = useT();
  const sync = useSync((s) => s.sync);
  if (sync !== null && sync.status !== 'local_only' && sync.lastSyncAt === null) {
    return (
      <EmptyState icon="refresh" title={t('queue.firstSync')}>
        {t('queue.firstSyncBody')}
      </EmptyState>
    );
  }
  return <>{children}</>;
};
