import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Translate } from '../../app/services';
import { FloatingLayer, useAnchored } from '../../components/floating';
import type { VisibleColumn } from './column-fit';
import { rowDomId } from './QueueRowView';

interface Cut {
  column: VisibleColumn;
  text: string;
}

/** The cells of a row whose text does not fit (an ellipsis shows), with their whole text. */
const cutCells = (row: HTMLElement): Cut[] => {
  const cuts: Cut[] = [];
  for (const cellEl of row.querySelectorAll<HTMLElement>('[role="gridcell"]')) {
    const column = cellEl.dataset.column as VisibleColumn | undefined;
    if (column === undefined) continue;
    const cut = [...cellEl.querySelectorAll<HTMLElement>('.ellipsis, .badge-text')].find((el) => el.scrollWidth > el.clientWidth + 1);
    // The whole text: the element's own tooltip when it has one (a status badge's full label), else its text.
    const whole = cut?.closest('[title]')?.getAttribute('title') ?? cut?.textContent ?? '';
    if (cut !== undefined && whole.trim() !== '') cuts.push({ column, text: whole.replace(/\s+/g, ' ').trim() });
  }
  return cuts;
};

/**
 * For keyboard users: the whole text of the cursor row's cut cells, beside the row (a mouse user has the cells'
 * titles). Positioned by the shared floating layer, so it stays in the window and hides when the row scrolls away.
 */
export const CursorPeek = ({ scroller, ocId, columns, t }: { scroller: RefObject<HTMLElement | null>; ocId: string; columns: readonly VisibleColumn[]; t: Translate }) => {
  const [cuts, setCuts] = useState<Cut[]>([]);
  const { refs, floatingStyles, context, nodeId, middlewareData } = useAnchored({ open: true, onOpenChange: () => undefined, placement: 'bottom-start', gap: 2 });
  useLayoutEffect(() => {
    const row = scroller.current?.querySelector<HTMLElement>(`#${CSS.escape(rowDomId(ocId))}`) ?? null;
    // Anchored to the row's first cell, which stays in view when the table scrolls sideways.
    refs.setReference(row?.querySelector<HTMLElement>('[role="gridcell"]') ?? row);
    setCuts(row === null ? [] : cutCells(row));
  }, [scroller, ocId, columns, refs]);
  if (cuts.length === 0) return null;
  const hidden = middlewareData.hide?.referenceHidden === true;
  return (
    <FloatingLayer nodeId={nodeId} context={context} focus={false}>
      <div
        ref={refs.setFloating}
        role="tooltip"
        id={`${rowDomId(ocId)}-peek`}
        className="q-peek"
        style={{ ...floatingStyles, visibility: hidden ? 'hidden' : 'visible' }}
        data-testid="cursor-peek"
      >
        {cuts.map((cut) => (
          <div key={cut.column} className="q-peek-line">
            <span className="q-peek-label">{t(`queue.col.${cut.column}`)}</span>
            <span>{cut.text}</span>
          </div>
        ))}
      </div>
    </FloatingLayer>
  );
};
