import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { SlaClockName, type QueueRow } from '../../../shared/api/views';
import { Icon } from '../../components/icons';
import { SlaLabel, type SlaTone } from '../../components/SlaCountdown';
import { formatCountdown } from '../../lib/format';
import { columnTemplate, sampleRows, statusKey, type ColumnTemplate, type VisibleColumn } from './column-fit';
import { cell, type RowContext } from './QueueRowView';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The longest countdowns there can be: 999 and 99 days late (a breach stays a breach), the hours of a late day, the last seconds. */
const WORST_COUNTDOWNS = [-(999 * DAY + 23 * HOUR + 59 * MINUTE), -(99 * DAY + 23 * HOUR + 59 * MINUTE), -(23 * HOUR + 59 * MINUTE), -(10 * HOUR + 4 * MINUTE), -(9 * MINUTE + 59_000)].map(formatCountdown);

const SlaSamples = ({ ctx }: { ctx: RowContext }) => {
  const { t } = ctx;
  const words: Array<[SlaTone, string]> = [['paused', t('sla.paused')], ['done', t('sla.met')], ['done', t('sla.stopped')], ['danger', t('sla.state.breached')]];
  return (
    <>
      {SlaClockName.options.flatMap((clock) =>
        WORST_COUNTDOWNS.map((text) => (
          <div key={`${clock}${text}`} className="q-cell q-sla q-measure">
            <SlaLabel tone="danger" text={text} clock={t(`sla.short.${clock}`)} />
          </div>
        )),
      )}
      {words.map(([tone, text]) => (
        <div key={`${tone}${text}`} className="q-cell q-sla q-measure">
          <SlaLabel tone={tone} text={text} clock={null} />
        </div>
      ))}
    </>
  );
};

/**
 * Hidden copies of each column's widest cells and of its header, measured after layout: the table's grid
 * template comes from what the DOM says, in this language and this font, not from guessed pixels.
 */
export const useQueueColumns = (rows: readonly QueueRow[], columns: readonly VisibleColumn[], ctx: RowContext, scroller: RefObject<HTMLElement | null>) => {
  const sizer = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<Partial<Record<VisibleColumn, number>>>({});
  const [available, setAvailable] = useState(0);
  const samples = useMemo(() => sampleRows(rows, columns, ctx.catalogName), [rows, columns, ctx.catalogName]);
  // What the measurement depends on: the sampled texts, the columns and the language.
  const signature = useMemo(
    () => `${ctx.lang}|${columns.join(',')}|${columns.map((c) => (samples[c] ?? []).map((r) => `${r.id}:${r.displayNumber}:${r.customerName}:${r.assigneeName ?? ''}:${statusKey(r)}`).join(';')).join('|')}`,
    [samples, columns, ctx.lang],
  );
  const [fontsReady, setFontsReady] = useState(false);
  useLayoutEffect(() => {
    let live = true;
    void document.fonts?.ready.then(() => live && setFontsReady(true));
    return () => {
      live = false;
    };
  }, []);
  useLayoutEffect(() => {
    const root = sizer.current;
    if (root === null) return;
    const next: Partial<Record<VisibleColumn, number>> = {};
    for (const group of root.querySelectorAll<HTMLElement>('[data-column]')) {
      const column = group.dataset.column as VisibleColumn;
      let widest = 0;
      for (const el of group.children) widest = Math.max(widest, (el as HTMLElement).getBoundingClientRect().width);
      next[column] = widest;
    }
    setMeasured((current) => (columns.every((c) => current[c] === next[c]) ? current : next));
  }, [signature, columns, fontsReady]);
  // The room the table has (without its vertical scrollbar), followed as the window or the panels change.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const read = (): void => setAvailable(el.clientWidth);
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [scroller]);
  const layout = useMemo<ColumnTemplate>(() => columnTemplate(columns, measured, available), [columns, measured, available]);

  const sizerView = (
    <div className="q-sizer" ref={sizer} aria-hidden="true">
      {columns.map((column) => (
        <div key={column} data-column={column}>
          <div className={`q-th q-${column} q-measure`}>
            <span className="q-sort">
              {ctx.t(`queue.col.${column}`)}
              <Icon name="arrowUp" size={12} />
            </span>
          </div>
          {column === 'sla' ? (
            <SlaSamples ctx={ctx} />
          ) : (
            (samples[column] ?? []).map((row) => (
              <div key={row.id} className={`q-cell q-${column} q-measure`}>
                {cell(column, row, ctx)}
              </div>
            ))
          )}
        </div>
      ))}
    </div>
  );
  // Wider than the room: the table scrolls sideways (and keeps its SLA and number columns in view).
  return { ...layout, overflows: available > 0 && layout.minWidth > available, sizerView };
};
