import { describe, expect, it } from 'vitest';
import { fillTemplate, nextPlaceholder, REPLY_TEMPLATES } from '../../../src/renderer/features/oc/templates';

// Reply templates fill what the OC knows and leave [placeholders] for what only the analyst knows (issue 13).

const values = { cliente: 'Cooperativa Vale Verde', contato: 'Helena', analista: 'Ana Souza', oc: 'OC-2026-004217', versao: '2026.12.2' };

describe('reply templates', () => {
  it('fill the contact, the OC, the version and the signing analyst', () => {
    const next = REPLY_TEMPLATES.find((t) => t.id === 'nextVersion')?.body ?? '';
    const text = fillTemplate(next, values);
    expect(text.startsWith('Olá, Helena! Identificamos a causa da ocorrência OC-2026-004217')).toBe(true);
    expect(text).toContain('na versão 2026.12.2 do UNO ERP');
    expect(text.endsWith('Atenciosamente,\nAna Souza — Suporte UNO')).toBe(true);
    expect(text).not.toMatch(/\{\w+\}/);
    for (const template of REPLY_TEMPLATES) expect(fillTemplate(template.body, values), template.id).not.toMatch(/\{\w+\}/);
  });

  it('greets neutrally without a contact and leaves an unknown version to fill', () => {
    const text = fillTemplate(REPLY_TEMPLATES.find((t) => t.id === 'nextVersion')?.body ?? '', { ...values, contato: null, versao: null });
    expect(text.startsWith('Olá! Identificamos')).toBe(true);
    expect(text).toContain('na versão [versão] do UNO ERP');
  });

  it('moves from one [placeholder] to the next, wrapping, and says when none is left', () => {
    const text = fillTemplate(REPLY_TEMPLATES.find((t) => t.id === 'fiscal')?.body ?? '', values);
    const first = nextPlaceholder(text, 0);
    expect(first === null ? null : text.slice(first.start, first.end)).toBe('[campo]');
    const second = nextPlaceholder(text, first?.end ?? 0);
    expect(second === null ? null : text.slice(second.start, second.end)).toBe('[tela / caminho no UNO ERP]');
    expect(nextPlaceholder(text, second?.end ?? 0)).toEqual(first); // wraps to the first left
    expect(nextPlaceholder(text.replace('[campo]', 'CST').replace('[tela / caminho no UNO ERP]', 'Cadastros > Produtos'), 0)).toBeNull();
    // A URL or a bracket inside a sentence over a line is not a placeholder.
    expect(nextPlaceholder('veja [link\nquebrado] e https://x.example/a[1', 0)).toBeNull();
  });
});
