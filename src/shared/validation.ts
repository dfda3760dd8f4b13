import type { z } from 'zod';
import type { Messages } from './domain';

// Validation messages for people, in both languages. Our own schema messages are written "pt-BR / en"; zod's
// built-in ones are English, so the common kinds get a Brazilian Portuguese wording here.
type Issue = z.core.$ZodIssue;

const sizeWord = (origin: unknown, n: unknown): string =>
  origin === 'string' ? `${String(n)} caractere(s)` : origin === 'array' || origin === 'set' ? `${String(n)} item(ns)` : String(n);

const portuguese = (issue: Issue): string => {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'campo obrigatório' : `deve ter no mínimo ${sizeWord(issue.origin, issue.minimum)}`;
    case 'too_big':
      return `deve ter no máximo ${sizeWord(issue.origin, issue.maximum)}`;
    case 'invalid_type':
      return `valor inválido (esperado: ${issue.expected})`;
    case 'invalid_value':
      return `opção inválida (use: ${issue.values.map(String).join(', ')})`;
    case 'invalid_format':
      return issue.format === 'email' ? 'e-mail inválido' : `formato inválido (${issue.format})`;
    case 'unrecognized_keys':
      return `campos desconhecidos: ${issue.keys.join(', ')}`;
    default:
      return 'valor inválido';
  }
};

const split = (issue: Issue): Messages => {
  const [pt, en] = issue.message.split(' / ');
  if (en !== undefined && pt !== undefined) return { 'pt-BR': pt, en };
  return { 'pt-BR': issue.code === 'custom' ? issue.message : portuguese(issue), en: issue.message };
};

/** All issues as one line per language: "subject: deve ter no mínimo 3 caractere(s); …". */
export const describeIssues = (issues: readonly Issue[]): Messages => {
  const lines = issues.slice(0, 8).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    const text = split(issue);
    return { 'pt-BR': `${where}${text['pt-BR']}`, en: `${where}${text.en}` };
  });
  return { 'pt-BR': lines.map((l) => l['pt-BR']).join('; '), en: lines.map((l) => l.en).join('; ') };
};
