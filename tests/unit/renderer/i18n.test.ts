import { describe, expect, it } from 'vitest';
import { boardMessages } from '../../../src/renderer/features/board/messages';
import { customerHistoryMessages } from '../../../src/renderer/features/customer-history/messages';
import { customersMessages } from '../../../src/renderer/features/customers/messages';
import { reportMessages } from '../../../src/renderer/features/reports/messages';
import { settingsMessages } from '../../../src/renderer/features/settings/messages';
import { passwordMessages } from '../../../src/renderer/features/settings/password-messages';
import { interpolate, LANGS } from '../../../src/renderer/i18n/define';
import { formatMessage } from '../../../src/renderer/i18n/format-message';
import { messages } from '../../../src/renderer/i18n/messages';
import { n0ArticleText, N0_ARTICLES } from '../../../src/shared/kb/n0-articles';
import { formatMoney, formatNumber, formatPercent } from '../../../src/renderer/lib/format';

// Every message table of the renderer, in both languages.
const TABLES: Record<string, Record<'pt-BR' | 'en', Record<string, string>>> = {
  workspace: messages,
  customers: customersMessages,
  customerHistory: customerHistoryMessages,
  settings: settingsMessages,
  reports: reportMessages,
  password: passwordMessages,
  board: boardMessages,
};

/** Names a message fills: {name} and the variable of each {name, plural, …}. */
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{\s*(\w+)\s*(?:,\s*plural\s*,|\})/g)].map((m) => m[1] as string))].sort();

