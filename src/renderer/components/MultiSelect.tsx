import { useCallback, useRef, useState } from 'react';
import { useDismissOnOutsideClick } from '../lib/use-dismiss';
import { useT } from '../app/services';
import { Icon } from './icons';

export interface Option {
  value: string;
  label: string;
}

/** A filter chip: shows what is selected; opens a checklist. */
export const MultiSelect = ({ label, options, value, onChange, testId }: { label: string; options: Option[]; value: string[]; onChange: (value: string[]) => void; testId?: string }) => {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismissOnOutsideClick(open, root, close);
  const selected = options.filter((o) => value.includes(o.value));
  const summary = selected.length === 0 ? null : selected.length === 1 ? selected[0]?.label : `${selected.length}`;
  return (
    <div className="menu-root" ref={root} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setOpen(false))}>
      <button type="button" className={`chip${selected.length > 0 ? ' is-set' : ''}`} aria-haspopup="listbox" aria-expanded={open} onClick={() => setOpen(!open)} data-testid={testId}>
        <span className="chip-label">{label}</span>
        {summary === null ? null : <span className="chip-value">{summary}</span>}
        <Icon name="chevronDown" size={12} />
      </button>
      {open ? (
        <div className="menu menu-left menu-check" role="listbox" aria-multiselectable="true" aria-label={label}>
          {options.map((option) => {
            const checked = value.includes(option.value);
            return (
              <label key={option.value} className="menu-item menu-check-item">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => onChange(checked ? value.filter((v) => v !== option.value) : [...value, option.value])}
                />
                <span className="menu-label">{option.label}</span>
              </label>
            );
          })}
          {value.length > 0 ? (
            <button type="button" className="menu-item menu-clear" onClick={() => onChange([])}>
              <Icon name="x" size={13} className="menu-icon" />
              <span className="menu-label">{t('common.clear')}</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
};
