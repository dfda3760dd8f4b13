import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useDismissOnOutsideClick } from '../lib/use-dismiss';
import { Icon, type IconName } from './icons';
import { Kbd } from './Kbd';

export interface MenuItem {
  id: string;
  label: string;
  icon?: IconName;
  shortcut?: string;
  disabled?: boolean;
  /** Why it is disabled (shown as the item's tooltip). */
  reason?: string;
  danger?: boolean;
  onSelect: () => void;
}

/** A button that opens a list of actions; arrow keys move, Enter picks, Escape closes. */
export const MenuButton = ({ label, icon, items, align = 'left', testId }: { label: ReactNode; icon?: IconName; items: MenuItem[]; align?: 'left' | 'right'; testId?: string }) => {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismissOnOutsideClick(open, root, close);
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [open]);
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    items[(index + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };
  return (
    <div className="menu-root" ref={root} onKeyDown={onKeyDown}>
      <button type="button" className="btn btn-secondary btn-m" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} data-testid={testId}>
        {icon === undefined ? null : <Icon name={icon} size={15} />}
        <span className="btn-label">{label}</span>
        <Icon name="chevronDown" size={14} />
      </button>
      {open ? (
        <div className={`menu menu-${align}`} role="menu">
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className={`menu-item${item.danger === true ? ' is-danger' : ''}`}
              aria-disabled={item.disabled === true || undefined}
              title={item.disabled === true ? item.reason : undefined}
              onClick={() => {
                if (item.disabled === true) return;
                setOpen(false);
                item.onSelect();
              }}
            >
              {item.icon === undefined ? <span className="menu-icon" /> : <Icon name={item.icon} size={15} className="menu-icon" />}
              <span className="menu-label">{item.label}</span>
              {item.shortcut === undefined ? null : <Kbd keys={item.shortcut} subtle />}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
};
