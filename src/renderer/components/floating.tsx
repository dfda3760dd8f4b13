import {
  autoUpdate,
  flip,
  FloatingFocusManager,
  FloatingNode,
  FloatingOverlay,
  FloatingPortal,
  hide,
  offset,
  shift,
  size,
  useClick,
  useDismiss,
  useFloating,
  useFloatingNodeId,
  useInteractions,
  useRole,
  type Placement,
} from '@floating-ui/react';
import { useCallback, useRef, type ReactElement, type ReactNode } from 'react';

// The one mechanism that keeps floating things inside the window: every menu, checklist, popover, tooltip and
// date picker is anchored with @floating-ui (flip to the side with room, shift along the edge, never taller or
// wider than the room left — the content scrolls instead), rendered in a portal so no clipping ancestor cuts it,
// and registered in one FloatingTree so a popover opened inside a dialog is part of that dialog.

/** Room kept between a floating element and the window's edges. */
export const WINDOW_MARGIN = 8;

export interface AnchoredOptions {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  placement?: Placement;
  /** Distance from the anchor. */
  gap?: number;
}

/** Position state of an element anchored to another (the anchor is `refs.setReference`, the element `refs.setFloating`). */
export const useAnchored = ({ open, onOpenChange, placement = 'bottom-start', gap = 4 }: AnchoredOptions) => {
  const nodeId = useFloatingNodeId();
  const floating = useFloating({
    nodeId,
    open,
    onOpenChange,
    placement,
    strategy: 'fixed',
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(gap),
      flip({ padding: WINDOW_MARGIN }),
      shift({ padding: WINDOW_MARGIN }),
      size({
        padding: WINDOW_MARGIN,
        apply({ availableWidth, availableHeight, elements }) {
          elements.floating.style.maxWidth = `${Math.max(0, Math.floor(availableWidth))}px`;
          elements.floating.style.maxHeight = `${Math.max(0, Math.floor(availableHeight))}px`;
        },
      }),
      // Says when the anchor has scrolled out of sight (middlewareData.hide), for those that follow a moving anchor.
      hide({ padding: WINDOW_MARGIN }),
    ],
  });
  return { ...floating, nodeId };
};

/**
 * Where an open floating element lives: a portal at the end of the document, inside its node of the tree.
 * `focus` manages focus like a non-modal popover (focus moves in, Tab leaves and closes it, focus goes back to
 * the anchor when it closes); tooltips pass `focus={false}`.
 */
export const FloatingLayer = ({
  nodeId,
  context,
  focus = true,
  initialFocus,
  returnFocus = true,
  children,
}: {
  nodeId: string | undefined;
  context: ReturnType<typeof useFloating>['context'];
  focus?: boolean;
  initialFocus?: number | React.MutableRefObject<HTMLElement | null>;
  /** false: focus stays where the closing action put it instead of going back to the anchor. */
  returnFocus?: boolean;
  children: ReactElement;
}) => (
  <FloatingNode id={nodeId}>
    <FloatingPortal>
      {focus ? (
        <FloatingFocusManager context={context} modal={false} initialFocus={initialFocus ?? 0} returnFocus={returnFocus}>
          {children}
        </FloatingFocusManager>
      ) : (
        children
      )}
    </FloatingPortal>
  </FloatingNode>
);

/** The control a dialog starts in: an explicit choice (data-autofocus), else its first field, else its first button. */
const FIRST_FIELD = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), [role="spinbutton"], button:not(.modal-close):not([disabled])';

/**
 * A modal layer (dialogs, the command palette): centred in the window over a backdrop, never taller than it,
 * focus trapped inside and returned to where it was on close, Escape and a press on the backdrop dismiss it.
 * The same tree as the popovers, so a date picker or menu opened inside belongs to the dialog.
 */
export const DialogLayer = ({
  onClose,
  label,
  className,
  style,
  testId,
  onKeyDown,
  children,
}: {
  onClose: () => void;
  label: string;
  className: string;
  style?: React.CSSProperties;
  testId?: string;
  onKeyDown?: (event: React.KeyboardEvent) => void;
  children: ReactNode;
}) => {
  const nodeId = useFloatingNodeId();
  const { refs, context } = useFloating({ nodeId, open: true, onOpenChange: (open) => (open ? undefined : onClose()) });
  const dismiss = useDismiss(context, { outsidePressEvent: 'mousedown' });
  const role = useRole(context, { role: 'dialog' });
  const { getFloatingProps } = useInteractions([dismiss, role]);
  const initial = useRef<HTMLElement | null>(null);
  // Chosen when the panel attaches (before the focus manager's effects run), so focus lands on the first field.
  const attach = useCallback(
    (el: HTMLDivElement | null) => {
      refs.setFloating(el);
      initial.current = el === null ? null : (el.querySelector<HTMLElement>('[data-autofocus]') ?? el.querySelector<HTMLElement>(FIRST_FIELD) ?? el);
    },
    [refs],
  );
  return (
    <FloatingNode id={nodeId}>
      <FloatingPortal>
        <FloatingOverlay className="modal-backdrop" lockScroll>
          <FloatingFocusManager context={context} initialFocus={initial} returnFocus>
            <div
              ref={attach}
              className={className}
              aria-modal="true"
              aria-label={label}
              tabIndex={-1}
              style={style}
              data-testid={testId}
              {...getFloatingProps({ onKeyDown })}
            >
              {children}
            </div>
          </FloatingFocusManager>
        </FloatingOverlay>
      </FloatingPortal>
    </FloatingNode>
  );
};

/** A button's popover panel (role dialog, non-modal): a click toggles it, Escape and a press outside close it. */
export const usePopover = (options: AnchoredOptions) => {
  const anchored = useAnchored(options);
  const { getReferenceProps, getFloatingProps } = useInteractions([useClick(anchored.context), useDismiss(anchored.context), useRole(anchored.context, { role: 'dialog' })]);
  return { ...anchored, getReferenceProps, getFloatingProps };
};
