import { formatNumber } from '../lib/format';
import type { Lang } from './define';

// Messages are plain text with {name} placeholders and, where a count changes the words, plural forms in the
// ICU shape the translators know: "{count, plural, one {# OC aberta} other {# OCs abertas}}" ("=0 {…}" for an
// exact value). The form is chosen by Intl.PluralRules of the UI language and "#" is the count written by
// Intl.NumberFormat of that language ("2.002" in pt-BR, "2,002" in English). Any number given as a parameter is
// a quantity and is written the same way; identifiers that happen to be numbers (a year, a version) are passed
// as strings.

export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<Lang, Intl.PluralRules>();

const pluralOf = (value: number, lang: Lang): Intl.LDMLPluralRule => {
  let rules = pluralRules.get(lang);
  if (rules === undefined) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(value);
};

const written = (value: string | number | undefined, lang: Lang): string | undefined =>
  value === undefined ? undefined : typeof value === 'number' ? formatNumber(value, lang) : value;

/** Index of the brace that closes the one opened at `open`. */
const closing = (text: string, open: number): number => {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
};

/** The forms of "one {…} other {…}" as selector → text. */
const pluralForms = (body: string): Map<string, string> => {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    const end = closing(body, open);
    if (end < 0 || selector === '') break;
    forms.set(selector, body.slice(open + 1, end));
    i = end + 1;
  }
  return forms;
};

const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/;

/** Fills a message: placeholders, plural forms and numbers in the UI language. Unknown placeholders stay as written. */
export const formatMessage = (lang: Lang, template: string, params?: MessageParams): string => {
  if (params === undefined) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const end = closing(template, open);
    if (end < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, end);
    const plural = PLURAL.exec(inner);
    if (plural === null) {
      out += written(params[inner.trim()], lang) ?? template.slice(open, end + 1);
    } else {
      const [, name = '', body = ''] = plural;
      const value = params[name];
      const count = typeof value === 'number' ? value : Number(value);
      const forms = pluralForms(body);
      const form = Number.isFinite(count) ? (forms.get(`=${count}`) ?? forms.get(pluralOf(count, lang)) ?? forms.get('other')) : forms.get('other');
      out += form === undefined ? template.slice(open, end + 1) : formatMessage(lang, form.replaceAll('#', Number.isFinite(count) ? formatNumber(count, lang) : String(value)), params);
    }
    i = end + 1;
  }
  return out + template.slice(i);
};
