import { ocStage } from '../../../shared/oc/stage';
import { memo } from 'react';
import type { QueueRow } from '../../../shared/api/views';
import { isOpenStatus } from '../../../shared/domain';
import { CriticidadeBadge, LevelBadge, PlanBadge, StatusBadge } from '../../components/badges';
import { Icon } from '../../components/icons';
import { SlaCountdown } from '../../components/SlaCountdown';
import { useNow } from '../../app/services';
import { formatCountdown } from '../../lib/format';
import type { Lang } from '../../i18n/define';
import type { Translate } from '../../app/services';
import { olaDueShown, type VisibleColumn } from './column-fit';

export interface RowContext {
  lang: Lang;
  t: Translate;
  catalogName: (id: string) => string;
  myId: string | null;
}

/** "Aguardando N2 · OLA 25m": the stage with its pick-up OLA counting down (overdue: "OLA −1h 05m"). */
const AwaitingN2 = ({ dueAt, ctx }: { dueAt: number; ctx: RowContext }) => {
  const now = useNow();
  const countdown = formatCountdown(dueAt - now);
  return (
    <span data-testid="q-ola" className="q-ola">
      <StatusBadge stage="aguardando_n2" lang={ctx.lang} bare detail={`OLA ${countdown}`} />
    </span>
  );
};

/** What a column shows for a row (also rendered, hidden, by the QueueSizer to measure the column). */
export const cell = (column: VisibleColumn, row: QueueRow, ctx: RowContext) => {
  switch (column) {
    case 'sla':
      return <SlaCountdown sla={row.sla} open={isOpenStatus(row.status)} />;
    case 'number':
      return (
        <span className="q-number">
          <span className="mono">{row.displayNumber}</span>
          {row.pending ? <Icon name="refresh" size={12} className="pending-icon" title={ctx.t('common.pendingHint')} /> : null}
        </span>
      );
    case 'customer':
      return (
        <span className="q-customer">
          <PlanBadge plan={row.plan} lang={ctx.lang} />
          <span className="ellipsis" title={row.customerName}>{row.customerName}</span>
        </span>
      );
    case 'subject':
      return (
        <span className="ellipsis q-subject" title={row.subject}>
          {row.preferredAnalystId !== null && row.preferredAnalystId === ctx.myId ? <Icon name="flag" size={12} className="q-directed" title={ctx.t('queue.directedToYou')} /> : null}
          {row.subject}
        </span>
      );
    case 'module':
      return <span className="ellipsis" title={ctx.catalogName(row.module)}>{ctx.catalogName(row.module)}</span>;
    case 'segment':
      return <span className="ellipsis muted" title={ctx.catalogName(row.segment)}>{ctx.catalogName(row.segment)}</span>;
    case 'criticidade':
      return <CriticidadeBadge criticidade={row.criticidade} lang={ctx.lang} />;
    case 'status': {
      // Waiting for an N2: its pick-up OLA beside the stage, even when the SLA column shows a more urgent clock.
      const olaDue = olaDueShown(row);
      if (olaDue === null) return <StatusBadge stage={ocStage(row)} lang={ctx.lang} bare />;
      return <AwaitingN2 dueAt={olaDue} ctx={ctx} />;
    }
    case 'level':
      return <LevelBadge level={row.level} lang={ctx.lang} />;
    case 'assignee':
      if (row.assigneeName === null) return <span className="faint ellipsis" title={ctx.t('common.unassigned')}>{ctx.t('common.unassigned')}</span>;
      {
        const name = row.assigneeId === ctx.myId ? ctx.t('queue.me', { name: row.assigneeName }) : row.assigneeName;
        return <span className="ellipsis" title={name}>{name}</span>;
      }
  }
};

/** The DOM id of an OC's row (the grid's active descendant while the keyboard cursor is on it). */
export const rowDomId = (ocId: string): string => `q-row-${ocId}`;

/**
 * One queue row. Memoised on the row object: a refresh that does not change an OC keeps its row untouched,
 * and the countdown inside re-renders by itself on the shared tick.
 */
export const QueueRowView = memo(
  ({ row, columns, selected, top, ctx, onOpen, onCursor }: {
    row: QueueRow;
    columns: readonly VisibleColumn[];
    selected: boolean;
    top: number;
    ctx: RowContext;
    onOpen: (id: string) => void;
    onCursor: (id: string) => void;
  }) => (
    <div
      role="row"
      id={rowDomId(row.id)}
      className={`q-row${selected ? ' is-cursor' : ''}${row.pending ? ' is-pending' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      aria-selected={selected}
      data-oc-id={row.id}
      data-testid="queue-row"
      onMouseDown={() => onCursor(row.id)}
      onClick={() => onOpen(row.id)}
    >
      {columns.map((column) => (
        <div role="gridcell" key={column} className={`q-cell q-${column}`} data-column={column}>
          {cell(column, row, ctx)}
        </div>
      ))}
    </div>
  ),
);
