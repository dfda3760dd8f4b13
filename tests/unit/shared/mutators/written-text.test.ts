import { describe, expect, it } from 'vitest';
import { writtenTextOf } from '../../../../src/shared/mutators/written-text';

// What a refused change keeps for its author to copy (issue 13 item 5).
describe('writtenTextOf', () => {
  it.each([
    ['a reply', { ocId: 'o', interactionId: 'i', body: '  Bom dia, segue a correção.  ' }, 'Bom dia, segue a correção.'],
    ['a note', { ocId: 'o', body: 'Cliente ligou.' }, 'Cliente ligou.'],
    ['a take', { ocId: 'o' }, null],
    ['a pause without words', { ocId: 'o', body: '   ' }, null],
    ['a resolution with a reply', { ocId: 'o', note: 'Ajustado o CFOP.', reply: 'Corrigimos o cadastro.' }, 'Corrigimos o cadastro.\n\nAjustado o CFOP.'],
    ['a simulation record, in reading order', { ocId: 'o', simulation: { steps: 'Emitir NF-e', environment: 'Homologação', evidence: '', expected: 'Autorizada', actual: 'Rejeição 539' } }, 'Emitir NF-e\n\nHomologação\n\nAutorizada\n\nRejeição 539'],
    ['a new OC', { id: 'x', subject: 'Boleto com juros', description: 'O boleto sai com juros errados.' }, 'Boleto com juros\n\nO boleto sai com juros errados.'],
    ['not an object', 'texto solto', null],
    ['null', null, null],
    ['an array', ['body'], null],
    ['numbers where text should be', { body: 42, note: { body: 'deep' } }, null],
  ] as const)('%s', (_, args, expected) => {
    expect(writtenTextOf(args)).toBe(expected);
  });

  it('keeps at most 60 000 characters of a huge change', () => {
    expect(writtenTextOf({ body: 'a'.repeat(1_000_000) })).toHaveLength(60_000);
  });
});
