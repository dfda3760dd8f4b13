import type { ReactNode } from 'react';

export interface TabDef<K extends string> {
  id: K;
  label: ReactNode;
  count?: number;
}

/** Segmented tabs; the count is part of the accessible name. */
export const Tabs = <K extends string>({ tabs, value, onChange, label }: { tabs: TabDef<K>[]; value: K; onChange: (id: K) => void; label: string }) => (
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
        {tab.count === undefined ? null : <span className="tab-count">{tab.count}</span>}
      </button>
    ))}
  </div>
);
