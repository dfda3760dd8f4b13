import { useEffect, useMemo, useState } from 'react';
import { IN_HAND_STATUSES } from '../../../shared/domain';
import { useQueue, useRouter, useServices, useSession, useT } from '../../app/services';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { TextInput } from '../../components/Field';
import { Tabs } from '../../components/Tabs';
import { GroupBySelect } from './GroupBySelect';
import { QueueEmpty } from './QueueEmpty';
import { QueueTable } from './QueueTable';
import type { MyTab } from './queue-store';
import { RecadosPanel } from './RecadosPanel';
import { useTakeNext } from './take-next';
import type { GroupBy } from './team-filter';

const NO_HIDDEN = [] as const;
const HIDE_ASSIGNEE = ['assignee'] as const;

/** "Minha fila" (SPEC §4): mine, directed to me, and my specialties' unassigned OCs at my level; my recados. */
export const MyQueuePage = () => {
  const { t } = useT();
  const { queue } = useServices();
  const me = useSession((s) => s.analyst);
  const catalogName = useSession((s) => s.catalogName);
  const my = useQueue((s) => s.my);
  const tab = useQueue((s) => s.myTab);
  const cursor = useQueue((s) => s.cursor);
  const navigate = useRouter((s) => s.navigate);
  const { takeNext, busy } = useTakeNext();
  const [filter, setFilter] = useState('');
  const [groupBy, setGroupBy] = useState<GroupBy>('none');

  useEffect(() => {
    void queue.getState().loadMine();
  }, [queue]);

  const rows = my === null ? [] : tab === 'mine' ? my.mine : tab === 'directed' ? my.directed : my.available;
  const load = useMemo(() => (my === null ? 0 : my.mine.filter((r) => IN_HAND_STATUSES.includes(r.status)).length), [my]);
  if (me === null) return null;
  const full = me.role === 'analyst' && load >= me.capacity;
  const emptyKey = filter.trim() !== '' ? null : tab;

  return (
    <div className="page" data-testid="my-queue">
      <header className="page-head">
        <div>
          <h1>{t('queue.title')}</h1>
          <div className="page-sub">
            {t('queue.specialties', { modules: me.modules.map(catalogName).join(', '), segments: me.segments.map(catalogName).join(', ') })}
          </div>
        </div>
        <div className="spacer" />
        <div className={`capacity${full ? ' is-full' : ''}`} title={full ? t('queue.capacityFull') : undefined} data-testid="capacity">
          <div className="capacity-bar">
            <span style={{ width: `${Math.min(100, (load / me.capacity) * 100)}%` }} />
          </div>
          {t('queue.capacity', { load, capacity: me.capacity })}
        </div>
        <Button variant="primary" icon="zap" shortcut="N" busy={busy} onClick={() => void takeNext()} data-testid="take-next">
          {t('queue.takeNext')}
        </Button>
      </header>
      <RecadosPanel recados={my?.recados ?? []} />
      <div className="toolbar">
        <Tabs<MyTab>
          label={t('queue.tabs')}
          value={tab}
          onChange={(id) => queue.getState().setMyTab(id)}
          tabs={[
            { id: 'mine', label: t('queue.tab.mine'), count: my?.mine.length ?? 0 },
            { id: 'directed', label: t('queue.tab.directed'), count: my?.directed.length ?? 0 },
            { id: 'available', label: t('queue.tab.available'), count: my?.available.length ?? 0 },
          ]}
        />
        <div className="spacer" />
        <TextInput className="input input-filter" placeholder={t('queue.quickFilter')} value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('queue.quickFilter')} data-testid="quick-filter" />
        <GroupBySelect value={groupBy} onChange={setGroupBy} />
      </div>
      <QueueTable
        rows={rows}
        groupBy={groupBy}
        quickFilter={filter}
        cursor={cursor}
        onCursor={(id) => queue.getState().setCursor(id)}
        autoFocus
        onOpen={(id) => {
          // Back from the OC, the list's cursor is on this row again.
          queue.getState().setCursor(id);
          navigate({ name: 'oc', id });
        }}
        label={t(`queue.tab.${tab}`)}
        // Mine are mine and the available ones have nobody: an assignee column would say the same on every row.
        hide={tab === 'directed' ? NO_HIDDEN : HIDE_ASSIGNEE}
        testId="queue-table"
        empty={
          <QueueEmpty>{emptyKey === null ? (
            <EmptyState icon="filter" title={t('queue.empty.filtered')} />
          ) : (
            <EmptyState icon="inbox" title={t(`queue.empty.${emptyKey}`)}>
              {t(`queue.empty.${emptyKey}Body`)}
            </EmptyState>
          )}</QueueEmpty>
        }
      />
    </div>
  );
};
