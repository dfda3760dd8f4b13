import { describe, expect, it } from 'vitest';
import type { CustomerListRow } from '../../../../src/shared/api/customer-admin';
import { EMPTY_FILTER, filterCustomers } from '../../../../src/renderer/features/customers/customer-list';

const row = (id: string, name: string, cnpj: string, plan: CustomerListRow['plan'], missing: CustomerListRow['missingEligibility'] = []): CustomerListRow => ({
  id, name, cnpj, plan, segment: 'industria', monthlyFeeCents: 100, missingEligibility: missing, contacts: 1, extranetContacts: 1, openOcs: 0, pending: false,
});

const rows = [
  row('1', 'Cerâmica São João Ltda.', '40624742000102', 'vip'),
  row('2', 'Atacadista Alvorada Ltda.', '39864657000132', 'prata', ['ead_extranet']),
  row('3', 'Construtora 2024 Ltda.', '12194107000105', 'ouro', ['implantacao_term', 'sla_acknowledged']),
];
const ids = (list: CustomerListRow[]) => list.map((r) => r.id);

describe('customer list filter', () => {
  it('matches names without accents or case', () => {
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, text: 'ceramica sao' }))).toEqual(['1']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, text: 'LTDA' }))).toEqual(['1', '2', '3']);
  });
  it('matches CNPJ digits anywhere, with or without punctuation; a short number in a name is a name', () => {
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, text: '39.864.657/0001' }))).toEqual(['2']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, text: '0001-05' }))).toEqual(['3']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, text: 'Construtora 2024' }))).toEqual(['3']);
  });
  it('filters by plan and eligibility', () => {
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, plan: 'prata' }))).toEqual(['2']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, eligibility: 'eligible' }))).toEqual(['1']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, eligibility: 'missing', plan: 'ouro' }))).toEqual(['3']);
    expect(ids(filterCustomers(rows, EMPTY_FILTER))).toEqual(['1', '2', '3']);
  });
});
