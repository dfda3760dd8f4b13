// Runs inside the page before layout-probe.ts (tests/e2e/support/layout-integrity.ts installs both, transpiled to
// plain JavaScript): the geometry the layout-integrity check stands on — computed styles, clip chains, what a
// person can see. Scripts, not modules, so they typecheck with the renderer's DOM types (tsconfig.web.json); the
// names shared between the two files are the global interfaces below and one global object.

interface SoeBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** An ancestor whose overflow clips, with its padding box and the axes it clips. */
interface SoeClipper {
  element: Element;
  box: SoeBox;
  x: boolean;
  y: boolean;
}

/** The helpers layout-probe.ts takes from this file (globalThis.soeLayoutGeometry). */
interface SoeLayoutGeometry {
  styles: Map<Element, CSSStyleDeclaration>;
  styleOf(element: Element): CSSStyleDeclaration;
  alphaOf(color: string): number;
  boxOf(rect: DOMRect | SoeBox): SoeBox;
  intersect(a: SoeBox, b: SoeBox): SoeBox;
  isEmpty(box: SoeBox, tolerance?: number): boolean;
  fmt(box: SoeBox): string;
  clean(text: string): string;
  selectorOf(element: Element): string;
  clippersOf(element: Element): SoeClipper[];
  invisible(element: Element): boolean;
  inFixedLayer(element: Element): boolean;
  wholeOnHover(from: Element, full: string): boolean;
  inlineWithin(element: Element, clipper: Element): boolean;
  scrollableTo(clipper: SoeClipper, axis: 'x' | 'y', lineHeight: number): boolean;
  isBlockContainer(display: string): boolean;
}