describe('message tables', () => {
  it('have every key in both languages, with the same placeholders and no empty text', () => {
    for (const [name, table] of Object.entries(TABLES)) {
      const pt = table['pt-BR'];
      const en = table.en;
      expect(Object.keys(en).sort(), name).toEqual(Object.keys(pt).sort());
      for (const key of Object.keys(pt)) {
        expect(placeholders(en[key] as string), `${name}: ${key}`).toEqual(placeholders(pt[key] as string));
        expect((pt[key] as string).trim(), `${name}: ${key}`).not.toBe('');
        expect((en[key] as string).trim(), `${name}: ${key}`).not.toBe('');
      }
    }
  });

  it('write plurals as plural forms, never as "(s)" or "(es)", and every plural has its "other" form', () => {
    for (const [name, table] of Object.entries(TABLES)) {
      for (const lang of LANGS) {
        for (const [key, text] of Object.entries(table[lang])) {
          expect(text, `${name}/${lang}: ${key}`).not.toMatch(/\w\((s|es)\)/);
          if (/,\s*plural\s*,/.test(text)) expect(text, `${name}/${lang}: ${key}`).toMatch(/\bother\s*\{/);
          // Balanced braces: a typo would print the raw syntax to the person.
          let depth = 0;
          for (const ch of text) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
          expect(depth, `${name}/${lang}: ${key}`).toBe(0);
        }
      }
    }
  });

  it('print no raw plural syntax for any count, in either language', () => {
    for (const [name, table] of Object.entries(TABLES)) {
      for (const lang of LANGS) {
        for (const [key, text] of Object.entries(table[lang])) {
          if (!/,\s*plural\s*,/.test(text)) continue;
          for (const count of [0, 1, 2, 21, 2_002]) {
            const counted = new Set([...text.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)].map((m) => m[1]));
            const params = Object.fromEntries(placeholders(text).map((p) => [p, counted.has(p) ? count : `«${p}»`]));
            expect(formatMessage(lang, text, params), `${name}/${lang}: ${key} (${count})`).not.toMatch(/[{}#]|plural/);
          }
        }
      }
    }
  });
});

describe('N0 articles', () => {
  it('have an English title and summary for the analyst, and keep the Portuguese ones for the customer', () => {
    for (const article of N0_ARTICLES) {
      const en = n0ArticleText(article.id, 'en');
      expect(en?.title.trim(), article.id).not.toBe('');
      expect(en?.summary.trim(), article.id).not.toBe('');
      expect(en?.title, article.id).not.toBe(article.title);
      expect(en?.summary, article.id).not.toBe(article.summary);
      // No Portuguese function words left in the English text (module names stay as the ERP calls them).
      expect(`${en?.title} ${en?.summary}`, article.id).not.toMatch(/\b(do|da|de|dos|das|para|pelo|pela|como|e o|e a)\b/);
      expect(n0ArticleText(article.id, 'pt-BR')).toEqual({ title: article.title, summary: article.summary });
    }
    expect(n0ArticleText('no-such-article', 'en')).toBeNull();
  });
});

describe('formatMessage', () => {
  it('picks the plural form of the UI language and writes the count in it', () => {
    const template = '{count, plural, one {# OC aberta} other {# OCs abertas}}';
    expect(formatMessage('pt-BR', template, { count: 1 })).toBe('1 OC aberta');
    expect(formatMessage('pt-BR', template, { count: 2_002 })).toBe('2.002 OCs abertas');
    expect(formatMessage('en', '{count, plural, one {# open OC} other {# open OCs}}', { count: 2_002 })).toBe('2,002 open OCs');
    expect(formatMessage('en', '{count, plural, one {# open OC} other {# open OCs}}', { count: 1 })).toBe('1 open OC');
    // In Portuguese 0 takes the singular form (CLDR: one = 0..1), so messages that can show zero say it with =0.
    expect(formatMessage('pt-BR', template, { count: 0 })).toBe('0 OC aberta');
    expect(formatMessage('pt-BR', '{count, plural, =0 {nenhuma} one {# OC} other {# OCs}}', { count: 0 })).toBe('nenhuma');
  });

  it('fills placeholders inside the forms and writes every number parameter in the UI language', () => {
    const template = '{count, plural, one {Recalcular # OC para a versão {version}} other {Recalcular # OCs para a versão {version}}}';
    expect(formatMessage('pt-BR', template, { count: 3, version: '12' })).toBe('Recalcular 3 OCs para a versão 12');
    expect(formatMessage('pt-BR', '{load} de {capacity}', { load: 1_234, capacity: 5_000 })).toBe('1.234 de 5.000');
    expect(formatMessage('en', '{load} of {capacity}', { load: 1_234, capacity: 5_000 })).toBe('1,234 of 5,000');
    expect(formatMessage('en', 'Hello {who}', { other: 1 })).toBe('Hello {who}');
    expect(formatMessage('en', 'No params {here}')).toBe('No params {here}');
    expect(interpolate('{a} e {b}', { a: 1, b: 'x' })).toBe('1 e x');
  });

  it('survives hostile text in its parameters (they are not parsed again as messages)', () => {
    expect(formatMessage('en', 'Name: {name}', { name: '{count, plural, one {x} other {y}}' })).toBe('Name: {count, plural, one {x} other {y}}');
    expect(formatMessage('en', '{count, plural, one {# from {name}} other {# from {name}}}', { count: 2, name: '#{}' })).toBe('2 from #{}');
    expect(formatMessage('en', 'unclosed {name', { name: 'x' })).toBe('unclosed {name');
  });
});

describe('numbers in the UI language', () => {
  it('writes quantities, percentages and money with the language’s separators', () => {
    expect(formatNumber(2_002, 'pt-BR')).toBe('2.002');
    expect(formatNumber(2_002, 'en')).toBe('2,002');
    expect(formatPercent(82.5, 'pt-BR')).toBe('82,5%');
    expect(formatPercent(82.5, 'en')).toBe('82.5%');
    expect(formatPercent(100, 'en', 0)).toBe('100%');
    expect(formatMoney(150_000, 'pt-BR')).toBe('R$\u00a01.500,00');
    expect(formatMoney(150_000, 'en')).toBe('R$1,500.00');
  });
});
