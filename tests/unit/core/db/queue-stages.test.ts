import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueue } from '../../../../src/core/db/queue';
import type { QueueFilter, QueueRow } from '../../../../src/shared/api/views';
import { ocStage, type OcStage } from '../../../../src/shared/oc/stage';
import { seededCore, type TestCore } from '../../../fixtures/core';

// Issue 13 item 4: an escalated OC no N2 has taken is "aguardando_n2" in team views — the core's SQL filter and
// the shared rule (ocStage) must agree row for row, or the filter would show an OC under a label it does not wear.

let t: TestCore;
let escalatedId: string;
const view = (stages: OcStage[]): QueueRow[] => listQueue(t.core.db, { openOnly: true, limit: 100_000, stages } as QueueFilter, t.clock.now());
const all = (): QueueRow[] => listQueue(t.core.db, { openOnly: true, limit: 100_000 } as QueueFilter, t.clock.now());

beforeAll(async () => {
  t = await seededCore(400, 6);
  await t.call('session.login', { login: 'ana', password: 'demo' });
  const mine = await t.call('queue.mine', {});
  const oc = mine.available[0]!;
  await t.call('oc.take', { ocId: oc.id });
  const simulation = { steps: 'Emitir a nota do pedido 123.', environment: 'Homologação', evidence: '', expected: 'Nota emitida', actual: 'Erro de validação' };
  await t.call('oc.escalate', { ocId: oc.id, simulation });
  escalatedId = oc.id;
});
afterAll(() => t.close());

describe('team views by stage', () => {
  it('the OC Ana escalated waits for an N2 and is found by that stage only', () => {
    const waiting = view(['aguardando_n2']);
    expect(waiting.map((r) => r.id)).toContain(escalatedId);
    expect(view(['em_atendimento']).map((r) => r.id)).not.toContain(escalatedId);
  });

  it.each(['aguardando_n2', 'em_atendimento', 'nova', 'aguardando_cliente', 'reaberta'] as const)('%s: the SQL filter returns exactly the rows ocStage names so', (stage) => {
    const expected = all().filter((r) => ocStage(r) === stage).map((r) => r.id).sort();
    expect(view([stage]).map((r) => r.id).sort()).toEqual(expected);
  });

  it("the row carries its pick-up OLA while it waits, and loses it when an N2 takes it", async () => {
    const row = () => listQueue(t.core.db, { openOnly: true, limit: 100_000 } as QueueFilter, t.clock.now()).find((r) => r.id === escalatedId);
    const detail = await t.call('oc.get', { id: escalatedId });
    const ola = detail.sla.find((c) => c.clock === 'ola_n2');
    expect(ola?.dueAt).toEqual(expect.any(Number));
    expect(row()?.olaDueAt).toBe(ola?.dueAt);
    await t.call('session.login', { login: 'rafael', password: 'demo' });
    await t.call('oc.take', { ocId: escalatedId });
    expect(row()?.olaDueAt).toBeNull();
    expect(ocStage(row()!)).toBe('em_atendimento');
  });

  it('stages combine as a union, and every open row has one stage', () => {
    const stages = ['aguardando_n2', 'em_atendimento', 'nova', 'aguardando_cliente', 'reaberta', 'encaminhada_dev', 'aguardando_versao'] as const;
    expect(view([...stages]).length).toBe(all().length);
    expect(view(['aguardando_n2', 'nova']).length).toBe(view(['aguardando_n2']).length + view(['nova']).length);
  });
});
