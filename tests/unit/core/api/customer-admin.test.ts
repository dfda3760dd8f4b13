import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cnpjCheckDigits, foldText } from '../../../../src/shared/domain';
import { seededCore, type TestCore } from '../../../fixtures/core';

// The lead's customer register: 'customer.list' over the replica, and the two mutators it saves through.

describe('customer register queries', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await seededCore(300, 11);
  });
  afterAll(async () => t.close());

  it('is for leads and admins only', async () => {
    await t.call('session.login', { login: 'ana', password: 'demo' });
    expect((await t.fail('customer.list', {})).code).toBe('FORBIDDEN_ROLE');
    await t.call('session.logout', {});
  });

  it('lists every customer by name with eligibility, contact and open OC counts that match the card', async () => {
    await t.call('session.login', { login: 'beatriz', password: 'demo' });
    const rows = await t.call('customer.list', {});
    expect(rows.length).toBeGreaterThanOrEqual(30);
    const names = rows.map((r) => foldText(r.name));
    expect([...names].sort()).toEqual(names);
    expect(rows.some((r) => r.missingEligibility.length > 0)).toBe(true);
    for (const row of rows.slice(0, 15)) {
      const card = await t.call('customer.card', { id: row.id });
      expect(row.missingEligibility).toEqual(card.missingEligibility);
      expect(row.contacts).toBe(card.contacts.length);
      expect(row.extranetContacts).toBe(card.contacts.filter((c) => c.active && c.extranetAccess).length);
      expect(row.openOcs).toBe(card.openOcs);
      expect(row.cnpj).toBe(card.customer.cnpj);
    }
  });

  it('a customer saved here is listed at once, pending; contacts count; the plan limit refuses a third Extranet contact', async () => {
    const base = '451239870001';
    const ack = await t.call('customer.upsert', {
      name: 'Metalúrgica Horizonte Ltda.', cnpj: `${base}${cnpjCheckDigits(base)}`, segment: 'industria', modules: ['financeiro'], plan: 'vip',
      monthlyFeeCents: 480_000, implantacaoTermSignedAt: null, eadExtranetCompletedAt: null, slaAcknowledgedAt: null,
    });
    const id = ack.id as string;
    const contact = (name: string, role: 'gerente_projeto' | 'contato_adicional') =>
      ({ customerId: id, name, email: `${name.toLowerCase()}@horizonte.com.br`, phone: null, role, extranetAccess: true, active: true });
    await t.call('contact.upsert', contact('Helena', 'gerente_projeto'));
    await t.call('contact.upsert', contact('Otavio', 'contato_adicional'));
    const refused = await t.fail('contact.upsert', contact('Paula', 'contato_adicional'));
    expect(refused.code).toBe('EXTRANET_SEATS_EXCEEDED');
    expect(refused.message['pt-BR']).toContain('O plano VIP permite o gerente de projeto e mais 1 contato na Extranet');
    const row = (await t.call('customer.list', {})).find((r) => r.id === id);
    expect(row).toMatchObject({ name: 'Metalúrgica Horizonte Ltda.', plan: 'vip', contacts: 2, extranetContacts: 2, openOcs: 0, pending: true });
    expect(row?.missingEligibility).toEqual(['implantacao_term', 'ead_extranet', 'sla_acknowledged']);
  });
});
