import { useRef, useState } from 'react';
import { LEVELS, ROLES, type Analyst, type Level, type Role } from '../../../shared/domain';
import { can } from '../../../shared/oc/permissions';
import { useLeaveGuard } from '../../app/LeavePrompt';
import { useServices, useSession } from '../../app/services';
import { Button } from '../../components/Button';
import { Field, FormError, Select, TextInput } from '../../components/Field';
import { Icon } from '../../components/icons';
import { Modal } from '../../components/Modal';
import { MultiSelect } from '../../components/MultiSelect';
import type { Lang } from '../../i18n/define';
import type { SettingsT } from './messages';
import { passwordT } from './password-messages';
import { PasswordPair, SetPasswordPanel } from './SetPasswordPanel';
import { passwordProblem, setPasswordOnline, type PasswordProblem } from './set-password';

// Analysts (level, specialties, capacity) are the lead's; users, roles and passwords are the admin's (SPEC §8).
// The 'analyst.upsert' mutator and 'people.setPassword' enforce both; the form only hides what the person may
// not change. A new analyst may get an initial password in the same step: saved first, then set online.

export type AnalystForm = Omit<Analyst, 'createdAt' | 'updatedAt'>;

export const ROLE_LABEL: Record<Role, { 'pt-BR': string; en: string }> = {
  analyst: { 'pt-BR': 'Analista', en: 'Analyst' },
  lead: { 'pt-BR': 'Líder', en: 'Lead' },
  admin: { 'pt-BR': 'Administrador', en: 'Admin' },
};

export const AnalystDialog = ({ initial, isNew, onClose, t, lang }: { initial: AnalystForm; isNew: boolean; onClose: () => void; t: SettingsT; lang: Lang }) => {
  const { api, session, clock } = useServices();
  const me = useSession((s) => s.analyst);
  const catalog = useSession((s) => s.directory.catalog);
  const [form, setForm] = useState<AnalystForm>(initial);
  // Once saved (even if its password then failed) the dialog edits that analyst, so saving again never duplicates.
  const [savedId, setSavedId] = useState<string | null>(isNew ? null : initial.id);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [initialPassword, setInitialPassword] = useState({ password: '', confirm: '' });
  const [passwordIssue, setPasswordIssue] = useState<PasswordProblem | null>(null);
  const fields = useRef<HTMLDivElement>(null);
  // What was last saved (the form as opened, then each saved state): changes after it are unsaved.
  const [baseline, setBaseline] = useState(initial);
  useLeaveGuard('people.analyst', JSON.stringify(form) !== JSON.stringify(baseline) || initialPassword.password !== '', 'section');
  // A busy save button loses focus; a refusal puts it back in the form so Escape and Tab keep working.
  const refused = (message: string): void => {
    setError(message);
    fields.current?.querySelector('input')?.focus();
  };
  const admin = me !== null && can(me, 'manage_users');
  const pt = passwordT(lang);
  const creating = savedId === null;
  const withPassword = admin && creating && (initialPassword.password !== '' || initialPassword.confirm !== '');
  const set = <K extends keyof AnalystForm>(key: K, value: AnalystForm[K]): void => setForm({ ...form, [key]: value });
  const save = async (): Promise<void> => {
    // The password is checked before anything is saved: a refused password must not leave a half-made analyst.
    const issue = withPassword ? passwordProblem(initialPassword.password, initialPassword.confirm) : null;
    setPasswordIssue(issue);
    if (issue !== null) return;
    setBusy(true);
    setError(null);
    const { id: _id, ...rest } = form;
    const result = await api.call('analyst.upsert', savedId === null ? rest : { id: savedId, ...rest });
    if (!result.ok) {
      setBusy(false);
      refused(result.error.message[lang]);
      return;
    }
    const id = result.value.id ?? savedId;
    setSavedId(id);
    setBaseline(form);
    if (withPassword && id !== null) {
      const outcome = await setPasswordOnline(api, { kind: 'analyst', id }, initialPassword.password, { now: clock.read });
      setInitialPassword({ password: '', confirm: '' });
      if (!outcome.ok) {
        setBusy(false);
        await session.getState().refresh();
        refused(pt('pw.analyst.createdNoPassword', { reason: outcome.error.message[lang] }));
        return;
      }
    }
    setBusy(false);
    await session.getState().refresh();
    onClose();
  };
  const options = (kind: 'module' | 'segment') => catalog.filter((c) => c.kind === kind && (c.active || form[kind === 'module' ? 'modules' : 'segments'].includes(c.id))).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Modal
      title={creating ? t('people.new') : form.name}
      onClose={onClose}
      width={680}
      testId="analyst-dialog"
      footer={
        <Button variant="primary" busy={busy} onClick={() => void save()} data-testid="analyst-save">
          {creating ? t('people.new') : t('catalog.save')}
        </Button>
      }
    >
      <FormError message={error} />
      <div className="form-grid" ref={fields}>
        <Field label={t('people.name')}>{(id) => <TextInput id={id} value={form.name} onChange={(e) => set('name', e.target.value)} data-testid="analyst-name" />}</Field>
        <Field label={t('people.login')}>{(id) => <TextInput id={id} value={form.login} onChange={(e) => set('login', e.target.value)} data-testid="analyst-login" />}</Field>
        <Field label={t('people.email')}>{(id) => <TextInput id={id} type="email" value={form.email} onChange={(e) => set('email', e.target.value)} data-testid="analyst-email" />}</Field>
        <Field label={t('people.capacity')}>
          {(id) => <TextInput id={id} type="number" min={1} max={200} value={form.capacity} onChange={(e) => set('capacity', Math.round(Number(e.target.value) || 1))} data-testid="analyst-capacity" />}
        </Field>
        <Field label={t('people.level')}>
          {(id) => (
            <Select id={id} value={form.level} onChange={(e) => set('level', e.target.value as Level)} data-testid="analyst-level">
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
          <MultiSelect label={t('people.modules')} options={options('module')} value={form.modules} onChange={(v) => set('modules', v)} testId="analyst-modules" />
          <MultiSelect label={t('people.segments')} options={options('segment')} value={form.segments} onChange={(v) => set('segments', v)} testId="analyst-segments" />
          <label className="st-check">
            <input type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} />
            {t('people.active')}
          </label>
        </div>
      </div>
      {!admin ? null : creating ? (
        <section className="pw-panel" aria-label={pt('pw.analyst.title')} data-testid="analyst-initial-panel">
          <div className="pw-head">
            <Icon name="lock" size={14} />
            <span>{pt('pw.analyst.title')}</span>
          </div>
          <PasswordPair
            password={initialPassword.password}
            confirm={initialPassword.confirm}
            onChange={setInitialPassword}
            problem={passwordIssue}
            t={pt}
            testId="analyst-initial"
            label={pt('pw.analyst.initial')}
          />
          <div className="field-hint">{pt('pw.analyst.initialHint')}</div>
        </section>
      ) : (
        <SetPasswordPanel target={{ kind: 'analyst', id: savedId }} title={pt('pw.analyst.title')} testId="analyst-pw" />
      )}
    </Modal>
  );
};
