import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import ts from 'typescript';

// The layout-integrity check (issue 12): on the page as rendered, it finds
//   overlap           — two texts whose glyph runs (Range client rects, em box) overprint each other;
//   cut               — a text cut (or hidden entirely) by a clipping ancestor (overflow hidden/clip/auto,
//                       single-line boxes included) without an ellipsis — an ellipsis counts only where it really
//                       renders (a block container's own line) and the whole text is on hover/focus (title or
//                       aria-label on the element or an ancestor);
//   outside-viewport  — content the window does not show and cannot scroll to;
//   outside-panel     — content that leaves its panel: a declared region (`regions`, `[data-layout-region]`) or a
//                       dialog, menu, listbox or tooltip. Content inside a scroll container that scrolling reaches
//                       is fine.
// Texts a person does not see are left out: hidden, transparent, faded out, visually hidden (sr-only), or behind an
// overlay layer (an open modal and its backdrop, a sticky header, a popover). The in-page part is
// support/page/layout-geometry.ts and layout-probe.ts, typechecked with the DOM types and transpiled here (as bench/ui.ts does).

export interface LayoutRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LayoutFinding {
  kind: 'overlap' | 'cut' | 'outside-viewport' | 'outside-panel';
  /** One line a failing assertion prints: what, where (selector path), the texts and their rects. */
  description: string;
  text: string;
  selector: string;
  rect: LayoutRect;
  /** The other text (overlap), the clipping ancestor (cut) or the panel (outside-panel). */
  other?: { text: string; selector: string; rect: LayoutRect };
}

export interface LayoutOptions {
  /** Only texts inside this element (default: the whole body). */
  root?: string;
  /** Subtrees left out entirely (neither checked nor counted against others). */
  ignore?: string[];
  /** More panels than the defaults (dialogs, menus, listboxes, tooltips, `[data-layout-region]`). */
  regions?: string[];
  /** Pixels of overlap or overflow forgiven (subpixel rounding); default 1. */
  tolerance?: number;
}

const transpile = (file: string): string =>
  ts.transpileModule(readFileSync(join(import.meta.dirname, 'page', file), 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None, removeComments: true },
  }).outputText;
const PROBE = `${transpile('layout-geometry.ts')}\n${transpile('layout-probe.ts')}`;

/** Every layout defect on the page as it is now (installs the probe first when the page was loaded since). */
export const layoutFindings = async (page: Page, options: LayoutOptions = {}): Promise<LayoutFinding[]> => {
  if (!(await page.evaluate('typeof globalThis.soeLayoutProbe === "object"'))) await page.evaluate(PROBE);
  // Fonts and the last layout first: a check of half-loaded glyphs measures nothing real.
  await page.evaluate('document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))');
  return (await page.evaluate(`globalThis.soeLayoutProbe.run(${JSON.stringify(options)})`)) as LayoutFinding[];
};

/** Asserts the check finds nothing; a failure lists every finding, one line each, under `what`. */
export const expectLayoutIntact = async (page: Page, what: string, options: LayoutOptions = {}): Promise<void> => {
  const findings = await layoutFindings(page, options);
  expect(findings.map((f) => f.description), `layout integrity of ${what}`).toEqual([]);
};
