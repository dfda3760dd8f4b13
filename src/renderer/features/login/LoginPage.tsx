import { useState } from 'react';
import { useSession, useSync, useT, useUi } from '../../app/services';
import { Button } from '../../components/Button';
import { Field, FormError, TextInput } from '../../components/Field';
import { Icon } from '../../components/icons';
import { Logo } from '../../app/Logo';

export const LoginPage = () => {
  const { t, lang } = useT();
  const login = useSession((s) => s.login);
  const busy = useSession((s) => s.busy);
  const error = useSession((s) => s.loginError);
  const sync = useSync((s) => s.sync);
  const setLang = useUi((s) => s.setLang);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    if (user.trim() === '' || password === '') return setMissing(true);
    setMissing(false);
    void login(user.trim(), password);
  };
  return (
    <div className="login" data-testid="login-page">
      <form className="login-card" onSubmit={submit} noValidate>
        <div className="login-brand">
          <Logo size={40} />
          <div>
            <div className="login-name">{t('app.name')}</div>
            <div className="faint">{t('app.tagline')}</div>
          </div>
        </div>
        <h1>{t('login.title')}</h1>
        <FormError message={missing ? t('login.missing') : error === null ? null : error.message[lang]} />
        <Field label={t('login.user')}>
          {(id) => <TextInput id={id} autoComplete="username" autoFocus value={user} onChange={(e) => setUser(e.target.value)} data-testid="login-user" />}
        </Field>
        <Field label={t('login.password')}>
          {(id) => <TextInput id={id} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />}
        </Field>
        <Button type="submit" variant="primary" busy={busy} className="login-submit" data-testid="login-submit">
          {t('login.submit')}
        </Button>
        {sync?.status === 'offline' ? (
          <div className="notice-line">
            <Icon name="wifiOff" size={14} /> {t('login.offline')}
          </div>
        ) : sync?.status === 'local_only' ? (
          <div className="faint login-note">{t('login.localOnly')}</div>
        ) : null}
        <div className="login-foot">
          <span className="faint">{t('login.footer')}</span>
          <button type="button" className="link" onClick={() => setLang(lang === 'pt-BR' ? 'en' : 'pt-BR')} data-testid="login-lang">
            {t('nav.language')}
          </button>
        </div>
      </form>
    </div>
  );
};
