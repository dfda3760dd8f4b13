import PDFDocument from 'pdfkit';
import { pdfFonts, printable, type FontWeight } from './pdf-fonts';
import { drawTable, layoutTable, type PdfTableSpec, type TableLayout } from './pdf-table';
import { wrapText } from './text-wrap';

// A report document of the app (the penalty statement, and the reports' exports after it): A4 pages with one
// frame inside the margins that everything — title, paragraphs, tables, the footer with "Página 1 de 3" — stays
// in, content that flows onto new pages, and the embedded fonts. Every height comes from pdfkit's own metrics
// (currentLineHeight, widthOfString) for the font and size in use, so what is measured is what is drawn.

export interface TextStyle {
  weight: FontWeight;
  size: number;
  color?: string;
}

export interface PdfMetrics {
  width(text: string, style: TextStyle): number;
  /** The height of one line of `style` (ascender to descender plus the font's gap), from pdfkit. */
  lineHeight(style: TextStyle): number;
  /** Space between two lines of one paragraph or cell. */
  lineGap(style: TextStyle): number;
}

export interface ReportPdfOptions {
  layout: 'portrait' | 'landscape';
  margin: number;
  info: { Title: string; Author: string; Subject?: string; CreationDate: Date };
  /** Printed at the bottom left of every page. */
  footer: string;
  /** "Página 1 de 3": the bottom right of every page. */
  pageLabel: (page: number, pages: number) => string;
}

const FONT_NAMES: Record<FontWeight, string> = { regular: 'report-regular', bold: 'report-bold' };
const FOOTER: TextStyle = { weight: 'regular', size: 7.5, color: '#555555' };
const FOOTER_GAP = 14;

export class ReportPdf implements PdfMetrics {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  /** The lowest y content may reach on a page: above the footer. */
  readonly bottom: number;
  readonly frameWidth: number;
  y: number;
  private readonly chunks: Buffer[] = [];
  private readonly widths = new Map<string, number>();
  private readonly done: Promise<Buffer>;
  private readonly footerLines: string[];
  private readonly footerTop: number;

  constructor(private readonly options: ReportPdfOptions) {
    this.doc = new PDFDocument({ size: 'A4', layout: options.layout, margin: options.margin, bufferPages: true, info: { ...options.info, ModDate: options.info.CreationDate } });
    const fonts = pdfFonts();
    for (const weight of ['regular', 'bold'] as const) this.doc.registerFont(FONT_NAMES[weight], fonts[weight].bytes);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    const { width, height } = this.doc.page;
    this.left = options.margin;
    this.right = width - options.margin;
    this.top = options.margin;
    this.frameWidth = this.right - this.left;
    // The footer's left text wraps beside the widest page label it can have.
    const labelRoom = this.width(options.pageLabel(999, 999), FOOTER) + 24;
    this.footerLines = this.lines(options.footer, this.frameWidth - labelRoom, FOOTER);
    const footerHeight = this.blockHeight(this.footerLines.length, FOOTER);
    this.footerTop = height - options.margin - footerHeight;
    this.bottom = this.footerTop - FOOTER_GAP;
    this.y = this.top;
  }

  private use(style: TextStyle): PDFKit.PDFDocument {
    return this.doc.font(FONT_NAMES[style.weight]).fontSize(style.size);
  }

  width(text: string, style: TextStyle): number {
    // Wrapping and column sizing measure the same words many times; fontkit lays each string out anew.
    const key = `${style.weight}|${style.size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.use(style).widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  lineHeight(style: TextStyle): number {
    return this.use(style).currentLineHeight(true);
  }

  lineGap(style: TextStyle): number {
    return style.size * 0.2;
  }

  /** Height of `count` lines of `style`. */
  blockHeight(count: number, style: TextStyle): number {
    return count === 0 ? 0 : count * this.lineHeight(style) + (count - 1) * this.lineGap(style);
  }

  /** `text` made printable in the font and wrapped to `width`. */
  lines(text: string, width: number, style: TextStyle): string[] {
    return wrapText(printable(text, style.weight), width, (s) => this.width(s, style));
  }

  /** Draws one line that was measured to fit: no wrapping, no page break by pdfkit. */
  drawLine(text: string, x: number, y: number, style: TextStyle): void {
    if (text.length === 0) return;
    this.use(style).fillColor(style.color ?? '#000000').text(text, x, y, { lineBreak: false });
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` more fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 1e-6) this.newPage();
  }

  space(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }

  /** A wrapped paragraph over the frame's width; breaks between lines onto new pages as needed. */
  paragraph(text: string, style: TextStyle, options: { keepLines?: number } = {}): void {
    const lines = this.lines(text, this.frameWidth, style);
    const lineHeight = this.lineHeight(style);
    // Keep the first lines together (no paragraph starts with a lone line at the foot of a page).
    this.ensure(this.blockHeight(Math.min(lines.length, options.keepLines ?? 2), style));
    for (const [i, line] of lines.entries()) {
      if (i > 0) this.y += this.lineGap(style);
      this.ensure(lineHeight);
      this.drawLine(line, this.left, this.y, style);
      this.y += lineHeight;
    }
  }

  /** Lays out and draws a table from the current y, over as many pages as it needs. */
  table(spec: PdfTableSpec): TableLayout {
    const layout = layoutTable(spec, { left: this.left, width: this.frameWidth, top: this.top, bottom: this.bottom, startY: this.y }, this, printable);
    drawTable(this, layout);
    return layout;
  }

  /** Footers on every page ("Página i de n"), then the bytes. */
  finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    const step = this.lineHeight(FOOTER) + this.lineGap(FOOTER);
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      this.doc.moveTo(this.left, this.footerTop - FOOTER_GAP / 2).lineTo(this.right, this.footerTop - FOOTER_GAP / 2).lineWidth(0.5).strokeColor('#999999').stroke();
      this.footerLines.forEach((line, n) => this.drawLine(line, this.left, this.footerTop + n * step, FOOTER));
      const label = this.options.pageLabel(i - range.start + 1, range.count);
      this.drawLine(label, this.right - this.width(label, FOOTER), this.footerTop, FOOTER);
    }
    this.doc.end();
    return this.done;
  }
}
