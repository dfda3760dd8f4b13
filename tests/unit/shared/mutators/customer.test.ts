import { describe, expect, it } from 'vitest';
import { ANA, BEATRIZ, contact, customer, World } from '../../../fixtures/domain';

describe('Extranet contacts within the plan limit (manual, "Abertura de OC")', () => {
  const second = (extra: Record<string, unknown> = {}) => ({ ...contact({ id: 'c2', name: 'Outro Contato', email: 'outro@aurora.com.br', role: 'contato_adicional' }), ...extra });
  const strip = ({ createdAt: _c, updatedAt: _u, ...rest }: ReturnType<typeof second>) => rest;

  it('allows Prata/Ouro only the project manager', () => {
    const world = new World();
    expect(world.run('contact.upsert', strip(second()), world.as(BEATRIZ))).toMatchObject({ code: 'EXTRANET_SEATS_EXCEEDED', details: { over: ['Outro Contato'] } });
    world.ok('contact.upsert', strip(second({ extranetAccess: false })), world.as(BEATRIZ));
  });

  it('allows VIP the project manager plus one contact, not two', () => {
    const world = new World();
    world.state.write([{ table: 'customer', row: customer({ plan: 'vip' }) }], []);
    world.ok('contact.upsert', strip(second()), world.as(BEATRIZ));
    expect(world.run('contact.upsert', strip(second({ id: 'c3', name: 'Terceiro Contato' })), world.as(BEATRIZ))).toMatchObject({ code: 'EXTRANET_SEATS_EXCEEDED' });
  });

  it('refuses Extranet access to a plain user and to an analyst acting as non-lead', () => {
    const world = new World();
    expect(world.run('contact.upsert', strip(second({ role: 'usuario' })), world.as(BEATRIZ))).toMatchObject({ code: 'EXTRANET_ROLE' });
    expect(world.run('contact.upsert', strip(second({ extranetAccess: false })), world.as(ANA))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });

  it('refuses a downgrade from VIP while the extra contact still has access', () => {
    const world = new World();
    world.state.write([{ table: 'customer', row: customer({ plan: 'vip' }) }], []);
    world.ok('contact.upsert', strip(second()), world.as(BEATRIZ));
    const { createdAt: _c, updatedAt: _u, ...row } = customer({ plan: 'ouro' });
    expect(world.run('customer.upsert', row, world.as(BEATRIZ))).toMatchObject({ code: 'EXTRANET_SEATS_EXCEEDED' });
  });

  it('carries a plan change to each open OC as an event', () => {
    const world = new World();
    world.ok('oc.create', { id: 'oc', customerId: 'cust-1', channel: 'extranet', module: 'fiscal', criticidade: 'alta', kind: 'erro', subject: 'Assunto', description: 'd' }, world.contactActor());
    const { createdAt: _c, updatedAt: _u, ...row } = customer({ plan: 'vip' });
    const events = world.ok('customer.upsert', row, world.as(BEATRIZ));
    expect(events.map((e) => e.data)).toEqual([{ type: 'plan_changed', from: 'ouro', to: 'vip' }]);
    expect(world.oc('oc').plan).toBe('vip');
  });
});

describe('people', () => {
  it('lets a lead set specialties but only an admin change roles', () => {
    const world = new World();
    const { createdAt: _c, updatedAt: _u, ...ana } = ANA;
    world.ok('analyst.upsert', { ...ana, modules: ['crm'] }, world.as(BEATRIZ));
    expect(world.state.analysts.get('ana')?.modules).toEqual(['crm']);
    expect(world.run('analyst.upsert', { ...ana, role: 'lead' }, world.as(BEATRIZ))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });

  it('lets analysts set their own presence only', () => {
    const world = new World();
    world.ok('analyst.setPresence', { analystId: 'ana', presence: 'break' }, world.as(ANA));
    expect(world.run('analyst.setPresence', { analystId: 'bruno', presence: 'break' }, world.as(ANA))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });

  it('shows a recado to its recipient until done', () => {
    const world = new World();
    world.ok('recado.create', { id: 'r', forAnalystId: 'bruno', customerId: 'cust-1', callerName: 'Gerente', message: 'Retornar sobre a NF' }, world.as(ANA));
    expect(world.run('recado.done', { recadoId: 'r' }, world.as(ANA))).toMatchObject({ code: 'NOT_OWNER' });
    world.ok('recado.done', { recadoId: 'r' }, world.as({ ...ANA, id: 'bruno' }));
    expect(world.state.recados.get('r')?.doneById).toBe('bruno');
  });
});
