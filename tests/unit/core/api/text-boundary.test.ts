import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueRow } from '../../../../src/shared/api/views';
import { seededCore, SEED_NOW, type TestCore } from '../../../fixtures/core';

// SPEC §6/§7: text that can never reach the server (NUL, a lone surrogate, …) and impossible instants are refused
// by the core *before* anything is acknowledged: the call fails with INVALID_ARGS naming the field, and nothing
// reached the replica's rows, its event log or the outbox — so no poisoned change can block the desktop's sync.

const TABLES = ['outbox', 'ocorrencia', 'interaction', 'recado', 'release', 'customer', 'oc_event'] as const;

describe('the core refuses unstorable text and impossible instants before acknowledging anything', () => {
  let t: TestCore;
  let oc: QueueRow;
  const counts = (): Record<string, number> =>
    Object.fromEntries(TABLES.map((table) => [table, (t.core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]));

  beforeAll(async () => {
    t = await seededCore(120, 15);
    await t.call('session.login', { login: 'ana', password: 'demo' });
    const queue = await t.call('queue.mine');
    const candidate = queue.mine[0] ?? queue.available[0];
    if (candidate === undefined) throw new Error('the seeded replica gives ana no OC');
    oc = candidate;
    if (queue.mine[0] === undefined) await t.call('oc.take', { ocId: oc.id });
  });
  afterAll(async () => t.close());

  const simulation = { steps: 'Emitir a NF-e com CFOP 5102', environment: 'UNO 2026.47', evidence: '', expected: 'Autorizada', actual: 'Rejeição 225' };
  const cases: Array<[string, string, () => Record<string, unknown>, string]> = [
    ['a note with NUL', 'oc.note', () => ({ ocId: oc.id, body: 'Cliente enviou o XML\u0000 corrompido' }), 'body: holds the null character (U+0000, position 21)'],
    ['a reply with a lone high surrogate', 'oc.reply', () => ({ ocId: oc.id, body: 'Segue a correção \ud83d' }), 'body: holds an incomplete Unicode character (U+D83D, position 18)'],
    ['a new OC with a lone low surrogate in the subject', 'oc.create', () => ({ customerId: oc.customerId, channel: 'phone', module: oc.module, criticidade: 'alta', kind: 'erro', subject: 'Rejeição \udc00 225', description: 'A nota não sai.' }), 'subject: holds an incomplete Unicode character (U+DC00, position 10)'],
    ['a new OC with an escape in the description', 'oc.create', () => ({ customerId: oc.customerId, channel: 'phone', module: oc.module, criticidade: 'alta', kind: 'erro', subject: 'Rejeição 225', description: '\u001b[31mA nota não sai.' }), 'description: holds an invisible control character (U+001B, position 1)'],
    ['a recado whose caller name carries a header line', 'recado.create', () => ({ forAnalystId: oc.assigneeId ?? 'x', customerId: oc.customerId, callerName: 'Helena\r\nBcc: x@y.z', message: 'Ligar de volta.' }), 'callerName: holds a line break (U+000D, position 7)'],
    ['an escalation whose simulation steps hold NUL', 'oc.escalate', () => ({ ocId: oc.id, simulation: { ...simulation, steps: 'Emitir\u0000 a NF-e com CFOP 5102' } }), 'simulation.steps: holds the null character'],
    ['a call that started in year 275760', 'call.log', () => ({ customerId: oc.customerId, ocId: oc.id, call: { direction: 'inbound', startedAt: 8.64e15, endedAt: SEED_NOW, contactName: 'Helena', phone: null }, body: '' }), 'call.startedAt: invalid instant'],
    ['a release dated NaN', 'release.register', () => ({ version: '2026.48', releasedAt: Number.NaN, notes: '' }), 'releasedAt: invalid instant'],
    ['a search for NUL', 'oc.search', () => ({ text: 'nota\u0000' }), 'text: holds the null character (U+0000, position 5)'],
    ['a report for month 13', 'reports.penalties', () => ({ month: '2026-13' }), 'month: month 13 does not exist (use 01–12)'],
  ];

  it.each(cases)('%s (%s)', async (_name, method, args, reason) => {
    const before = counts();
    const pendingBefore = (await t.call('sync.state')).pending;
    const error = await t.fail(method as never, args());
    expect(error.code).toBe('INVALID_ARGS');
    expect(error.message.en).toContain(reason);
    expect(error.message['pt-BR']).toContain(reason.slice(0, reason.indexOf(':') + 1));
    expect(counts()).toEqual(before);
    expect((await t.call('sync.state')).pending).toBe(pendingBefore);
  });

  it('the same note in clean text is acknowledged and queued (the refusals above are the text, not the call)', async () => {
    const before = counts();
    const ack = await t.call('oc.note', { ocId: oc.id, body: 'Cliente enviou o XML corrompido' });
    expect(ack.mutationId).not.toBeNull();
    expect(counts().outbox).toBe((before.outbox ?? 0) + 1);
    expect(counts().interaction).toBe((before.interaction ?? 0) + 1);
  });
});
