import { useRef, type ReactNode } from 'react';
import type { BoardSnapshot } from '../../../shared/api/lead-views';
import { PAGE_PERIOD_MS, rowsIn, useListMetrics } from './layout';
import { formatCount } from './format';
import type { LiveBoard } from './live';
import type { BoardKey } from './messages';
import { PageDots } from './PageDots';
import { AnalystRow, BreachedRow, ComplianceHeader, ComplianceRow, OlaRow, PredictionRow, RecadoRow, type RowContext } from './SideRows';

// Everything that does not fit next to the countdowns takes turns here (SPEC §5: breached now, N2 pick-ups,
// predictive breach, analysts and load, recados, compliance per plan and per module). Each list is cut into the
// pages that fit; panel and page follow from the shared tick, so every screen showing the board turns in step.

interface PanelPages {
  id: string;
  title: BoardKey;
  /** How many items the section has (shown next to the title when some did not fit the pages). */
  count?: number;
  pages: ReactNode[][];
  /** Rows carry a header row on every page (compliance tables). */
  head?: ReactNode;
}

/** At most three pages a section: a longer cycle would keep the other sections off the wall for minutes. */
const MAX_PAGES = 3;

const paginate = (rows: ReactNode[], perPage: number): ReactNode[][] => {
  const pages: ReactNode[][] = [];
  for (let i = 0; i < rows.length && pages.length < MAX_PAGES; i += perPage) pages.push(rows.slice(i, i + perPage));
  return pages;
};

/** `tick` is the renderer's shared clock (not the core-corrected board time, which a new snapshot may step). */
export const SidePanel = ({ snapshot, live, ctx, tick }: { snapshot: BoardSnapshot; live: LiveBoard; ctx: RowContext; tick: number }) => {
  const bodyRef = useRef<HTMLOListElement>(null);
  const { height, row, measuredPx } = useListMetrics(bodyRef);
  const tall = rowsIn(height, row('tall'));
  const short = rowsIn(height, row('side'));
  const predicted = rowsIn(height, row('predicted'));
  const compliance = rowsIn(height, row('compliance'), row('compliance'));
  const complianceLarge = rowsIn(height, row('compliance-large'), row('compliance'));

  const allPanels: PanelPages[] = [
    { id: 'breached', title: 'panel.breached', count: live.breachedCount, pages: paginate(live.breached.map((c) => <BreachedRow key={c.ocId} clock={c} ctx={ctx} />), tall) },
    { id: 'ola', title: 'panel.ola', count: snapshot.olaWaiting.length, pages: paginate(snapshot.olaWaiting.map((c) => <OlaRow key={c.ocId} clock={c} ctx={ctx} />), tall) },
    { id: 'predicted', title: 'panel.predicted', pages: paginate(snapshot.predicted.map((p) => <PredictionRow key={`${p.ocId}:${p.clock}`} prediction={p} ctx={ctx} />), predicted) },
    { id: 'analysts', title: 'panel.analysts', count: snapshot.analysts.length, pages: paginate(snapshot.analysts.map((a) => <AnalystRow key={a.id} analyst={a} ctx={ctx} />), short) },
    { id: 'recados', title: 'panel.recados', count: snapshot.recados.count, pages: paginate(snapshot.recados.oldest.map((r) => <RecadoRow key={r.id} recado={r} ctx={ctx} />), tall) },
    {
      id: 'plan',
      title: 'panel.plan',
      head: <ComplianceHeader key="head" t={ctx.t} />,
      pages: paginate(snapshot.compliance.byPlan.map((c) => <ComplianceRow key={c.key} item={c} kind="plan" large ctx={ctx} />), complianceLarge),
    },
    {
      id: 'module',
      title: 'panel.module',
      head: <ComplianceHeader key="head" t={ctx.t} />,
      pages: paginate(snapshot.compliance.byModule.map((c) => <ComplianceRow key={c.key} item={c} kind="module" ctx={ctx} />), compliance),
    },
  ];
  const panels = allPanels.filter((panel) => panel.pages.length > 0);

  // Every (panel, page) is one slot of the rotation.
  const slots = panels.flatMap((panel) => panel.pages.map((rows, page) => ({ panel, rows, page })));
  const slot = slots[Math.floor(tick / PAGE_PERIOD_MS) % Math.max(1, slots.length)] ?? null;
  return (
    <section className="board-side" aria-live="off" data-panel={slot?.panel.id ?? 'none'}>
      <header className="board-section-title">
        <h2>
          <span className="board-ellipsis" title={slot === null ? undefined : ctx.t(slot.panel.title)}>{slot === null ? '' : ctx.t(slot.panel.title)}</span>
          {slot?.panel.count === undefined ? null : <span className="board-panel-count">{formatCount(slot.panel.count, ctx.lang)}</span>}
        </h2>
        {slot === null ? <span /> : <PageDots page={slot.page} pages={slot.panel.pages.length} t={ctx.t} />}
      </header>
      <ol className={slot?.panel.head === undefined ? 'board-side-body' : 'board-side-body is-table'} ref={bodyRef} data-measured={measuredPx}>
        {slot === null ? null : [slot.panel.head, ...slot.rows]}
      </ol>
      <footer className="board-side-rotation" aria-hidden="true">
        {slots.map((s, i) => (
          <span key={`${s.panel.id}:${s.page}`} className={s === slot ? 'board-dot board-dot-on' : 'board-dot'} data-slot={i} />
        ))}
      </footer>
    </section>
  );
};
