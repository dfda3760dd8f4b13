import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { layoutFindings, type LayoutOptions } from './layout-integrity';

// A tour of the analyst workspace for issue 12: at each stop (a route, a tab, an open menu or dialog) the window
// takes each size in turn; the layout-integrity check runs, a screenshot is kept under
// test-results/screenshots/layout/, and in English the visible texts are scanned for Portuguese left behind.
// Every finding is collected, so one run reports them all.

export const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

export const LAYOUT_SHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots/layout');

/**
 * UI words that have an English message: seeing one in the English UI means a string was left in Portuguese.
 * Domain words the SPEC keeps in Portuguese (Ocorrência, Criticidade, Prata, Ouro, implantação…) are not here.
 */
const PORTUGUESE_UI_WORDS = [
  'Assumir', 'Responder', 'Nota interna', 'Registrar', 'Solucionar', 'Reabrir', 'Devolver', 'Escalar', 'Encaminhar', 'Reatribuir',
  'Salvar', 'Cancelar', 'Fechar', 'Confirmar', 'Enviar', 'Buscar', 'Busca', 'Minha fila', 'Equipe', 'Telefone', 'Relatórios',
  'Configurações', 'Clientes', 'Visões', 'Liderança', 'Sair', 'Presença', 'Disponível', 'Ausente', 'Sem responsável', 'Carregando',
  'sincronizado', 'Somente local', 'pendentes?', 'resultados?', 'Nenhum', 'Nenhuma', 'Suporte', 'Feriados', 'Período', 'Até',
  'Estourad[oa]s?', 'Correndo', 'Pausad[oa]', 'Cumprid[oa]', 'Aguardando', 'Em atendimento', 'Encaminhada', 'Solucionada',
  'Reaberta', 'Encerrada', 'Cancelada', 'Crítica', 'Média', 'Baixa', 'Dúvida', 'Solicitação', 'Segunda', 'Terça', 'Quarta',
  'Quinta', 'Sexta', 'Sábado', 'Domingo', 'janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro',
  'outubro', 'novembro', 'dezembro', 'há', 'úteis', 'você', 'Horário', 'Mês', 'Ano', 'Penalidades?', 'Mensalidade', 'Cumprimento',
  'Módulo', 'Segmento', 'Cliente', 'Assunto', 'Número', 'Responsável', 'Nível', 'Recados?', 'Ligação', 'Prazo', 'Versão', 'Analistas?',
];

/**
 * Where the screen shows people's data, not the app's words (customer and analyst names, subjects, descriptions,
 * conversation, the catalog's module and segment names, release notes, holiday names): Portuguese there is right.
 */
const USER_CONTENT = [
  '[data-column="customer"]', '[data-column="subject"]', '[data-column="module"]', '[data-column="segment"]', '[data-column="assignee"]',
  '.oc-subject', '.oc-description-text', '.tl-body', '.tl-sim dd', '.tl-actor', '.tl-author', '.customer-name', '.contact-name',
  '.me-name', '.oc-assignee', '.article-title', '.article-summary', '.st-preview', '.recado-message', '.recado-meta', '.notice-main',
  '.lt-table td', '.bar-label', '.cu-list', '.cu-name', 'input', 'textarea', 'select', 'option', '.q-group-label', '.oc-badges .tag',
  '.page-sub', '.q-peek', '.menu-check-item', '.cu-modules', '.st-releases', '.st-catalog',
].join(', ');

// In-page code is plain JavaScript (the node-side tsconfig has no DOM types).
const PORTUGUESE_SCAN = `(args) => {
  const words = new RegExp('(?<![\\\\p{L}])(' + args.words.join('|') + ')(?![\\\\p{L}])', 'u');
  const found = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = (node.textContent || '').replace(/\\s+/g, ' ').trim();
    const element = node.parentElement;
    if (text === '' || element === null || element.closest(args.skip + ', script, style, [aria-hidden="true"]') !== null) continue;
    const style = getComputedStyle(element);
    if (style.visibility !== 'visible' || style.display === 'none' || element.closest('.sr-only') !== null) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
    const match = words.exec(text);
    if (match !== null) found.add('"' + match[1] + '" in "' + text.slice(0, 90) + '"');
  }
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
    if (el.closest(args.skip) !== null && !el.matches('input, textarea')) continue;
    for (const attribute of ['title', 'aria-label', 'placeholder']) {
      const value = el.getAttribute(attribute);
      const match = value === null ? null : words.exec(value);
      if (match !== null) found.add('"' + match[1] + '" in ' + attribute + ' "' + value.slice(0, 90) + '"');
    }
  }
  return [...found];
}`;

export class RouteTour {
  readonly findings: string[] = [];
  readonly shots: string[] = [];

  constructor(
    private readonly page: Page,
    private readonly lang: 'pt-BR' | 'en',
  ) {
    mkdirSync(LAYOUT_SHOTS, { recursive: true });
  }

  /** Checks the screen as it is now at every size; `name` names the screenshots. */
  async look(name: string, options: LayoutOptions = {}): Promise<void> {
    for (const size of SIZES) {
      await this.page.setViewportSize(size);
      // The columns and popovers follow the window on the next frames (ResizeObserver, floating autoUpdate).
      await this.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 60))))');
      const where = `${this.lang} ${size.width}×${size.height} ${name}`;
      for (const finding of await layoutFindings(this.page, options)) this.findings.push(`${where}: ${finding.description}`);
      if (this.lang === 'en') {
        const portuguese = (await this.page.evaluate(`(${PORTUGUESE_SCAN})(${JSON.stringify({ words: PORTUGUESE_UI_WORDS, skip: USER_CONTENT })})`)) as string[];
        for (const leftover of portuguese) this.findings.push(`${where}: Portuguese in the English UI: ${leftover}`);
      }
      const path = resolve(LAYOUT_SHOTS, `${this.lang}-${size.width}x${size.height}-${name}.png`);
      await this.page.screenshot({ path });
      this.shots.push(path);
    }
  }
}
