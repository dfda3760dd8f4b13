import { useClick, useDismiss, useInteractions, useListNavigation, useRole, useTypeahead } from '@floating-ui/react';
import { useId, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { FloatingLayer, useAnchored } from './floating';
import { Icon, type IconName } from './icons';
import { Kbd } from './Kbd';

export interface MenuItem {
  id: string;
  label: string;
  icon?: IconName;
  shortcut?: string;
  disabled?: boolean;
  /** Why it is disabled (the item's tooltip, and its description for screen readers). */
  reason?: string;
  danger?: boolean;
  onSelect: () => void;
}

/**
 * A button that opens a list of actions, always inside the window (it opens upwards near the bottom edge and
 * scrolls when taller than the room). Arrow keys, Home/End and the first letters move; Enter or Space picks;
 * Escape closes and focus returns to the button. Disabled items stay reachable, so their reason can be read.
 */
export const MenuButton = ({ label, icon, items, align = 'left', testId, focusAfterPick = 'button' }: {
  label: ReactNode;
  icon?: IconName;
  items: MenuItem[];
  align?: 'left' | 'right';
  testId?: string;
  /**
   * Where focus goes once an item is picked: back to the button (the default), or wherever the item puts it
   * ('item': the composer's templates select a placeholder to type over, which a focus handed back to the
   * button a frame later would take away). Escape always gives it back to the button.
   */
  focusAfterPick?: 'button' | 'item';
}) => {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const itemsRef = useRef<Array<HTMLElement | null>>([]);
  const labelsRef = useRef<Array<string | null>>([]);
  labelsRef.current = items.map((item) => item.label);
  const reasonId = useId();
  const [picked, setPicked] = useState(false);
  const onOpenChange = (next: boolean): void => {
    if (next) setPicked(false);
    setOpen(next);
  };
  const { refs, floatingStyles, context, nodeId } = useAnchored({ open, onOpenChange, placement: align === 'right' ? 'bottom-end' : 'bottom-start' });
  const { getReferenceProps, getFloatingProps, getItemProps } = useInteractions([
    useClick(context),
    useDismiss(context),
    useRole(context, { role: 'menu' }),
    useListNavigation(context, { listRef: itemsRef, activeIndex: active, onNavigate: setActive, loop: true, focusItemOnOpen: true, disabledIndices: [] }),
    useTypeahead(context, { listRef: labelsRef, activeIndex: active, onMatch: (index) => open && setActive(index) }),
  ]);
  const pick = (item: MenuItem): void => {
    if (item.disabled === true) return;
    // Rendered before the menu closes: the focus manager reads it as it unmounts.
    flushSync(() => setPicked(focusAfterPick === 'item'));
    setOpen(false);
    // After the menu has closed and handed focus back to its button: a dialog the item opens then takes focus
    // from there, and gives it back to the button when it closes.
    setTimeout(item.onSelect, 0);
  };
  return (
    <>
      <button type="button" ref={refs.setReference} className="btn btn-secondary btn-m" data-testid={testId} {...getReferenceProps()}>
        {icon === undefined ? null : <Icon name={icon} size={15} />}
        <span className="btn-label">{label}</span>
        <Icon name="chevronDown" size={14} />
      </button>
      {open ? (
        <FloatingLayer nodeId={nodeId} context={context} initialFocus={-1} returnFocus={!picked}>
          <div ref={refs.setFloating} className="menu" style={floatingStyles} data-testid={testId === undefined ? undefined : `${testId}-menu`} {...getFloatingProps()}>
            {items.map((item, index) => (
              <button
                key={item.id}
                type="button"
                role="menuitem"
                ref={(el) => {
                  itemsRef.current[index] = el;
                }}
                tabIndex={active === index ? 0 : -1}
                className={`menu-item${item.danger === true ? ' is-danger' : ''}`}
                aria-disabled={item.disabled === true || undefined}
                aria-describedby={item.disabled === true && item.reason !== undefined ? `${reasonId}-${index}` : undefined}
                title={item.disabled === true ? item.reason : undefined}
                data-testid={testId === undefined ? undefined : `${testId}-item-${item.id}`}
                {...getItemProps({ onClick: () => pick(item) })}
              >
                {item.icon === undefined ? <span className="menu-icon" /> : <Icon name={item.icon} size={15} className="menu-icon" />}
                <span className="menu-label">{item.label}</span>
                {item.shortcut === undefined ? null : <Kbd keys={item.shortcut} subtle />}
                {item.disabled === true && item.reason !== undefined ? (
                  <span id={`${reasonId}-${index}`} className="sr-only">
                    {item.reason}
                  </span>
                ) : null}
              </button>
            ))}
          </div>
        </FloatingLayer>
      ) : null}
    </>
  );
};
