import { useRef, useState } from 'react';
import { useServices, useUi } from '../../app/services';
import { Button } from '../../components/Button';
import { Field, FormError, TextInput } from '../../components/Field';
import { Icon } from '../../components/icons';
import { passwordT, problemKey, type PasswordT } from './password-messages';
import { passwordProblem, setPasswordOnline, type PasswordProblem } from './set-password';
import './password.css';

// The typed password lives in these components' own state only (never a store, a draft or the outbox) and is
// cleared as soon as the server accepted it.

/** The password and its confirmation; the problem is shown under the field it is about. */
export const PasswordPair = ({
  password,
  confirm,
  onChange,
  problem,
  t,
  testId,
  label,
}: {
  password: string;
  confirm: string;
  onChange: (next: { password: string; confirm: string }) => void;
  problem: PasswordProblem | null;
  t: PasswordT;
  testId: string;
  label?: string;
}) => (
  <div className="pw-pair">
    <Field label={label ?? t('pw.new')} error={problem !== null && problem !== 'mismatch' ? t(problemKey(problem)) : null}>
      {(id, describedBy) => (
        <TextInput id={id} type="password" autoComplete="new-password" aria-describedby={describedBy} value={password} onChange={(e) => onChange({ password: e.target.value, confirm })} data-testid={`${testId}-password`} />
      )}
    </Field>
    <Field label={t('pw.confirm')} error={problem === 'mismatch' ? t(problemKey(problem)) : null}>
      {(id, describedBy) => (
        <TextInput id={id} type="password" autoComplete="new-password" aria-describedby={describedBy} value={confirm} onChange={(e) => onChange({ password, confirm: e.target.value })} data-testid={`${testId}-confirm`} />
      )}
    </Field>
  </div>
);

/** "Definir senha" for someone already saved: checks the rule here, then sends it online through the core. */
export const SetPasswordPanel = ({
  target,
  title,
  blockedReason = null,
  testId,
}: {
  target: { kind: 'analyst' | 'contact'; id: string } | null;
  title: string;
  /** Why a password cannot be set now (e.g. a contact without Extranet access); replaces the form. */
  blockedReason?: string | null;
  testId: string;
}) => {
  const { api, clock } = useServices();
  const lang = useUi((s) => s.lang);
  const t = passwordT(lang);
  const [typed, setTyped] = useState({ password: '', confirm: '' });
  const [problem, setProblem] = useState<PasswordProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const submit = async (): Promise<void> => {
    const found = passwordProblem(typed.password, typed.confirm);
    setProblem(found);
    setError(null);
    setDone(false);
    if (found !== null || target === null) return;
    setBusy(true);
    const result = await setPasswordOnline(api, target, typed.password, { now: clock.read });
    setBusy(false);
    // The busy button lost focus; bring it back inside the dialog so Escape and Tab keep working.
    panel.current?.querySelector('input')?.focus();
    if (!result.ok) {
      setError(result.error.message[lang]);
      return;
    }
    setTyped({ password: '', confirm: '' });
    setDone(true);
  };
  return (
    <section className="pw-panel" aria-label={title} data-testid={testId} ref={panel}>
      <div className="pw-head">
        <Icon name="lock" size={14} />
        <span>{title}</span>
      </div>
      {target === null || blockedReason !== null ? (
        <p className="pw-blocked" data-testid={`${testId}-blocked`}>
          {blockedReason}
        </p>
      ) : (
        <>
          <form
            className="pw-form"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <PasswordPair
              password={typed.password}
              confirm={typed.confirm}
              onChange={(next) => {
                setTyped(next);
                setDone(false);
              }}
              problem={problem}
              t={t}
              testId={testId}
            />
            <Button type="submit" icon="lock" busy={busy} data-testid={`${testId}-submit`}>
              {t('pw.button')}
            </Button>
          </form>
          <div className="field-hint">
            {t('pw.hint')} {t('pw.online')}
          </div>
          {busy ? <div className="pw-waiting">{t('pw.waiting')}</div> : null}
          <FormError message={error} />
          {done ? (
            <div className="pw-done" role="status" data-testid={`${testId}-done`}>
              <Icon name="checkCircle" size={14} /> {t('pw.done')}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
};
