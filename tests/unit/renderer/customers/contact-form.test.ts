import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../../src/shared/domain';
import { upsertContact } from '../../../../src/shared/mutators/customer';
import { blankContactForm, formOfContact, seatPreview, seatUse, validateContactForm, type ContactForm } from '../../../../src/renderer/features/customers/contact-form';

const contact = (id: string, role: Contact['role'], extranetAccess: boolean, active = true): Contact => ({
  id,
  customerId: 'c1',
  name: `Contato ${id}`,
  email: `${id}@cliente.com.br`,
  phone: null,
  role,
  extranetAccess,
  active,
  createdAt: 1,
  updatedAt: 1,
});

const form = (patch: Partial<ContactForm> = {}): ContactForm => ({ name: 'Paula Nogueira', email: 'Paula@Cliente.com.br ', phone: '', role: 'contato_adicional', extranetAccess: true, active: true, ...patch });
const target = { customerId: 'c1', id: null };

describe('contact form', () => {
  it('starts as project manager until the customer has an active one', () => {
    expect(blankContactForm([]).role).toBe('gerente_projeto');
    expect(blankContactForm([contact('a', 'gerente_projeto', true, false)]).role).toBe('gerente_projeto');
    expect(blankContactForm([contact('a', 'gerente_projeto', true)]).role).toBe('contato_adicional');
  });
  it('builds contact.upsert arguments the mutator accepts', () => {
    const result = validateContactForm(form({ phone: ' (11) 3456-7890 ' }), target);
    expect(result).toEqual({
      ok: true,
      args: { customerId: 'c1', name: 'Paula Nogueira', email: 'paula@cliente.com.br', phone: '(11) 3456-7890', role: 'contato_adicional', extranetAccess: true, active: true },
    });
    if (result.ok) expect(upsertContact.args.safeParse({ ...result.args, id: 'k' }).success).toBe(true);
    const edit = validateContactForm(formOfContact(contact('k', 'usuario', false)), { customerId: 'c1', id: 'k' });
    expect(edit.ok && edit.args).toMatchObject({ id: 'k', phone: null });
  });
  it('names each wrong field', () => {
    const result = validateContactForm(form({ name: 'P', email: 'paula@', phone: '123' }), target);
    expect(result).toEqual({ ok: false, problems: { name: 'err.contactName', email: 'err.email', phone: 'err.phone' } });
  });
  it('a plain user never carries Extranet access', () => {
    const result = validateContactForm(form({ role: 'usuario', extranetAccess: true }), target);
    expect(result.ok && result.args.extranetAccess).toBe(false);
  });
});

describe('Extranet seats as the screen explains them', () => {
  const manager = contact('gp', 'gerente_projeto', true);
  const additional = contact('ad', 'contato_adicional', true);
  it('VIP: the project manager plus one; a third is what the mutator refuses', () => {
    expect(seatUse('vip', [manager, additional, contact('x', 'usuario', false)])).toMatchObject({ seats: 2, holders: [manager, additional] });
    expect(seatPreview('vip', [manager], form(), target)).toBeNull();
    const refused = seatPreview('vip', [manager, additional], form(), target);
    expect(refused?.code).toBe('EXTRANET_SEATS_EXCEEDED');
    expect(refused?.message['pt-BR']).toContain('O plano VIP permite o gerente de projeto e mais 1 contato na Extranet');
    expect(seatPreview('vip', [manager, additional], form({ extranetAccess: false }), target)).toBeNull();
  });
  it('Prata and Ouro: only the project manager; editing the holder itself is not double-counted', () => {
    expect(seatUse('ouro', [manager]).seats).toBe(1);
    expect(seatPreview('prata', [manager], form(), target)?.code).toBe('EXTRANET_SEATS_EXCEEDED');
    expect(seatPreview('ouro', [manager], { ...formOfContact(manager), phone: '' }, { customerId: 'c1', id: 'gp' })).toBeNull();
    expect(seatPreview('ouro', [manager], form({ role: 'gerente_projeto' }), target)?.code).toBe('EXTRANET_SEATS_EXCEEDED');
  });
});
