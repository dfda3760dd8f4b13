import PDFDocument from 'pdfkit';
import type { PenaltyStatement } from '../../shared/api/lead-views';
import { PLAN_LABELS, PLANS } from '../../shared/domain';
import { formatDateTime, monthName, STATEMENT_COLUMNS, statementLineCells, statementSummary } from '../../shared/reports/statement-text';

// The penalty statement as a PDF (A4) the lead sends the customer. pdfkit's standard Helvetica uses WinAnsi
// encoding, which covers Portuguese (ã, ç, é …), so no font file has to ship with the app.

const MARGIN = 50;
const WIDTHS = [78, 150, 38, 78, 44, 56, 51] as const; // = 495 pt, the A4 width inside the margins
const NUMERIC_FROM = 4;
const ROW = 15;

const tableHeader = (doc: PDFKit.PDFDocument, y: number): number => {
  doc.font('Helvetica-Bold').fontSize(8);
  let x = MARGIN;
  STATEMENT_COLUMNS.forEach((title, i) => {
    doc.text(title, x, y, { width: (WIDTHS[i] as number) - 4, align: i >= NUMERIC_FROM ? 'right' : 'left', lineBreak: false, ellipsis: true });
    x += WIDTHS[i] as number;
  });
  doc.moveTo(MARGIN, y + ROW - 3).lineTo(MARGIN + 495, y + ROW - 3).lineWidth(0.5).strokeColor('#555555').stroke();
  return y + ROW;
};

/** Renders the statement; resolves with the PDF bytes. Dated with the statement's generatedAt (reproducible). */
export const statementPdf = (s: PenaltyStatement): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const generated = new Date(s.generatedAt);
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      info: {
        Title: `Extrato de penalidades — ${s.customerName} — ${monthName(s.month)}`,
        Author: 'UNO Soluções — S.O.E. War Room',
        CreationDate: generated,
        ModDate: generated,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font('Helvetica-Bold').fontSize(16).fillColor('#000000').text('Extrato de penalidades de SLA', MARGIN, MARGIN);
    doc.font('Helvetica').fontSize(9).fillColor('#444444').text('UNO Soluções — Suporte a Operações Especiais (S.O.E.)');
    doc.moveDown(1.2);

    let y = doc.y;
    for (const line of statementSummary(s)) {
      doc.font('Helvetica').fontSize(10).fillColor('#333333').text(line.label, MARGIN, y, { width: 200 });
      doc.font('Helvetica-Bold').fillColor('#000000').text(line.value, MARGIN + 200, y, { width: 295 });
      y += 16;
    }
    y += 12;
    const bottom = doc.page.height - MARGIN - ROW;
    if (s.lines.length === 0) {
      doc.font('Helvetica').fontSize(10).text('Nenhuma violação de prazo de solução neste mês.', MARGIN, y);
      y += ROW;
    } else {
      y = tableHeader(doc, y);
      for (const cells of statementLineCells(s)) {
        if (y > bottom) {
          doc.addPage();
          y = tableHeader(doc, MARGIN);
        }
        doc.font('Helvetica').fontSize(8).fillColor('#000000');
        let x = MARGIN;
        cells.forEach((cell, i) => {
          doc.text(cell, x, y, { width: (WIDTHS[i] as number) - 4, align: i >= NUMERIC_FROM ? 'right' : 'left', lineBreak: false, ellipsis: true });
          x += WIDTHS[i] as number;
        });
        y += ROW;
      }
    }
    if (y > bottom - 60) {
      doc.addPage();
      y = MARGIN;
    }
    y += 10;
    const pct = PLANS.map((p) => `${String(s.penaltyPct[p] ?? 0).replace('.', ',')} % (${PLAN_LABELS[p]['pt-BR']})`).join(', ');
    doc.font('Helvetica').fontSize(8).fillColor('#444444').text(
      `Regra contratual: cada violação do prazo de solução custa ${pct} da mensalidade, limitado a ` +
        `${String(s.penaltyCapPct).replace('.', ',')} % ao mês; as violações são cobradas em ordem cronológica até o teto. ` +
        `Horários em ${s.timeZone}. Gerado em ${formatDateTime(s.generatedAt, s.timeZone)}.`,
      MARGIN,
      y,
      { width: 495 },
    );
    doc.end();
  });
