import { useState } from 'react';
import { LEVELS, ROLES, type Analyst, type Level, type Role } from '../../../shared/domain';
import { can } from '../../../shared/oc/permissions';
import { useServices, useSession } from '../../app/services';
import { Button } from '../../components/Button';
import { Field, FormError, Select, TextInput } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { MultiSelect } from '../../components/MultiSelect';
import type { Lang } from '../../i18n/define';
import type { SettingsT } from './messages';

// Analysts (level, specialties, capacity) are the lead's; users and roles are the admin's (SPEC §8). The
// 'analyst.upsert' mutator enforces both; the form only disables what the person may not change.

type Form = Omit<Analyst, 'createdAt' | 'updatedAt'>;

const ROLE_LABEL: Record<Role, { 'pt-BR': string; en: string }> = {
  analyst: { 'pt-BR': 'Analista', en: 'Analyst' },
  lead: { 'pt-BR': 'Líder', en: 'Lead' },
  admin: { 'pt-BR': 'Administrador', en: 'Admin' },
};

const AnalystDialog = ({ initial, isNew, onClose, t, lang }: { initial: Form; isNew: boolean; onClose: () => void; t: SettingsT; lang: Lang }) => {
  const { api, session } = useServices();
  const me = useSession((s) => s.analyst);
  const catalog = useSession((s) => s.directory.catalog);
  const [form, setForm] = useState<Form>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const admin = me !== null && can(me, 'manage_users');
  const set = <K extends keyof Form>(key: K, value: Form[K]): void => setForm({ ...form, [key]: value });
  const save = async (): Promise<void> => {
    setBusy(true);
    const { id, ...rest } = form;
    const result = await api.call('analyst.upsert', isNew ? rest : { id, ...rest });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message[lang]);
      return;
    }
    await session.getState().refresh();
    onClose();
  };
  const options = (kind: 'module' | 'segment') => catalog.filter((c) => c.kind === kind && (c.active || form[kind === 'module' ? 'modules' : 'segments'].includes(c.id))).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Modal
      title={isNew ? t('people.new') : form.name}
      onClose={onClose}
      width={640}
      testId="analyst-dialog"
      footer={
        <Button variant="primary" busy={busy} onClick={() => void save()} data-testid="analyst-save">
          {isNew ? t('people.new') : t('catalog.save')}
        </Button>
      }
    >
      <FormError message={error} />
      <div className="form-grid">
        <Field label={t('people.name')}>{(id) => <TextInput id={id} value={form.name} onChange={(e) => set('name', e.target.value)} data-testid="analyst-name" />}</Field>
        <Field label={t('people.login')}>{(id) => <TextInput id={id} value={form.login} onChange={(e) => set('login', e.target.value)} data-testid="analyst-login" />}</Field>
        <Field label={t('people.email')}>{(id) => <TextInput id={id} type="email" value={form.email} onChange={(e) => set('email', e.target.value)} data-testid="analyst-email" />}</Field>
        <Field label={t('people.capacity')}>
          {(id) => <TextInput id={id} type="number" min={1} max={200} value={form.capacity} onChange={(e) => set('capacity', Math.round(Number(e.target.value) || 1))} data-testid="analyst-capacity" />}
        </Field>
        <Field label={t('people.level')}>
          {(id) => (
            <Select id={id} value={form.level} onChange={(e) => set('level', e.target.value as Level)}>
              {LEVELS.map((l) => <option key={l} value={l}>{l.toUpperCase()}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t('people.role')} hint={admin ? undefined : t('people.roleAdminOnly')}>
          {(id, describedBy) => (
            <Select id={id} value={form.role} disabled={!admin} aria-describedby={describedBy} onChange={(e) => set('role', e.target.value as Role)} data-testid="analyst-role">
              {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABEL[r][lang]}</option>)}
            </Select>
          )}
        </Field>
        <div className="span-2 st-row">
          <MultiSelect label={t('people.modules')} options={options('module')} value={form.modules} onChange={(v) => set('modules', v)} />
          <MultiSelect label={t('people.segments')} options={options('segment')} value={form.segments} onChange={(v) => set('segments', v)} />
          <label className="st-check">
            <input type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} />
            {t('people.active')}
          </label>
        </div>
      </div>
    </Modal>
  );
};

const blank = (): Form => ({ id: '', name: '', login: '', email: '', level: 'n1', role: 'analyst', modules: [], segments: [], capacity: 8, presence: 'offline', active: true });

export const PeopleSection = ({ t, lang }: { t: SettingsT; lang: Lang }) => {
  const analysts = useSession((s) => s.directory.analysts);
  const catalogName = useSession((s) => s.catalogName);
  const [editing, setEditing] = useState<{ form: Form; isNew: boolean } | null>(null);
  return (
    <section className="card st-card" data-testid="settings-people">
      <div className="st-row">
        <Button variant="primary" icon="plus" onClick={() => setEditing({ form: blank(), isNew: true })} data-testid="analyst-new">
          {t('people.new')}
        </Button>
      </div>
      <table className="lt-table">
        <thead>
          <tr>
            <th>{t('people.name')}</th>
            <th>{t('people.login')}</th>
            <th>{t('people.level')}</th>
            <th>{t('people.role')}</th>
            <th>{t('people.modules')}</th>
            <th>{t('people.segments')}</th>
            <th className="num">{t('people.capacity')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {analysts.map((a) => (
            <tr key={a.id} data-analyst={a.login} className={a.active ? undefined : 'st-inactive'}>
              <td>
                {a.name} {a.active ? null : <span className="tag">{t('people.inactive')}</span>}
              </td>
              <td className="mono">{a.login}</td>
              <td>{a.level.toUpperCase()}</td>
              <td>{ROLE_LABEL[a.role][lang]}</td>
              <td className="st-list">{a.modules.map(catalogName).join(', ')}</td>
              <td className="st-list">{a.segments.map(catalogName).join(', ')}</td>
              <td className="num">{a.capacity}</td>
              <td>
                <Button size="s" icon="pencil" onClick={() => setEditing({ form: (({ createdAt: _c, updatedAt: _u, ...rest }) => rest)(a), isNew: false })}>
                  {t('people.edit')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing === null ? null : <AnalystDialog initial={editing.form} isNew={editing.isNew} onClose={() => setEditing(null)} t={t} lang={lang} />}
    </section>
  );
};
