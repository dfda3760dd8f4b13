import type { ReactNode } from 'react';
import { useT } from '../app/services';
import { formatNumber } from '../lib/format';

export interface TabDef<K extends string> {
  id: K;
  label: ReactNode;
  count?: number;
}

/** Segmented tabs; the count is part of the accessible name. */
export const Tabs = <K extends string>({ tabs, value, onChange, label }: { tabs: TabDef<K>[]; value: K; onChange: (id: K) => void; label: string }) => {
  const { lang } = useT();
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === value}
          className={`tab${tab.id === value ? ' is-active' : ''}`}
          onClick={() => onChange(tab.id)}
          data-testid={`tab-${tab.id}`}
        >
          {tab.label}
          {tab.count === undefined ? null : <span className="tab-count">{formatNumber(tab.count, lang)}</span>}
        </button>
      ))}
    </div>
  );
};
