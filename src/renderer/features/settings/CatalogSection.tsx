import { useState } from 'react';
import type { CatalogItem, CatalogKind } from '../../../shared/domain';
import { foldText } from '../../../shared/domain';
import { useLeaveGuard } from '../../app/LeavePrompt';
import { useServices, useSession } from '../../app/services';
import { Button } from '../../components/Button';
import { FormError, TextInput } from '../../components/Field';
import type { Lang } from '../../i18n/define';
import type { SettingsT } from './messages';

/** Slug id of a new module or segment: stable, lower-case, accent-free ("Produção (PCP)" → producao_pcp). */
export const catalogSlug = (name: string, taken: readonly string[]): string => {
  const base = foldText(name).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 36) || 'item';
  let id = base.length < 2 ? `${base}_x` : base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}_${n}`;
  return id;
};

const CatalogRow = ({ item, onSave, t }: { item: CatalogItem; onSave: (row: CatalogItem) => Promise<boolean>; t: SettingsT }) => {
  const [name, setName] = useState(item.name);
  const changed = name.trim() !== item.name;
  useLeaveGuard(`catalog.${item.kind}.${item.id}`, changed, 'section');
  return (
    <li className="st-catalog-row" data-catalog={item.id}>
      <TextInput value={name} onChange={(e) => setName(e.target.value)} aria-label={`${t('catalog.name')} ${item.id}`} />
      <label className="st-check">
        <input type="checkbox" checked={item.active} onChange={(e) => void onSave({ ...item, name: name.trim(), active: e.target.checked })} />
        {t('catalog.active')}
      </label>
      <Button size="s" icon="check" disabled={!changed || name.trim() === ''} onClick={() => void onSave({ ...item, name: name.trim() })}>
        {t('catalog.save')}
      </Button>
    </li>
  );
};

const CatalogList = ({ kind, t, lang }: { kind: CatalogKind; t: SettingsT; lang: Lang }) => {
  const { api, session } = useServices();
  const items = useSession((s) => s.directory.catalog).filter((c) => c.kind === kind);
  const all = useSession((s) => s.directory.catalog);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useLeaveGuard(`catalog.${kind}.new`, name.trim() !== '', 'section');
  /** Saves a row; false when refused (the reason is shown and what was typed stays). */
  const save = async (row: CatalogItem): Promise<boolean> => {
    const result = await api.call('catalog.upsert', row);
    if (!result.ok) {
      setError(result.error.message[lang]);
      return false;
    }
    setError(null);
    setStatus(t('catalog.saved', { name: row.name }));
    await session.getState().refresh();
    return true;
  };
  return (
    <section className="card st-card" data-testid={`catalog-${kind}`}>
      <h3 className="lt-h3">{kind === 'module' ? t('catalog.modules') : t('catalog.segments')}</h3>
      <ul className="st-catalog">
        {items.map((item) => <CatalogRow key={`${item.id}:${item.name}:${item.active}`} item={item} onSave={save} t={t} />)}
      </ul>
      <div className="st-row">
        <TextInput value={name} placeholder={kind === 'module' ? t('catalog.newModule') : t('catalog.newSegment')} onChange={(e) => setName(e.target.value)} data-testid={`catalog-new-${kind}`} />
        <Button icon="plus" disabled={name.trim().length < 1} onClick={() => void save({ id: catalogSlug(name, all.map((c) => c.id)), kind, name: name.trim(), active: true }).then((saved) => saved && setName(''))}>
          {t('catalog.add')}
        </Button>
      </div>
      <FormError message={error} />
      {status === null ? null : <p className="st-done" role="status">{status}</p>}
    </section>
  );
};

export const CatalogSection = ({ t, lang }: { t: SettingsT; lang: Lang }) => (
  <div className="st-columns">
    <CatalogList kind="module" t={t} lang={lang} />
    <CatalogList kind="segment" t={t} lang={lang} />
  </div>
);
