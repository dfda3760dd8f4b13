import { describe, expect, it } from 'vitest';
import type { OcEvent } from '../../../../src/shared/domain';
import { criticidadeAt, stopReasonAt } from '../../../../src/shared/reports/statement-facts';
import {
  formatMoney,
  formatOverdue,
  monthName,
  statementColumns,
  statementCsv,
  statementLineCells,
  statementTotalCells,
  timeZoneWording,
} from '../../../../src/shared/reports/statement-text';
import { worstStatement } from './worst-statement';

// The statement's words and cells, shared by the PDF and the CSV.

/** A CSV reader for what statementCsv writes (quoted fields with doubled quotes, CRLF records). */
const parseCsv = (csv: string, separator: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const ch = csv[i] as string;
    if (quoted && ch === '"' && csv[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) field += ch;
    else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
};

describe.each([
  ['pt-BR', ';'],
  ['en', ','],
] as const)('the statement CSV in %s', (lang, separator) => {
  const s = worstStatement();
  const rows = parseCsv(statementCsv(s, lang), separator);
  const plain = (cells: string[]): string[] => cells.map((c) => c.replace(/[\u00A0\u202F]/g, ' '));

  it('has the PDF table cell for cell: same columns, same order, same strings, then the totals', () => {
    const header = rows.findIndex((r) => r[0] === statementColumns(lang)[0]);
    expect(rows[header]).toEqual(statementColumns(lang));
    expect(rows.slice(header + 1, header + 1 + s.lines.length)).toEqual(statementLineCells(s, lang).map(plain));
    expect(rows[header + 1 + s.lines.length]).toEqual(plain(statementTotalCells(s, lang)));
    for (const row of rows.slice(header, header + 2 + s.lines.length)) expect(row).toHaveLength(10);
  });

  it('keeps the subjects whole (line breaks and quotes included) and names the time zone for people', () => {
    const subjects = rows.map((r) => r[1]);
    for (const line of s.lines) expect(subjects).toContain(line.subject);
    const text = rows.flat().join(' ');
    expect(text).not.toContain('America/Sao_Paulo');
    expect(text).toContain(lang === 'pt-BR' ? 'horário de Brasília (UTC−3)' : 'Brasília time (UTC−3)');
  });
});

describe('statement formats', () => {
  it('formats money, months, delays and time zones with Intl for the language', () => {
    expect(formatMoney(123456789, 'pt-BR').replace(/\u00A0/g, ' ')).toBe('R$ 1.234.567,89');
    expect(formatMoney(123456789, 'en')).toBe('R$1,234,567.89');
    expect(monthName('2026-03', 'pt-BR')).toBe('março de 2026');
    expect(monthName('2026-03', 'en')).toBe('March 2026');
    expect(formatOverdue(0, 'pt-BR')).toMatch(/^0\smin$/);
    expect(formatOverdue((2399 * 60 + 59) * 60_000, 'pt-BR')).toMatch(/^2\.399\sh 59\smin$/);
    expect(formatOverdue((2399 * 60 + 59) * 60_000, 'en')).toBe('2,399h 59m');
    const at = Date.parse('2026-11-15T12:00:00Z');
    expect(timeZoneWording('America/Sao_Paulo', 'pt-BR', at)).toBe('horário de Brasília (UTC−3)');
    expect(timeZoneWording('America/Sao_Paulo', 'en', at)).toBe('Brasília time (UTC−3)');
    // Before 2019 Brasília had daylight saving time: a statement of January 2018 says UTC−2.
    expect(timeZoneWording('America/Sao_Paulo', 'pt-BR', Date.parse('2018-01-15T12:00:00Z'))).toBe('horário de Brasília (UTC−2)');
    expect(timeZoneWording('America/Manaus', 'en', at)).toBe('Amazon Standard Time (UTC−4)');
    expect(timeZoneWording('UTC', 'en', at)).not.toContain('/');
  });
});

const ev = (at: number, data: OcEvent['data']): OcEvent => ({ id: `e${at}`, ocId: 'oc', at, actorId: 'a', actorName: 'Ana', data });
const created = ev(0, { type: 'created', plan: 'ouro', criticidade: 'baixa', level: 'n1', status: 'nova', slaConfigVersion: 1, channel: 'extranet' });

describe('statement facts from the OC events', () => {
  it('takes the criticidade in force at the breach', () => {
    const events = [created, ev(10, { type: 'criticidade_changed', from: 'baixa', to: 'critica' }), ev(30, { type: 'criticidade_changed', from: 'critica', to: 'media' })];
    expect(criticidadeAt(events, 5, 'alta')).toBe('baixa');
    expect(criticidadeAt(events, 10, 'alta')).toBe('critica');
    expect(criticidadeAt(events, 29, 'alta')).toBe('critica');
    expect(criticidadeAt(events, 31, 'alta')).toBe('media');
    expect(criticidadeAt([], 31, 'alta')).toBe('alta');
  });

  it('says why the resolution clock stopped: solved, forwarded to development or cancelled', () => {
    const status = (at: number, from: string, to: string): OcEvent => ev(at, { type: 'status_changed', from, to, simulationId: to === 'encaminhada_dev' ? 'sim' : null } as OcEvent['data']);
    const events = [created, status(10, 'nova', 'encaminhada_dev'), status(20, 'encaminhada_dev', 'em_atendimento'), status(30, 'em_atendimento', 'solucionada'), ev(40, { type: 'cancelled', reason: 'duplicada', duplicateOfId: null } as OcEvent['data'])];
    expect(stopReasonAt(events, 10)).toBe('forwarded');
    expect(stopReasonAt(events, 30)).toBe('solved');
    expect(stopReasonAt(events, 40)).toBe('cancelled');
  });
});
