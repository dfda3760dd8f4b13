import { useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/result';
import { CONTACT_ROLES, PLAN_LABELS, type Contact, type ContactRole, type Customer } from '../../../shared/domain';
import { Button, IconButton } from '../../components/Button';
import { Field, FormError, Select, TextInput } from '../../components/Field';
import { Modal } from '../../components/Modal';
import type { Lang } from '../../i18n/define';
import { passwordT } from '../settings/password-messages';
import { SetPasswordPanel } from '../settings/SetPasswordPanel';
import { blankContactForm, formOfContact, roleMayUseExtranet, seatPreview, seatUse, validateContactForm, type ContactField, type ContactForm } from './contact-form';
import type { CustomersStore } from './customers-store';
import type { CustomersT } from './messages';

/** Codes of the seat rule's refusals (extranetSeatProblem): shown as "refused by the plan limit". */
export const SEAT_CODES: readonly string[] = ['EXTRANET_SEATS_EXCEEDED', 'EXTRANET_ROLE'];

/** The mutator's refusal, said plainly: a plan-limit refusal gets its own heading. */
export const Refusal = ({ error, hint, onDismiss, t, lang, testId }: { error: ApiError | null; hint?: string; onDismiss?: () => void; t: CustomersT; lang: Lang; testId: string }) => {
  if (error === null) return null;
  if (!SEAT_CODES.includes(error.code)) return <FormError message={error.message[lang]} />;
  return (
    <div className="form-error cu-refusal" role="alert" data-testid={testId} data-code={error.code}>
      <div className="cu-refusal-text">
        <strong>{t('ct.refused')}</strong>
        <div>{error.message[lang]}</div>
        {hint === undefined ? null : <div className="cu-refusal-hint">{hint}</div>}
      </div>
      {onDismiss === undefined ? null : <IconButton label={t('ct.dismiss')} icon="x" size="s" onClick={onDismiss} />}
    </div>
  );
};

/**
 * Creates or edits one Extranet contact. The plan's seat rule is explained next to the access box and previewed
 * with the mutator's own check; saving anyway shows the mutator's refusal. A contact saved with access may get
 * its Extranet password here (leads and admins; online only).
 */
export const ContactDialog = ({
  store,
  customer,
  contacts,
  contact,
  onClose,
  t,
  lang,
}: {
  store: CustomersStore;
  customer: Customer;
  contacts: readonly Contact[];
  contact: Contact | null;
  onClose: () => void;
  t: CustomersT;
  lang: Lang;
}) => {
  const [form, setForm] = useState<ContactForm>(() => (contact === null ? blankContactForm(contacts) : formOfContact(contact)));
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const access = useRef<HTMLInputElement>(null);
  const target = { customerId: customer.id, id: contact?.id ?? null };
  const validation = validateContactForm(form, target);
  const problem = (field: ContactField): string | null => (attempted && !validation.ok && validation.problems[field] !== undefined ? t(validation.problems[field]) : null);
  const set = <K extends keyof ContactForm>(key: K, value: ContactForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value, ...(key === 'role' && !roleMayUseExtranet(value as ContactRole) ? { extranetAccess: false } : {}) }));
    setError(null);
  };
  const preview = form.extranetAccess ? seatPreview(customer.plan, contacts, form, target) : null;
  const use = seatUse(customer.plan, contacts);
  const holders = use.holders.filter((c) => c.id !== target.id).map((c) => c.name).join(', ');
  const pt = passwordT(lang);

  const save = async (): Promise<void> => {
    setAttempted(true);
    if (!validation.ok) return;
    setBusy(true);
    const result = await store.getState().saveContact(validation.args);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      // Focus left with the busy button: put it on what the refusal is about, inside the dialog.
      access.current?.focus();
      return;
    }
    onClose();
  };

  return (
    <Modal
      title={contact === null ? t('cd.new') : contact.name}
      subtitle={t('cd.sub', { customer: customer.name, plan: PLAN_LABELS[customer.plan][lang] })}
      onClose={onClose}
      width={680}
      testId="contact-dialog"
      footer={
        <Button variant="primary" icon="check" busy={busy} onClick={() => void save()} data-testid="contact-save">
          {t('cd.save')}
        </Button>
      }
    >
      <Refusal error={error} hint={t('cd.full', { names: holders === '' ? '—' : holders })} t={t} lang={lang} testId="contact-refusal" />
      <div className="form-grid">
        <Field label={t('cd.name')} error={problem('name')}>
          {(id, d) => <TextInput id={id} aria-describedby={d} value={form.name} onChange={(e) => set('name', e.target.value)} data-testid="contact-name" />}
        </Field>
        <Field label={t('cd.role')}>
          {(id) => (
            <Select id={id} value={form.role} onChange={(e) => set('role', e.target.value as ContactRole)} data-testid="contact-role">
              {CONTACT_ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t('cd.email')} hint={t('cd.emailHint')} error={problem('email')}>
          {(id, d) => <TextInput id={id} type="email" aria-describedby={d} value={form.email} onChange={(e) => set('email', e.target.value)} data-testid="contact-email" />}
        </Field>
        <Field label={t('cd.phone')} optional={t('cd.optional')} error={problem('phone')}>
          {(id, d) => <TextInput id={id} type="tel" aria-describedby={d} value={form.phone} onChange={(e) => set('phone', e.target.value)} data-testid="contact-phone" />}
        </Field>
      </div>
      <div className="cu-access" data-testid="contact-access">
        <div className="cu-access-row">
          <label className="cu-check">
            <input
              ref={access}
              type="checkbox"
              checked={form.extranetAccess}
              disabled={!roleMayUseExtranet(form.role)}
              onChange={(e) => set('extranetAccess', e.target.checked)}
              data-testid="contact-extranet"
            />
            <span>{t('cd.extranet')}</span>
          </label>
          <label className="cu-check">
            <input type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} data-testid="contact-active" />
            <span>{t('cd.active')}</span>
          </label>
        </div>
        <div className="field-hint">
          {t(`ct.rule.${customer.plan}`)} {t('ct.seats', { used: use.holders.length, seats: use.seats })}
        </div>
        {!roleMayUseExtranet(form.role) ? <div className="field-hint">{t('cd.usuarioNoExtranet')}</div> : null}
        {preview !== null && error === null ? (
          <div className="cu-warn" role="status" data-testid="contact-seat-warning">
            {t('cd.full', { names: holders === '' ? '—' : holders })}
          </div>
        ) : null}
      </div>
      {form.extranetAccess || contact?.extranetAccess === true ? (
        <SetPasswordPanel
          target={contact === null ? null : { kind: 'contact', id: contact.id }}
          title={pt('pw.contact.title')}
          blockedReason={contact === null ? pt('pw.contact.saveFirst') : !contact.extranetAccess || !contact.active ? pt('pw.contact.noAccess') : null}
          testId="contact-pw"
        />
      ) : null}
    </Modal>
  );
};
