import { describe, expect, it } from 'vitest';
import { appliedOrder, otherTimes, TIMES_DIFFER_MS } from '../../../../src/shared/mutators/times';
import { ANA, T0, World } from '../../../fixtures/domain';

const MIN = 60_000;
const HOUR = 60 * MIN;

// Issue 13 item 5: a change made offline at 10:05 and received at 11:00 keeps both times; the history lists
// changes in the order the server applied them.
describe('the two times of a change', () => {
  it.each([
    ['online: one time', T0, T0 + 2_000, T0, {}],
    ['online: one time (counted at receipt)', T0 + 2_000, T0 + 2_000, T0, {}],
    ['offline, counted at the action: the receipt is kept', T0, T0 + HOUR, T0, { receivedAt: T0 + HOUR }],
    ['offline, counted at the receipt: the action is kept', T0 + HOUR, T0 + HOUR, T0, { actedAt: T0 }],
    ['just under a minute apart: one time', T0, T0 + TIMES_DIFFER_MS - 1, T0, {}],
  ] as const)('%s', (_, at, receivedAt, actedAt, expected) => {
    expect(otherTimes(at, { actedAt, receivedAt })).toEqual(expected);
  });

  it('a reply and a note written offline, pushed an hour later, read in the order they were made', () => {
    const world = new World();
    world.putOc('oc-1', { status: 'em_atendimento', assigneeId: 'ana', assignedAt: T0 });
    const acted = T0 + 5 * MIN;
    const received = T0 + HOUR;
    world.ok('oc.reply', { ocId: 'oc-1', interactionId: 'r1', body: 'Verificando o cadastro.' }, world.as(ANA), acted, received);
    world.ok('oc.note', { ocId: 'oc-1', interactionId: 'n1', body: 'Cliente usa CFOP 5102.' }, world.as(ANA), acted + MIN, received);
    const reply = world.state.interactions.get('r1')!;
    const note = world.state.interactions.get('n1')!;
    // The reply counts at the receipt (SPEC §3 rule 10) and keeps when it was written; the note the other way round.
    expect(reply).toMatchObject({ createdAt: received, actedAt: acted });
    expect(reply.receivedAt).toBeUndefined();
    expect(note).toMatchObject({ createdAt: acted + MIN, receivedAt: received });
    expect(note.actedAt).toBeUndefined();
    const order = [note, reply].map((i) => ({ id: i.id, key: appliedOrder({ ...i, at: i.createdAt }) }));
    order.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
    expect(order.map((o) => o.id)).toEqual(['r1', 'n1']);
  });

  it('events keep the other time beside the one they count at (a pause counts at the receipt)', () => {
    const world = new World();
    world.putOc('oc-1', { status: 'em_atendimento', assigneeId: 'ana', assignedAt: T0 });
    const [paused] = world.ok('oc.pause', { ocId: 'oc-1' }, world.as(ANA), T0 + 5 * MIN, T0 + HOUR);
    expect(paused).toMatchObject({ at: T0 + HOUR, actedAt: T0 + 5 * MIN });
    expect(paused).not.toHaveProperty('receivedAt');
    const [online] = world.ok('oc.resume', { ocId: 'oc-1' }, world.as(ANA), T0 + 2 * HOUR);
    expect(online).not.toHaveProperty('receivedAt');
    expect(online).not.toHaveProperty('actedAt');
  });
});
