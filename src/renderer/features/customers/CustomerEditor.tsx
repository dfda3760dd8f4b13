import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { CustomerCard } from '../../../shared/api/views';
import { formatCnpj, onlyDigits, type Plan, PLAN_LABELS, PLANS } from '../../../shared/domain';
import { useServices, useSession } from '../../app/services';
import { PlanBadge } from '../../components/badges';
import { Button } from '../../components/Button';
import { Field, FormError, Select, TextInput } from '../../components/Field';
import { Icon } from '../../components/icons';
import type { Lang } from '../../i18n/define';

import { blankCustomerForm, cnpjProblem, customerFormDirty, dayOf, formOfCustomer, validateCustomerForm, type CustomerForm, type FormProblem } from './customer-form';
import type { CustomersStore } from './customers-store';
import { EligibilityEditor } from './EligibilityEditor';
import { missingLabel, type CustomersT } from './messages';

/**
 * Creates or edits one customer: register data, plan and fee, licensed modules and the dated prerequisites. The
 * draft stays in this component until saved as one 'customer.upsert'; a version synced in meanwhile replaces it
 * only when nothing was typed.
 */
export const CustomerEditor = ({ store, card, t, lang, onCreated }: { store: CustomersStore; card: CustomerCard | null; t: CustomersT; lang: Lang; onCreated: (id: string) => void }) => {
  const { clock } = useServices();
  const catalog = useSession((s) => s.directory.catalog);
  const rows = useStore(store, (s) => s.rows);
  const customer = card?.customer ?? null;
  const saved = useMemo(() => (customer === null ? blankCustomerForm() : formOfCustomer(customer, lang)), [customer, lang]);
  const [{ form, base }, setDraft] = useState({ form: saved, base: saved });
  const [attempted, setAttempted] = useState(false);
  const [cnpjTouched, setCnpjTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  useEffect(() => setDraft((d) => ({ base: saved, form: customerFormDirty(d.form, d.base) ? d.form : saved })), [saved]);

  const today = dayOf(clock.read());
  const context = { lang, today, id: customer?.id ?? null, existing: rows ?? [], before: customer };
  const validation = validateCustomerForm(form, context);
  const problems: Partial<Record<string, FormProblem>> = validation.ok ? {} : validation.problems;
  const shown = (field: string): string | null => {
    const problem = problems[field];
    if (problem === undefined || !(attempted || (field === 'cnpj' && cnpjTouched))) return null;
    return t(problem.key, problem.params);
  };
  const dirty = customerFormDirty(form, base);
  const edit = (patch: Partial<CustomerForm>): void => {
    setDraft((d) => ({ ...d, form: { ...d.form, ...patch } }));
    setJustSaved(false);
  };

  const save = async (): Promise<void> => {
    setAttempted(true);
    if (!validation.ok) {
      setError(t('err.fix'));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await store.getState().saveCustomer(validation.args);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message[lang]);
      return;
    }
    setAttempted(false);
    setJustSaved(true);
    if (customer === null) onCreated(result.value);
  };

  const segments = catalog.filter((c) => c.kind === 'segment' && (c.active || c.id === form.segment));
  const modules = catalog.filter((c) => c.kind === 'module' && (c.active || form.modules.includes(c.id)));
  const planChangesOpen = customer !== null && form.plan !== customer.plan && (card?.openOcs ?? 0) > 0;
  const eligibleSaved = card !== null && card.missingEligibility.length === 0;
  return (
    <section className="card cu-card" aria-label={customer?.name ?? t('new')} data-testid="customer-editor">
      <header className="cu-head">
        <div className="cu-head-text">
          <h2 className="cu-title">
            {customer === null ? t('new') : (
              <>
                <PlanBadge plan={customer.plan} lang={lang} /> <span data-testid="customer-title">{customer.name}</span>
              </>
            )}
          </h2>
          <div className="faint">{customer === null ? t('edit.newSub') : `${formatCnpj(customer.cnpj)} · ${t('edit.openOcs', { count: card?.openOcs ?? 0 })}`}</div>
        </div>
        {card === null ? null : (
          <span className={`tag ${eligibleSaved ? 'tag-ok' : 'tag-warn'}`} data-testid="customer-saved-state">
            <Icon name={eligibleSaved ? 'checkCircle' : 'triangle'} size={12} />
            {eligibleSaved ? t('elig.ok') : missingLabel(t, card.missingEligibility.length)}
          </span>
        )}
      </header>
      <FormError message={error} />
      <div className="cu-form">
        <div className="cu-span-2">
          <Field label={t('f.name')} error={shown('name')}>
            {(id, d) => <TextInput id={id} aria-describedby={d} value={form.name} onChange={(e) => edit({ name: e.target.value })} data-testid="customer-name" />}
          </Field>
        </div>
        <Field label={t('f.cnpj')} hint={t('f.cnpjHint')} error={shown('cnpj')}>
          {(id, d) => (
            <TextInput
              id={id}
              aria-describedby={d}
              inputMode="numeric"
              placeholder="00.000.000/0000-00"
              value={form.cnpj}
              onChange={(e) => edit({ cnpj: e.target.value })}
              onBlur={() => {
                setCnpjTouched(form.cnpj.trim() !== '');
                if (cnpjProblem(form.cnpj) === null) edit({ cnpj: formatCnpj(onlyDigits(form.cnpj)) });
              }}
              data-testid="customer-cnpj"
            />
          )}
        </Field>
        <Field label={t('f.segment')} error={shown('segment')}>
          {(id, d) => (
            <Select id={id} aria-describedby={d} value={form.segment} onChange={(e) => edit({ segment: e.target.value })} data-testid="customer-segment">
              <option value="">{t('f.segmentPick')}</option>
              {segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t('f.plan')} hint={planChangesOpen ? t('plan.reachesOpen', { count: card?.openOcs ?? 0 }) : t(`plan.seats.${form.plan}`)}>
          {(id, d) => (
            <Select id={id} aria-describedby={d} value={form.plan} onChange={(e) => edit({ plan: e.target.value as Plan })} data-testid="customer-plan">
              {PLANS.map((p) => <option key={p} value={p}>{PLAN_LABELS[p][lang]}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t('f.fee')} hint={t('f.feeHint')} error={shown('fee')}>
          {(id, d) => <TextInput id={id} aria-describedby={d} inputMode="decimal" placeholder={lang === 'pt-BR' ? '0,00' : '0.00'} value={form.fee} onChange={(e) => edit({ fee: e.target.value })} data-testid="customer-fee" />}
        </Field>
      </div>
      <div className="cu-two">
        <fieldset className="cu-fieldset" data-testid="customer-modules">
          <legend>{t('f.modules')}</legend>
          <div className="cu-modules">
            {modules.map((m) => (
              <label key={m.id} className="cu-check">
                <input
                  type="checkbox"
                  checked={form.modules.includes(m.id)}
                  onChange={(e) => edit({ modules: e.target.checked ? [...form.modules, m.id] : form.modules.filter((x) => x !== m.id) })}
                  data-testid={`module-${m.id}`}
                />
                <span>{m.name}</span>
              </label>
            ))}
          </div>
          {shown('modules') === null ? null : <div className="field-error" role="alert">{shown('modules')}</div>}
        </fieldset>
        <EligibilityEditor
          checks={form.checks}
          onChange={(item, check) => edit({ checks: { ...form.checks, [item]: check } })}
          problems={attempted && !validation.ok ? validation.problems : {}}
          today={today}
          t={t}
        />
      </div>
      <footer className={`cu-savebar${dirty ? ' is-dirty' : ''}`}>
        <span className="cu-savebar-text" role="status" data-testid="customer-save-status">
          {dirty ? t('save.dirty') : justSaved ? t('save.done') : ''}
        </span>
        {dirty && customer !== null ? (
          <Button onClick={() => (setDraft({ form: base, base }), setAttempted(false), setError(null))} data-testid="customer-discard">
            {t('save.discard')}
          </Button>
        ) : null}
        <Button variant="primary" icon="check" busy={busy} disabled={!dirty && customer !== null} onClick={() => void save()} data-testid="customer-save">
          {customer === null ? t('save.create') : t('save.update')}
        </Button>
      </footer>
    </section>
  );
};
