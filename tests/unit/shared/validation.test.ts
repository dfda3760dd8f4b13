import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from '../../../src/shared/validation';

describe('validation messages for people', () => {
  const schema = z.object({
    subject: z.string().min(3),
    body: z.string().min(1),
    email: z.email(),
    plan: z.enum(['prata', 'ouro', 'vip']),
    cnpj: z.string().refine(() => false, { message: 'CNPJ inválido / invalid CNPJ' }),
  });

  it('speaks Brazilian Portuguese and English, field by field', () => {
    const parsed = schema.safeParse({ subject: 'ab', body: '', email: 'x', plan: 'gold', cnpj: '1' });
    expect(parsed.success).toBe(false);
    const messages = describeIssues(parsed.error!.issues);
    expect(messages['pt-BR']).toBe(
      'subject: deve ter no mínimo 3 caractere(s); body: campo obrigatório; email: e-mail inválido; plan: opção inválida (use: prata, ouro, vip); cnpj: CNPJ inválido',
    );
    expect(messages.en).toContain('subject: Too small');
    expect(messages.en).toContain('cnpj: invalid CNPJ');
  });
});
