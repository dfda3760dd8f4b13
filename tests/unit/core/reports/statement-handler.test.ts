import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcEvent, SlaConfig } from '../../../../src/shared/domain';
import { criticidadeAt } from '../../../../src/shared/reports/statement-facts';
import { evaluateSla } from '../../../../src/shared/sla/clocks';
import { SEED_NOW, seededCore, type TestCore } from '../../../fixtures/core';
import { readPdf, requirePoppler } from './pdf-reader';

// reports.penaltyDetail / reports.penaltyStatement on a seeded replica: the facts each line adds (criticidade at
// the breach, when and why the resolution clock stopped, business time past the target) equal a direct
// evaluation of the OC, and the file comes in the language asked for — pt-BR when none is.

let t: TestCore;
let customerId: string;
let customerIds: string[];
const month = new Date(SEED_NOW - 3 * 3_600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  requirePoppler();
  t = await seededCore(400, 23);
  await t.call('session.login', { login: 'beatriz', password: 'demo' });
  const rows = (await t.call('reports.penalties', { month })).rows;
  if (rows[0] === undefined) throw new Error('no penalties in the seed');
  customerId = rows[0].customerId;
  customerIds = rows.slice(0, 12).map((r) => r.customerId);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('the penalty statement of a seeded customer', () => {
  it('adds to each breach what its OC events and resolution clock say', async () => {
    const lines = [];
    for (const id of customerIds) lines.push(...(await t.call('reports.penaltyDetail', { customerId: id, month })).lines);
    expect(lines.length).toBeGreaterThan(0);
    const db = t.core.db;
    const configs = new Map((db.prepare('SELECT doc FROM sla_config').all() as { doc: string }[]).map((r) => {
      const c = JSON.parse(r.doc) as SlaConfig;
      return [c.version, c] as const;
    }));
    for (const line of lines) {
      const events = (db.prepare('SELECT doc FROM oc_event WHERE oc_id = ? ORDER BY at, seq').all(line.ocId) as { doc: string }[]).map((r) => JSON.parse(r.doc) as OcEvent);
      const clock = evaluateSla(events, (v) => configs.get(v) as SlaConfig, SEED_NOW).clocks.find((c) => c.clock === 'resolution');
      expect(clock?.breachedAt).toBe(line.breachedAt);
      expect(line.stoppedAt).toBe(clock?.stoppedAt ?? null);
      expect(line.stopReason === null).toBe(line.stoppedAt === null);
      expect(line.overdueMs).toBe(Math.max(0, Math.round((clock?.elapsedMs ?? 0) - (clock?.targetMs ?? 0))));
      expect(line.reclassified).toBe(clock?.reclassified);
      expect(line.criticidade).toBe(criticidadeAt(events, line.breachedAt, line.criticidade));
    }
    // The seed has breaches solved late and breaches still running: both kinds are checked above.
    expect(lines.some((l) => l.overdueMs > 0)).toBe(true);
    expect(new Set(lines.map((l) => l.stoppedAt === null)).size).toBe(2);
  });

  it('is written in pt-BR unless English is asked for, as PDF and as CSV', async () => {
    const file = async (format: 'pdf' | 'csv', lang?: 'pt-BR' | 'en') =>
      Buffer.from((await t.call('reports.penaltyStatement', { customerId, month, format, ...(lang === undefined ? {} : { lang }) })).base64, 'base64');
    const words = async (lang?: 'pt-BR' | 'en') => readPdf(await file('pdf', lang)).flatMap((p) => p.words.map((w) => w.text)).join(' ');
    expect(await words()).toContain('Extrato de penalidades de SLA');
    expect(await words('en')).toContain('SLA penalty statement');
    expect((await file('csv')).toString('utf8')).toContain('Ocorrência;Assunto;Criticidade');
    expect((await file('csv', 'en')).toString('utf8')).toContain('Ocorrência,Subject,Criticidade');
  });

  it('refuses a language it does not write', async () => {
    expect((await t.fail('reports.penaltyStatement', { customerId, month, format: 'pdf', lang: 'fr' })).code).toBe('INVALID_ARGS');
  });
});
