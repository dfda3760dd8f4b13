import { useLayoutEffect, useState, type RefObject } from 'react';

// The board is designed in units (--u in board.css: 1 px at 1080p, 2 px at 2160p; portrait screens on a
// 1080-wide grid) and its row heights are units there too (--row-*). How many rows fit in a list — and so how
// many pages rotate — is measured here against those same values, read from the CSS, never restated.

export type RowKind = 'next' | 'more' | 'tall' | 'side' | 'predicted' | 'compliance' | 'compliance-large';

/** How long each page of a list that overflows stays on screen. */
export const PAGE_PERIOD_MS = 12_000;
/** How long each half of a "breaching next" row's info line stays (customer; module, due and assignee). */
export const INFO_PERIOD_MS = 6_000;

export interface ListMetrics {
  /** The list's height in design units. */
  height: number;
  /** …and in pixels, as measured (on the list as data-measured: the rows shown follow from this measurement). */
  measuredPx: number;
  /** A row's height in units, as board.css sets it for this screen's orientation. */
  row(kind: RowKind): number;
}

const readMetrics = (element: HTMLElement): ListMetrics => {
  const style = getComputedStyle(element);
  // --u is a registered <length> (board.css @property), so it computes to pixels.
  const unit = parseFloat(style.getPropertyValue('--u')) || 1;
  return {
    height: element.clientHeight / unit,
    measuredPx: element.clientHeight,
    row: (kind) => Number(style.getPropertyValue(`--row-${kind}`)) || 100,
  };
};

/** The element's height and row sizes in design units, re-measured whenever it is resized. */
export const useListMetrics = (ref: RefObject<HTMLElement | null>): ListMetrics => {
  const [metrics, setMetrics] = useState<ListMetrics>({ height: 0, measuredPx: 0, row: () => 100 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const measure = (): void => setMetrics(readMetrics(element));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return metrics;
};

/** Rows of `rowUnits` that fit in `heightUnits` after `reservedUnits` (at least one). */
export const rowsIn = (heightUnits: number, rowUnits: number, reservedUnits = 0): number =>
  Math.max(1, Math.floor((heightUnits - reservedUnits + 0.5) / rowUnits));
