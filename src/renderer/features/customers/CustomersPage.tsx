import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { can } from '../../../shared/oc/permissions';
import { useRouter, useServices, useSession, useUi } from '../../app/services';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { FormError } from '../../components/Field';
import '../reports/reports.css';
import '../settings/settings.css';
import { ContactsPanel } from './ContactsPanel';
import { CustomerEditor } from './CustomerEditor';
import { CustomerList } from './CustomerList';
import { createCustomersStore } from './customers-store';
import { customersT } from './messages';
import './customers.css';

// The customer register (SPEC §2, §8: plans are configured by leads and admins): the list on the left, the open
// customer — register, prerequisites, Extranet contacts — on the right. The route names the open customer, so
// the customer card of an OC or of the phone panel links straight to it.

export const CustomersPage = ({ id }: { id: string | null }) => {
  const { api } = useServices();
  const lang = useUi((s) => s.lang);
  const t = customersT(lang);
  const me = useSession((s) => s.analyst);
  const navigate = useRouter((s) => s.navigate);
  const [store] = useState(() => createCustomersStore(api));
  const [creating, setCreating] = useState(false);
  const card = useStore(store, (s) => s.card);
  const cardError = useStore(store, (s) => s.cardError);
  const allowed = me !== null && can(me, 'configure');
  useEffect(() => (allowed ? store.connect() : undefined), [store, allowed]);
  useEffect(() => {
    if (!allowed) return;
    if (id !== null) setCreating(false);
    void store.getState().open(id);
  }, [store, id, allowed]);

  if (!allowed) {
    return (
      <div className="page">
        <EmptyState icon="lock" title={t('forbidden')} />
      </div>
    );
  }
  const startNew = (): void => {
    setCreating(true);
    if (id !== null) navigate({ name: 'customers', id: null });
  };
  const open = card !== null && card.customer.id === id ? card : null;
  return (
    <div className="page lt-page cu-page" data-testid="customers-page">
      <header className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <div className="page-sub">{t('sub')}</div>
        </div>
        <span className="spacer" />
        {id === null || creating ? null : (
          <Button icon="history" onClick={() => navigate({ name: 'customer', id })} title={t('history.hint')} data-testid="customer-open-history">
            {t('history')}
          </Button>
        )}
        <Button variant="primary" icon="plus" onClick={startNew} data-testid="customer-new">
          {t('new')}
        </Button>
      </header>
      <div className="cu-grid">
        <CustomerList store={store} t={t} lang={lang} selectedId={creating ? null : id} onPick={(next) => navigate({ name: 'customers', id: next })} onHistory={(next) => navigate({ name: 'customer', id: next })} />
        <div className="cu-detail">
          {creating ? (
            <CustomerEditor key="new" store={store} card={null} t={t} lang={lang} onCreated={(next) => navigate({ name: 'customers', id: next })} />
          ) : id === null ? (
            <div className="card">
              <EmptyState icon="building" title={t('pick.title')}>
                {t('pick.body')}
              </EmptyState>
            </div>
          ) : cardError !== null ? (
            <FormError message={cardError.message[lang]} />
          ) : open === null ? (
            <p className="muted">{t('loading')}</p>
          ) : (
            <>
              <CustomerEditor key={open.customer.id} store={store} card={open} t={t} lang={lang} onCreated={() => undefined} />
              <ContactsPanel key={`contacts-${open.customer.id}`} store={store} card={open} t={t} lang={lang} />
            </>
          )}
        </div>
      </div>
    </div>
  );
};
