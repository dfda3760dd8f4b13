import { useClick, useDismiss, useInteractions, useListNavigation } from '@floating-ui/react';
import { useId, useRef, useState } from 'react';
import { useT } from '../app/services';
import { FloatingLayer, useAnchored } from './floating';
import { Icon } from './icons';

export interface Option {
  value: string;
  label: string;
}

/**
 * A filter chip: shows what is selected; opens a checklist inside the window. Arrow keys move between the
 * options, Space or Enter ticks one, Escape closes and focus returns to the chip.
 */
export const MultiSelect = ({ label, options, value, onChange, testId }: { label: string; options: Option[]; value: string[]; onChange: (value: string[]) => void; testId?: string }) => {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const itemsRef = useRef<Array<HTMLElement | null>>([]);
  const listId = useId();
  const { refs, floatingStyles, context, nodeId } = useAnchored({ open, onOpenChange: setOpen });
  const { getReferenceProps, getFloatingProps, getItemProps } = useInteractions([
    useClick(context),
    useDismiss(context),
    useListNavigation(context, { listRef: itemsRef, activeIndex: active, onNavigate: setActive, loop: true, focusItemOnOpen: true }),
  ]);
  const selected = options.filter((o) => value.includes(o.value));
  const summary = selected.length === 0 ? null : selected.length === 1 ? selected[0]?.label : `${selected.length}`;
  const toggle = (option: Option): void => onChange(value.includes(option.value) ? value.filter((v) => v !== option.value) : [...value, option.value]);
  return (
    <>
      <button
        type="button"
        ref={refs.setReference}
        className={`chip${selected.length > 0 ? ' is-set' : ''}`}
        title={selected.length > 1 ? selected.map((o) => o.label).join(', ') : undefined}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        data-testid={testId}
        {...getReferenceProps()}
      >
        <span className="chip-label">{label}</span>
        {summary === null ? null : <span className="chip-value">{summary}</span>}
        <Icon name="chevronDown" size={12} />
      </button>
      {open ? (
        <FloatingLayer nodeId={nodeId} context={context} initialFocus={-1}>
          <div ref={refs.setFloating} className="menu menu-check" style={floatingStyles} {...getFloatingProps()}>
            <div role="listbox" id={listId} aria-multiselectable="true" aria-label={label}>
            {options.map((option, index) => {
              const checked = value.includes(option.value);
              return (
                <div
                  key={option.value}
                  role="option"
                  aria-selected={checked}
                  ref={(el) => {
                    itemsRef.current[index] = el;
                  }}
                  tabIndex={active === index ? 0 : -1}
                  className="menu-item menu-check-item"
                  {...getItemProps({
                    onClick: () => toggle(option),
                    onKeyDown: (e: React.KeyboardEvent) => {
                      if (e.key !== ' ' && e.key !== 'Enter') return;
                      e.preventDefault();
                      toggle(option);
                    },
                  })}
                >
                  <span className={`check-box${checked ? ' is-checked' : ''}`} aria-hidden="true">
                    {checked ? <Icon name="check" size={11} /> : null}
                  </span>
                  <span className="menu-label">{option.label}</span>
                </div>
              );
            })}
            </div>
            {value.length > 0 ? (
              <button type="button" className="menu-item menu-clear" onClick={() => onChange([])}>
                <Icon name="x" size={13} className="menu-icon" />
                <span className="menu-label">{t('common.clear')}</span>
              </button>
            ) : null}
          </div>
        </FloatingLayer>
      ) : null}
    </>
  );
};
