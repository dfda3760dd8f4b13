import { useState } from 'react';
import type { ApiError } from '../../../shared/api/result';
import type { CustomerCard } from '../../../shared/api/views';
import type { Contact } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { Icon } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import { seatUse } from './contact-form';
import { ContactDialog, Refusal } from './ContactDialog';
import type { CustomersStore } from './customers-store';
import type { CustomersT } from './messages';

/**
 * A customer's contacts with their Extranet access. The plan's rule is stated above the list (manual, "Abertura de
 * OC": Prata and Ouro — the project manager only; VIP — plus one contact); the toggle saves at once and a refusal
 * by the seat rule is shown right here.
 */
export const ContactsPanel = ({ store, card, t, lang }: { store: CustomersStore; card: CustomerCard; t: CustomersT; lang: Lang }) => {
  const [editing, setEditing] = useState<{ contact: Contact | null } | null>(null);
  const [toggleError, setToggleError] = useState<ApiError | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const { customer, contacts } = card;
  const use = seatUse(customer.plan, contacts);
  const toggle = async (contact: Contact, access: boolean): Promise<void> => {
    setToggling(contact.id);
    setToggleError(null);
    const { createdAt: _c, updatedAt: _u, ...args } = contact;
    const result = await store.getState().saveContact({ ...args, extranetAccess: access });
    setToggling(null);
    if (!result.ok) setToggleError(result.error);
  };
  return (
    <section className="card cu-card" aria-label={t('ct.title')} data-testid="customer-contacts">
      <div className="cu-card-head">
        <Icon name="users" size={14} />
        <h3>{t('ct.title')}</h3>
        <span className="spacer" />
        <Button variant="primary" size="s" icon="plus" onClick={() => setEditing({ contact: null })} data-testid="contact-new">
          {t('ct.new')}
        </Button>
      </div>
      <div className="cu-rule" data-testid="contacts-rule">
        <Icon name="lock" size={14} />
        <div>
          <strong>{t(`ct.rule.${customer.plan}`)}</strong> {t('ct.rule.only')}
        </div>
        <span className={`tag ${use.holders.length >= use.seats ? 'tag-info' : ''}`} data-testid="contacts-seats">
          {t('ct.seats', { used: use.holders.length, seats: use.seats })}
        </span>
      </div>
      <Refusal error={toggleError} onDismiss={() => setToggleError(null)} hint={t('cd.full', { names: use.holders.map((c) => c.name).join(', ') || '—' })} t={t} lang={lang} testId="contacts-refusal" />
      {contacts.length === 0 ? (
        <p className="faint">{t('ct.empty')}</p>
      ) : (
        <table className="lt-table cu-contacts">
          <thead>
            <tr>
              <th>{t('ct.name')}</th>
              <th>{t('ct.role')}</th>
              <th>{t('ct.email')}</th>
              <th>{t('ct.phone')}</th>
              <th>{t('ct.extranet')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.id} data-contact={c.email} className={c.active ? undefined : 'st-inactive'} data-testid="contact-row">
                <td>
                  {c.name} {c.active ? null : <span className="tag">{t('ct.inactive')}</span>}
                </td>
                <td>{t(`role.${c.role}`)}</td>
                <td className="mono">{c.email}</td>
                <td>{c.phone ?? '—'}</td>
                <td>
                  <label className="cu-switch">
                    <input
                      type="checkbox"
                      role="switch"
                      checked={c.extranetAccess}
                      disabled={toggling !== null || !c.active || (c.role === 'usuario' && !c.extranetAccess)}
                      aria-label={t('ct.toggle', { name: c.name })}
                      onChange={(e) => void toggle(c, e.target.checked)}
                      data-testid="contact-extranet-toggle"
                    />
                    <span className="cu-switch-track" aria-hidden="true" />
                  </label>
                </td>
                <td className="num">
                  <Button size="s" icon="pencil" onClick={() => setEditing({ contact: c })} data-testid="contact-edit">
                    {t('ct.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing === null ? null : (
        <ContactDialog store={store} customer={customer} contacts={contacts} contact={editing.contact} onClose={() => setEditing(null)} t={t} lang={lang} />
      )}
    </section>
  );
};
