import type { Display, Rectangle } from 'electron';

/**
 * The SLA board belongs on the wall TV (SPEC §5): the first display that is not the primary one, so the lead's
 * own screen keeps the analyst window. With a single display the board takes the primary display.
 */
export const pickBoardDisplay = (displays: readonly Pick<Display, 'id' | 'bounds'>[], primary: Pick<Display, 'id' | 'bounds'>): Rectangle =>
  (displays.find((display) => display.id !== primary.id) ?? primary).bounds;
