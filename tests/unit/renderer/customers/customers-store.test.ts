import { describe, expect, it } from 'vitest';
import type { CustomerListRow } from '../../../../src/shared/api/customer-admin';
import { createCustomersStore } from '../../../../src/renderer/features/customers/customers-store';
import { createApiClient } from '../../../../src/renderer/lib/api/client';
import { fakeTransport } from '../fake-transport';

const listRow = (id: string): CustomerListRow => ({ id, name: `Cliente ${id}`, cnpj: '40624742000102', plan: 'vip', segment: 'industria', monthlyFeeCents: 1, missingEligibility: [], contacts: 0, extranetContacts: 0, openOcs: 0, pending: false });
const card = (id: string) => ({ customer: { id }, contacts: [], missingEligibility: [], openOcs: 0 });

describe('customers store', () => {
  it('loads the list, opens a card, and a later open wins over an earlier slow one', async () => {
    const fake = fakeTransport((method, args) => {
      if (method === 'customer.list') return { ok: true, value: [listRow('c1'), listRow('c2')] };
      if (method === 'customer.card') return { ok: true, value: card((args as { id: string }).id) };
      return { ok: false, error: { code: 'X', message: { 'pt-BR': 'x', en: 'x' } } };
    });
    const store = createCustomersStore(createApiClient(fake.transport));
    await store.getState().load();
    expect(store.getState().rows?.map((r) => r.id)).toEqual(['c1', 'c2']);
    const first = store.getState().open('c1');
    const second = store.getState().open('c2');
    await Promise.all([first, second]);
    expect(store.getState().openId).toBe('c2');
    expect(store.getState().card?.customer.id).toBe('c2');
    await store.getState().open(null);
    expect(store.getState().card).toBeNull();
  });

  it('a saved customer reloads the list and opens with its new id; a refusal is returned untouched', async () => {
    const refusal = { code: 'EXTRANET_SEATS_EXCEEDED', message: { 'pt-BR': 'O plano VIP permite…', en: 'The VIP plan allows…' } };
    const fake = fakeTransport((method, args) => {
      if (method === 'customer.upsert') return { ok: true, value: { id: 'new-1', mutationId: 7 } };
      if (method === 'contact.upsert') return { ok: false, error: refusal };
      if (method === 'customer.list') return { ok: true, value: [listRow('new-1')] };
      if (method === 'customer.card') return { ok: true, value: card((args as { id: string }).id) };
      return { ok: true, value: null };
    });
    const store = createCustomersStore(createApiClient(fake.transport));
    const args = { name: 'Nova Ltda.', cnpj: '40624742000102', segment: 'industria', modules: ['fiscal'], plan: 'vip' as const, monthlyFeeCents: 1, implantacaoTermSignedAt: null, eadExtranetCompletedAt: null, slaAcknowledgedAt: null };
    expect(await store.getState().saveCustomer(args)).toEqual({ ok: true, value: 'new-1' });
    expect(store.getState().openId).toBe('new-1');
    expect(store.getState().rows?.map((r) => r.id)).toEqual(['new-1']);
    const contact = { customerId: 'new-1', name: 'Paula', email: 'p@x.com.br', phone: null, role: 'contato_adicional' as const, extranetAccess: true, active: true };
    expect(await store.getState().saveContact(contact)).toEqual({ ok: false, error: refusal });
  });

  it('follows customer and contact changes synced from elsewhere, not OC traffic', async () => {
    let lists = 0;
    const fake = fakeTransport((method) => {
      if (method === 'customer.list') lists++;
      return { ok: true, value: method === 'customer.list' ? [] : card('c1') };
    });
    const store = createCustomersStore(createApiClient(fake.transport));
    const disconnect = store.connect();
    await new Promise((r) => setTimeout(r, 10));
    expect(lists).toBe(1);
    fake.emit('data.changed', { tables: ['ocorrencia'], ocIds: ['o1'] });
    fake.emit('data.changed', { tables: ['contact'], ocIds: [] });
    fake.emit('data.changed', { tables: ['customer'], ocIds: [] });
    await new Promise((r) => setTimeout(r, 600));
    expect(lists).toBe(2);
    disconnect();
  });
});
