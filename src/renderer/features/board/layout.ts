import { useLayoutEffect, useState, type RefObject } from 'react';

// The board is designed on a 1920×1080 grid and scaled as a whole: one design unit is
// min(100vw / 1920, 100vh / 1080) in CSS (--u in board.css), 1 px at 1080p and 2 px at 2160p. Text is never
// under 26 units (26 px at 1080p), countdowns are 90 units: readable from 5 m on a TV. Row heights below are in
// units and must match board.css; how many rows fit in a list (and so how many pages rotate) is measured.

export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

export const ROW_UNITS = {
  next: 100,
  side: 92,
  sideTall: 104,
  predicted: 156,
  compliance: 48,
  complianceLarge: 96,
  more: 72,
} as const;

/** How long each page of a list that overflows stays on screen. */
export const PAGE_PERIOD_MS = 12_000;

export const unitOf = (width: number, height: number): number => Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT);

/** The element's height in design units, re-measured on resize (how many rows fit follows from it). */
export const useHeightUnits = (ref: RefObject<HTMLElement | null>): number => {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const measure = (): void => setHeight(element.clientHeight / unitOf(window.innerWidth, window.innerHeight));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
};

/** Rows of `rowUnits` that fit in `heightUnits` after `reservedUnits` (at least one). */
export const rowsIn = (heightUnits: number, rowUnits: number, reservedUnits = 0): number =>
  Math.max(1, Math.floor((heightUnits - reservedUnits + 0.5) / rowUnits));
