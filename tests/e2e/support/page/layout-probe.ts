// Runs inside the page after layout-geometry.ts (tests/e2e/support/layout-integrity.ts installs both, transpiled to plain JavaScript): the
// layout-integrity check. A script, not a module — everything hangs off one global — so it typechecks with the
// renderer's DOM types (tsconfig.web.json) and the node side keeps none.
//
// What a person sees decides: a text counts when it has ink on screen — not display:none/visibility:hidden, not
// transparent or faded out, not visually hidden (sr-only), not behind an overlay layer (an open modal's backdrop,
// a sticky header, a popover). Texts are measured with Range client rects (the glyph runs, not element boxes),
// trimmed vertically to their em box so a tight line-height is not mistaken for an overprint.
{
  type Box = SoeBox;
  type Clipper = SoeClipper;
  type Kind = 'overlap' | 'cut' | 'outside-viewport' | 'outside-panel';
  interface Finding {
    kind: Kind;
    description: string;
    text: string;
    selector: string;
    rect: Box;
    other?: { text: string; selector: string; rect: Box };
  }
  interface Options {
    root?: string;
    ignore?: string[];
    regions?: string[];
    tolerance?: number;
  }
  interface Piece {
    node: Text;
    element: Element;
    text: string;
    /** Line fragments, em-box trimmed. */
    rects: Box[];
    /** What of each fragment its clipping ancestors let through. */
    visible: Box[];
    clippers: Clipper[];
  }

  const DEFAULT_REGIONS = 'dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [role="tooltip"], [data-layout-region]';
  /** Boxes that are content without being text: checked for leaving the window or panel (text is checked as text). */
  const CONTROLS = 'input, select, textarea, img, canvas, video, button, [role="button"], [role="menuitem"]';
  const TEXTLESS_ONLY = new Set(['BUTTON']);
  const MAX_FINDINGS = 200;

  const { styles, styleOf, alphaOf, boxOf, intersect, isEmpty, fmt, clean, selectorOf, clippersOf, invisible, inFixedLayer, wholeOnHover, inlineWithin, scrollableTo, isBlockContainer } =
    (globalThis as unknown as { soeLayoutGeometry: SoeLayoutGeometry }).soeLayoutGeometry;

  const probe = {
    run(options: Options = {}): Finding[] {
      styles.clear();
      const tol = options.tolerance ?? 1;
      const root = options.root === undefined ? document.body : document.querySelector(options.root);
      if (root === null) return [{ kind: 'outside-viewport', description: `no element matches the root "${options.root ?? ''}"`, text: '', selector: options.root ?? '', rect: { left: 0, top: 0, right: 0, bottom: 0 } }];
      const ignore = (options.ignore ?? []).join(', ');
      const regions = [DEFAULT_REGIONS, ...(options.regions ?? [])].join(', ');
      const viewport: Box = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      const findings: Finding[] = [];
      const add = (finding: Finding): void => {
        if (findings.length < MAX_FINDINGS) findings.push(finding);
      };

      // One finding per truncating box, not one per text node inside it.
      const truncating = new Set<Element>();
      const ellipsisWithoutWhole = (clipper: Clipper, element: Element, text: string): void => {
        if (truncating.has(clipper.element)) return;
        truncating.add(clipper.element);
        const whole = clean(clipper.element.textContent ?? text);
        add({ kind: 'cut', text: whole, selector: selectorOf(element), rect: clipper.box, other: { text: whole, selector: selectorOf(clipper.element), rect: clipper.box },
          description: `cut: "${whole}" [${selectorOf(clipper.element)}] ${fmt(clipper.box)} ends in an ellipsis with no title/aria-label holding the whole text` });
      };

      const scrollingStyle = styleOf(document.documentElement);
      const bodyStyle = styleOf(document.body);
      const docOverflow = (axis: 'x' | 'y'): string => {
        const own = axis === 'x' ? scrollingStyle.overflowX : scrollingStyle.overflowY;
        return own !== 'visible' ? own : axis === 'x' ? bodyStyle.overflowX : bodyStyle.overflowY;
      };
      const scroller = document.scrollingElement ?? document.documentElement;
      const docScrolls = {
        x: !['hidden', 'clip'].includes(docOverflow('x')) && scroller.scrollWidth > innerWidth,
        y: !['hidden', 'clip'].includes(docOverflow('y')) && scroller.scrollHeight > innerHeight,
      };

      // 1. Every text with ink, cut to what its clipping ancestors let through.
      const pieces: Piece[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
        const text = node.data;
        const element = node.parentElement;
        if (text.trim() === '' || element === null) continue;
        if (ignore !== '' && element.closest(ignore) !== null) continue;
        if (element.closest('script, style, noscript, template') !== null || invisible(element)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const fontSize = parseFloat(styleOf(element).fontSize);
        const rects: Box[] = [];
        for (const r of range.getClientRects()) {
          if (r.width < 0.5 || r.height < 0.5) continue;
          // The em box: the content area is taller than the font size by the font's ascent + descent excess.
          const trim = Math.max(0, (r.height - fontSize) / 2);
          rects.push({ left: r.left, top: r.top + trim, right: r.right, bottom: r.bottom - trim });
        }
        if (rects.length === 0) continue;
        const clippers = clippersOf(element);
        const piece: Piece = { node, element, text, rects, visible: [], clippers };
        const lineHeight = Math.max(...rects.map((r) => r.bottom - r.top));
        const full = clean(element.textContent ?? text);
        let reported = false;
        for (const rect of rects) {
          let seen = rect;
          for (const clipper of clippers) {
            // What the nearer clippers let through is what this one may cut.
            const cut = {
              x: clipper.x && (seen.left < clipper.box.left - tol || seen.right > clipper.box.right + tol),
              y: clipper.y && (seen.top < clipper.box.top - tol || seen.bottom > clipper.box.bottom + tol),
            };
            const clipBox: Box = {
              left: clipper.x ? clipper.box.left : -Infinity,
              right: clipper.x ? clipper.box.right : Infinity,
              top: clipper.y ? clipper.box.top : -Infinity,
              bottom: clipper.y ? clipper.box.bottom : Infinity,
            };
            const collapsed = clipper.box.right - clipper.box.left <= 2 || clipper.box.bottom - clipper.box.top <= 2;
            if (!reported && !collapsed && (cut.x || cut.y)) {
              const style = styleOf(clipper.element);
              const reachable = (!cut.x || scrollableTo(clipper, 'x', lineHeight)) && (!cut.y || scrollableTo(clipper, 'y', lineHeight));
              const ellipsis = cut.x && !cut.y && style.textOverflow === 'ellipsis' && isBlockContainer(style.display) && inlineWithin(element, clipper.element);
              const clamped = cut.y && style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '' && inlineWithin(element, clipper.element);
              const whole = wholeOnHover(element, clipper.element.textContent ?? text);
              const allGone = isEmpty(intersect(intersect(seen, clipBox), viewport));
              if (!reachable && (ellipsis || clamped) && !whole) {
                ellipsisWithoutWhole(clipper, element, text);
                reported = true;
              } else if (!reachable && !(ellipsis || clamped)) {
                const how = `overflow ${cut.x ? `x:${style.overflowX}` : ''}${cut.x && cut.y ? ' ' : ''}${cut.y ? `y:${style.overflowY}` : ''} with no ellipsis`;
                add({
                  kind: 'cut',
                  text: clean(text),
                  selector: selectorOf(element),
                  rect,
                  other: { text: full, selector: selectorOf(clipper.element), rect: clipper.box },
                  description: `cut: "${clean(text)}" [${selectorOf(element)}] ${fmt(rect)} is ${allGone ? 'hidden entirely' : 'cut'} by [${selectorOf(clipper.element)}] ${fmt(clipper.box)}, ${how}`,
                });
                reported = true;
              }
            }
            seen = intersect(seen, clipBox);
          }
          piece.visible.push(seen);
        }
        // An ellipsis that truncates without the whole text on hover, even when the rects stop at the ellipsis.
        for (const clipper of clippers) {
          const el = clipper.element;
          const style = styleOf(el);
          if (reported || style.textOverflow !== 'ellipsis' || !clipper.x || el.scrollWidth <= el.clientWidth + tol || !inlineWithin(element, el)) continue;
          if (!isBlockContainer(style.display) || wholeOnHover(element, el.textContent ?? text)) continue;
          ellipsisWithoutWhole(clipper, element, text);
          reported = true;
        }
        pieces.push(piece);
      }

      // 2. Behind an overlay layer (what a person sees at the text's centre belongs to another positioned, opaque
      // or modal box), a text is not seen: it neither counts nor is counted against.
      const covered = (piece: Piece): boolean => {
        const box = piece.visible.map((b) => intersect(b, viewport)).find((b) => !isEmpty(b));
        if (box === undefined) return false;
        const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
        if (hit === null || hit.contains(piece.node)) return false;
        // A positioned box covers the text when it, or a box inside it on the way to what was hit, is opaque (a toast
        // card in a transparent fixed stack paints over the page as much as an opaque popover does).
        let opaqueSeen = false;
        for (let e: Element | null = hit; e !== null && !e.contains(piece.node); e = e.parentElement) {
          if (e.matches(':modal')) return true;
          const style = styleOf(e);
          const layer = style.position === 'fixed' || style.position === 'absolute' || style.position === 'sticky';
          opaqueSeen ||= alphaOf(style.backgroundColor) >= 0.3 || style.backgroundImage !== 'none' || style.backdropFilter !== 'none';
          if (layer && opaqueSeen) return true;
        }
        return false;
      };
      const seenPieces = pieces.filter((p) => p.visible.some((b) => !isEmpty(b)) && !covered(p));

      // The layer a text is painted in: an open modal, or an opaque fixed or sticky box (a popover, a menu, a sticky
      // header or column). A layer paints over what lies outside it: its texts do not overprint the page's texts
      // they partly cover (those are partly hidden, as a person sees them), only texts in the same layer.
      const layers = new Map<Element, Element | null>();
      const layerOf = (element: Element): Element | null => {
        const known = layers.get(element);
        if (known !== undefined) return known;
        let layer: Element | null = null;
        let opaqueSeen = false;
        for (let e: Element | null = element; e !== null && layer === null; e = e.parentElement) {
          const style = styleOf(e);
          const floats = style.position === 'fixed' || style.position === 'sticky';
          opaqueSeen ||= alphaOf(style.backgroundColor) >= 0.3 || style.backgroundImage !== 'none';
          if (e.matches(':modal') || (floats && opaqueSeen)) layer = e;
        }
        layers.set(element, layer);
        return layer;
      };

      // 3. Overprints: two texts whose visible em boxes share more than the tolerance.
      interface Run {
        piece: Piece;
        box: Box;
      }
      const runs: Run[] = seenPieces.flatMap((piece) => piece.visible.filter((b) => !isEmpty(b)).map((box) => ({ piece, box })));
      runs.sort((a, b) => a.box.top - b.box.top);
      const reportedPairs = new Set<string>();
      const ids = new Map<Text, number>();
      const idOf = (node: Text): number => {
        let id = ids.get(node);
        if (id === undefined) {
          id = ids.size;
          ids.set(node, id);
        }
        return id;
      };
      for (let i = 0; i < runs.length; i += 1) {
        const a = runs[i] as Run;
        for (let j = i + 1; j < runs.length && (runs[j] as Run).box.top < a.box.bottom - tol; j += 1) {
          const b = runs[j] as Run;
          if (a.piece === b.piece || layerOf(a.piece.element) !== layerOf(b.piece.element)) continue;
          const overlap = intersect(a.box, b.box);
          if (isEmpty(overlap, tol)) continue;
          const key = `${Math.min(idOf(a.piece.node), idOf(b.piece.node))}:${Math.max(idOf(a.piece.node), idOf(b.piece.node))}`;
          if (reportedPairs.has(key)) continue;
          reportedPairs.add(key);
          add({
            kind: 'overlap',
            text: clean(a.piece.text),
            selector: selectorOf(a.piece.element),
            rect: a.box,
            other: { text: clean(b.piece.text), selector: selectorOf(b.piece.element), rect: b.box },
            description: `overlap: "${clean(a.piece.text)}" [${selectorOf(a.piece.element)}] ${fmt(a.box)} and "${clean(b.piece.text)}" [${selectorOf(b.piece.element)}] ${fmt(b.box)} overprint by ${Math.round(overlap.right - overlap.left)}×${Math.round(overlap.bottom - overlap.top)} px`,
          });
        }
      }

      // 4. Content that leaves the viewport (where the page cannot scroll to it) or its panel.
      const leaves = (box: Box, frame: Box): string | null => {
        const sides: string[] = [];
        if (box.left < frame.left - tol) sides.push(`left by ${Math.round(frame.left - box.left)} px`);
        if (box.right > frame.right + tol) sides.push(`right by ${Math.round(box.right - frame.right)} px`);
        if (box.top < frame.top - tol) sides.push(`top by ${Math.round(frame.top - box.top)} px`);
        if (box.bottom > frame.bottom + tol) sides.push(`bottom by ${Math.round(box.bottom - frame.bottom)} px`);
        return sides.length === 0 ? null : sides.join(', ');
      };
      const reachableInDocument = (box: Box, element: Element): boolean => {
        if (inFixedLayer(element)) return false;
        const pastRight = box.right > innerWidth + tol;
        const pastBottom = box.bottom > innerHeight + tol;
        const beforeStart = box.left + scrollX < -tol || box.top + scrollY < -tol;
        if (beforeStart) return false;
        return (!pastRight || docScrolls.x) && (!pastBottom || docScrolls.y) && (pastRight || pastBottom);
      };
      const checkPlace = (element: Element, box: Box, text: string): void => {
        const out = leaves(box, viewport);
        if (out !== null && !reachableInDocument(box, element)) {
          add({ kind: 'outside-viewport', text: clean(text), selector: selectorOf(element), rect: box,
            description: `outside the viewport: "${clean(text)}" [${selectorOf(element)}] ${fmt(box)} leaves the ${innerWidth}×${innerHeight} window at the ${out}` });
          return;
        }
        const region = element.closest(regions);
        if (region === null) return;
        for (let r: Element | null = region; r !== null; r = r.parentElement?.closest(regions) ?? null) {
          const frame = boxOf(r.getBoundingClientRect());
          const outside = leaves(box, frame);
          if (outside === null) continue;
          add({ kind: 'outside-panel', text: clean(text), selector: selectorOf(element), rect: box, other: { text: '', selector: selectorOf(r), rect: frame },
            description: `outside its panel: "${clean(text)}" [${selectorOf(element)}] ${fmt(box)} leaves [${selectorOf(r)}] ${fmt(frame)} at the ${outside}` });
          return;
        }
      };
      for (const piece of seenPieces) {
        const union = piece.visible.filter((b) => !isEmpty(b)).reduce<Box | null>((u, b) => (u === null ? b : { left: Math.min(u.left, b.left), top: Math.min(u.top, b.top), right: Math.max(u.right, b.right), bottom: Math.max(u.bottom, b.bottom) }), null);
        if (union !== null) checkPlace(piece.element, union, piece.text);
      }
      for (const control of root.querySelectorAll(CONTROLS)) {
        if (ignore !== '' && control.closest(ignore) !== null) continue;
        if (invisible(control)) continue;
        if ((TEXTLESS_ONLY.has(control.tagName) || control.hasAttribute('role')) && (control.textContent ?? '').trim() !== '') continue;
        const rect = control.getBoundingClientRect();
        if (rect.width < 1 || rect.height < 1) continue;
        let seen = boxOf(rect);
        for (const clipper of clippersOf(control)) {
          if (clipper.element === control) continue;
          seen = intersect(seen, { left: clipper.x ? clipper.box.left : -Infinity, right: clipper.x ? clipper.box.right : Infinity, top: clipper.y ? clipper.box.top : -Infinity, bottom: clipper.y ? clipper.box.bottom : Infinity });
        }
        if (isEmpty(seen)) continue;
        const label = control.getAttribute('aria-label') ?? control.getAttribute('title') ?? control.textContent ?? '';
        checkPlace(control, seen, `<${control.tagName.toLowerCase()}> ${label}`);
      }
      return findings;
    },
  };
  (globalThis as unknown as { soeLayoutProbe: typeof probe }).soeLayoutProbe = probe;
}