{
  type Box = SoeBox;
  type Clipper = SoeClipper;

  const styles = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (element: Element): CSSStyleDeclaration => {
    let style = styles.get(element);
    if (style === undefined) {
      style = getComputedStyle(element);
      styles.set(element, style);
    }
    return style;
  };

  const alphaOf = (color: string): number => {
    if (color === 'transparent') return 0;
    const match = /rgba?\(([^)]+)\)/.exec(color);
    if (match === null) return 1;
    const parts = (match[1] as string).split(/[\s,/]+/).filter((p) => p !== '');
    const alpha = parts[3];
    if (alpha === undefined) return 1;
    return alpha.endsWith('%') ? parseFloat(alpha) / 100 : parseFloat(alpha);
  };

  const boxOf = (r: DOMRect | Box): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const intersect = (a: Box, b: Box): Box => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
  const isEmpty = (b: Box, tol = 0): boolean => b.right - b.left <= tol || b.bottom - b.top <= tol;
  const fmt = (b: Box): string => `(${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.right - b.left)}×${Math.round(b.bottom - b.top)})`;
  const clean = (text: string): string => {
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length > 70 ? `${t.slice(0, 67)}…` : t;
  };

  const segment = (element: Element): string => {
    let s = element.tagName.toLowerCase();
    if (element.id !== '') s += `#${element.id}`;
    const testId = element.getAttribute('data-testid');
    if (testId !== null) s += `[data-testid="${testId}"]`;
    const classes = [...element.classList].slice(0, 2);
    if (classes.length > 0) s += `.${classes.join('.')}`;
    return s;
  };
  /** A readable path: the element and its ancestors up to one with an id or test id, at most five steps. */
  const selectorOf = (element: Element): string => {
    const steps: string[] = [];
    for (let e: Element | null = element; e !== null && e !== document.documentElement && steps.length < 5; e = e.parentElement) {
      steps.unshift(segment(e));
      if (e.id !== '' || e.hasAttribute('data-testid')) return steps.join(' > ');
    }
    return `… > ${steps.join(' > ')}`;
  };

  /** Padding box of an element (what its overflow clips to), without its scrollbars. */
  const paddingBox = (element: Element): Box => {
    const r = element.getBoundingClientRect();
    const left = r.left + element.clientLeft;
    const top = r.top + element.clientTop;
    return { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight };
  };

  const clipsAxis = (value: string): boolean => value !== 'visible';
  const scrolls = (value: string): boolean => value === 'auto' || value === 'scroll';
  const containsPaint = (style: CSSStyleDeclaration): boolean => /paint|strict|content/.test(style.contain);
  const isBlockContainer = (display: string): boolean => /^(block|inline-block|list-item|flow-root|table-cell|-webkit-box)$/.test(display) || display.startsWith('block ') || display.startsWith('inline-block');

  /** Is this text invisible to a person whatever its position (hidden, transparent, faded, sr-only)? */
  const invisible = (element: Element): boolean => {
    const own = styleOf(element);
    if (own.visibility !== 'visible' || alphaOf(own.color) < 0.05) return true;
    let opacity = 1;
    for (let e: Element | null = element; e !== null; e = e.parentElement) {
      const style = styleOf(e);
      if (style.display === 'none' || style.contentVisibility === 'hidden') return true;
      opacity *= parseFloat(style.opacity);
      if (opacity < 0.1) return true;
      if (style.clip !== 'auto' && style.clip !== '' && (style.position === 'absolute' || style.position === 'fixed')) {
        const r = e.getBoundingClientRect();
        if (r.width <= 2 || r.height <= 2) return true;
      }
      if (style.clipPath !== 'none') {
        const r = e.getBoundingClientRect();
        if (r.width <= 2 || r.height <= 2 || /inset\(\s*50%/.test(style.clipPath)) return true;
      }
    }
    return false;
  };

  /**
   * The ancestors whose overflow clips this element, nearest first — following the containing-block chain: an
   * absolutely positioned box escapes the overflow of ancestors below its containing block, a fixed one of all
   * but a transformed ancestor. The root and body are the viewport's business (checked separately).
   */
  const clippersOf = (element: Element): Clipper[] => {
    const result: Clipper[] = [];
    let escape: 'none' | 'absolute' | 'fixed' = 'none';
    for (let e: Element | null = element; e !== null && e !== document.body && e !== document.documentElement; e = e.parentElement) {
      const style = styleOf(e);
      if (e !== element || escape !== 'none') {
        const transformed = style.transform !== 'none' || style.filter !== 'none' || style.perspective !== 'none' || containsPaint(style);
        if (escape === 'absolute' && (style.position !== 'static' || transformed)) escape = 'none';
        if (escape === 'fixed' && transformed) escape = 'none';
      }
      if (escape === 'none' && style.display !== 'inline' && style.display !== 'contents') {
        const paint = containsPaint(style);
        const x = paint || clipsAxis(style.overflowX);
        const y = paint || clipsAxis(style.overflowY);
        if (x || y) result.push({ element: e, box: paddingBox(e), x, y });
      }
      if (style.position === 'absolute' && escape === 'none') escape = 'absolute';
      else if (style.position === 'fixed') escape = 'fixed';
    }
    return result;
  };

  const inFixedLayer = (element: Element): boolean => {
    for (let e: Element | null = element; e !== null; e = e.parentElement) if (styleOf(e).position === 'fixed') return true;
    return false;
  };

  /** The whole text on hover or focus: a title (or aria-label) on the element or an ancestor holding all of it. */
  const wholeOnHover = (from: Element, full: string): boolean => {
    const want = full.replace(/\s+/g, ' ').trim();
    for (let e: Element | null = from; e !== null; e = e.parentElement) {
      for (const attribute of ['title', 'aria-label']) {
        const value = e.getAttribute(attribute);
        if (value !== null && value.replace(/\s+/g, ' ').trim().includes(want)) return true;
      }
    }
    return false;
  };

  /** The text sits in the clipper's own line boxes (only inline elements between): its ellipsis applies to it. */
  const inlineWithin = (element: Element, clipper: Element): boolean => {
    for (let e: Element | null = element; e !== null && e !== clipper; e = e.parentElement) {
      const display = styleOf(e).display;
      if (display !== 'inline' && display !== 'contents') return false;
    }
    return true;
  };

  /** Is this clipper one that a person can scroll, in this axis, to bring the text into view? */
  const scrollableTo = (clipper: Clipper, axis: 'x' | 'y', lineHeight: number): boolean => {
    const style = styleOf(clipper.element);
    const overflow = axis === 'x' ? style.overflowX : style.overflowY;
    if (!scrolls(overflow)) return false;
    // A single-line box that scrolls is a cut: nobody scrolls a table cell or a badge sideways to read it.
    const el = clipper.element;
    if (el.clientHeight < 1.8 * lineHeight) return false;
    return axis === 'x' ? el.scrollWidth > el.clientWidth : el.scrollHeight > el.clientHeight;
  };

  const geometry: SoeLayoutGeometry = { styles, styleOf, alphaOf, boxOf, intersect, isEmpty, fmt, clean, selectorOf, clippersOf, invisible, inFixedLayer, wholeOnHover, inlineWithin, scrollableTo, isBlockContainer };
  (globalThis as unknown as { soeLayoutGeometry: typeof geometry }).soeLayoutGeometry = geometry;
}
