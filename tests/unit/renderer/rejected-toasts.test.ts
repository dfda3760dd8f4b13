import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RejectedNotice } from '../../../src/shared/api/notices';
import { formatMessage } from '../../../src/renderer/i18n/format-message';
import { messages } from '../../../src/renderer/i18n/messages';
import { createRejectedToaster, GATHER_MS, rejectedToastOf } from '../../../src/renderer/features/sync/rejected-toasts';

const notice = (mutationId: number, name: string, ocId: string | null, pt: string, text: string | null = null): RejectedNotice => ({
  id: `c:${mutationId}`,
  mutationId,
  name,
  ocId,
  error: { code: 'X', message: { 'pt-BR': pt, en: pt } },
  at: 0,
  dismissed: false,
  text,
});

afterEach(() => vi.useRealTimers());

describe('toasts of refused changes (issue 13 item 5)', () => {
  it('gathers the refusals of one OC that arrive together into one toast, in the order they were made', () => {
    vi.useFakeTimers();
    const shown: RejectedNotice[][] = [];
    const toaster = createRejectedToaster((list) => shown.push(list));
    toaster.add(notice(3, 'oc.pause', 'oc-1', 'c'));
    toaster.add(notice(1, 'oc.take', 'oc-1', 'a'));
    toaster.add(notice(7, 'oc.note', 'oc-2', 'x'));
    toaster.add(notice(2, 'oc.reply', 'oc-1', 'b', 'Bom dia'));
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(GATHER_MS);
    expect(shown.map((list) => list.map((n) => n.mutationId))).toEqual([[1, 2, 3], [7]]);
    toaster.add(notice(9, 'oc.take', 'oc-1', 'later'));
    vi.advanceTimersByTime(GATHER_MS);
    expect(shown.at(-1)?.map((n) => n.mutationId)).toEqual([9]);
  });

  it('names every refused change with its reason, and says where the written text is kept', () => {
    const t = (key: keyof (typeof messages)['pt-BR'], params?: Record<string, string | number>): string => formatMessage('pt-BR', messages['pt-BR'][key], params);
    const toast = rejectedToastOf([notice(1, 'oc.take', 'oc-1', 'OC já assumida por Ana Souza às 10:42.'), notice(2, 'oc.reply', 'oc-1', 'Esta OC está com Ana Souza; só quem a assumiu ou um líder pode respondê-la.', 'Bom dia')], t, 'pt-BR');
    expect(toast.title).toBe('2 alterações recusadas pelo servidor');
    expect(toast.body.split('\n')).toEqual([
      'Assumir a OC: OC já assumida por Ana Souza às 10:42.',
      'Resposta ao cliente: Esta OC está com Ana Souza; só quem a assumiu ou um líder pode respondê-la.',
      'O texto que você escreveu está guardado em Sincronização › Alterações recusadas, para copiar.',
    ]);
    const one = rejectedToastOf([notice(1, 'oc.take', 'oc-1', 'OC já assumida.')], t, 'pt-BR');
    expect(one).toEqual({ title: 'Alteração recusada pelo servidor', body: 'OC já assumida.' });
  });
});
