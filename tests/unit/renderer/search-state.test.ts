import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../src/shared/api/search';
import type { ApiResult } from '../../../src/shared/api/result';
import { createRouter, parseRoute, routeHash, type HashWindow } from '../../../src/renderer/app/router';
import { markedPieces } from '../../../src/renderer/features/search/marked-pieces';
import { createSearchStore } from '../../../src/renderer/features/search/search-store';
import { createApiClient } from '../../../src/renderer/lib/api/client';
import type { Transport } from '../../../src/renderer/lib/api/transport';

// One search state (features/search/search-store.ts): the top bar's box and the page's box both show `text`;
// the route holds what runs, so Enter, back and forward keep boxes, address and results in agreement.

/** A window whose hash changes fire hashchange (later, as a browser does), with back/forward. */
const fakeWindow = (initial: string) => {
  const listeners: Array<() => void> = [];
  const history = [initial];
  let at = 0;
  let hash = initial;
  const fire = (): void => void queueMicrotask(() => listeners.forEach((l) => l()));
  const win: HashWindow & { back(): void; forward(): void } = {
    location: {
      get hash() {
        return hash;
      },
      set hash(next: string) {
        if (next === hash) return;
        hash = next;
        history.splice(at + 1, history.length, next);
        at = history.length - 1;
        fire();
      },
    },
    addEventListener: (_type, listener) => void listeners.push(listener),
    back() {
      at -= 1;
      hash = history[at]!;
      fire();
    },
    forward() {
      at += 1;
      hash = history[at]!;
      fire();
    },
  };
  return win;
};

const answerFor = (text: string): SearchResult => ({ hits: [], total: text.length, customers: [], customerTotal: 0 });

/** search.run answers with total = text length; answers can be held to arrive out of order. */
const searchTransport = () => {
  const calls: Array<{ text: string; filters: unknown; limit: number }> = [];
  const held = new Map<string, () => void>();
  let hold: string | null = null;
  const transport: Transport = {
    invoke: async (method, args): Promise<ApiResult<unknown>> => {
      if (method !== 'search.run') return { ok: true, value: null };
      const a = args as { text: string; filters: unknown; limit: number };
      calls.push(a);
      if (a.text === 'falha') return { ok: false, error: { code: 'NOT_LOGGED_IN', message: { 'pt-BR': 'Faça login para continuar.', en: 'Log in to continue.' } } };
      if (hold === a.text) await new Promise<void>((release) => held.set(a.text, release));
      return { ok: true, value: answerFor(a.text) };
    },
    subscribe: () => () => undefined,
  };
  return { transport, calls, holdNext: (text: string) => (hold = text), release: (text: string) => held.get(text)?.() };
};

const settle = () => new Promise((r) => setTimeout(r, 0));

const setup = (hash: string) => {
  const win = fakeWindow(hash);
  const router = createRouter(win);
  const api = searchTransport();
  const search = createSearchStore(createApiClient(api.transport), router);
  return { win, router, api, search };
};

describe('the shared search state', () => {
  it('opens on the address: the text and filters of #/busca, and runs that search', async () => {
    const { search, api } = setup('#/busca?q=nota%20fiscal&status=nova,em_atendimento&de=2026-11-01&plano=vip&modulo=fiscal');
    await settle();
    expect(search.getState().text).toBe('nota fiscal');
    expect(search.getState().filters).toEqual({ statuses: ['nova', 'em_atendimento'], modules: ['fiscal'], plans: ['vip'], openedFrom: '2026-11-01', openedTo: '' });
    expect(api.calls).toEqual([{ text: 'nota fiscal', filters: { statuses: ['nova', 'em_atendimento'], modules: ['fiscal'], plans: ['vip'], openedFrom: '2026-11-01' }, limit: 500 }]);
    expect(search.getState().result?.total).toBe('nota fiscal'.length);
  });

  it('typing in either box is the same text for both; Enter puts it in the address and runs it', async () => {
    const { search, win, api } = setup('#/fila');
    // The top bar's box and the page's box read and write one field: what one types, the other shows.
    search.getState().setText('Araucá');
    expect(search.getState().text).toBe('Araucá');
    search.getState().setText('Araucária');
    expect(api.calls).toEqual([]); // typing alone runs nothing
    search.getState().submit();
    await settle();
    expect(win.location.hash).toBe('#/busca?q=Arauc%C3%A1ria');
    expect(api.calls.map((c) => c.text)).toEqual(['Araucária']);
    expect(search.getState().ran?.text).toBe('Araucária');
  });

  it('back and forward bring the boxes and the results of each search', async () => {
    const { search, win, api } = setup('#/fila');
    for (const text of ['primeira', 'segunda']) {
      search.getState().setText(text);
      search.getState().submit();
      await settle();
    }
    search.getState().setText('digitado sem Enter');
    win.back();
    await settle();
    expect(search.getState().text).toBe('primeira');
    expect(search.getState().result?.total).toBe('primeira'.length);
    win.forward();
    await settle();
    expect(search.getState().text).toBe('segunda');
    expect(api.calls.map((c) => c.text)).toEqual(['primeira', 'segunda', 'primeira', 'segunda']);
    win.back();
    win.back();
    await settle();
    expect(search.getState()).toMatchObject({ text: 'segunda', ran: { text: 'segunda' } }); // #/fila is not a search: text stays
  });

  it('the sidebar and "g b" open the page on what the boxes show, not on an empty box', async () => {
    const { search, win, api } = setup('#/fila');
    search.getState().setText('boleto');
    search.getState().open();
    await settle();
    expect(win.location.hash).toBe('#/busca?q=boleto');
    expect(api.calls.map((c) => c.text)).toEqual(['boleto']);
    search.getState().setText('');
    search.getState().open();
    await settle();
    expect(search.getState()).toMatchObject({ text: '', ran: null, result: null });
  });

  it('a filter changed runs the search on screen again, through the address', async () => {
    const { search, win, api } = setup('#/busca?q=nota');
    await settle();
    search.getState().setFilters({ ...search.getState().filters, plans: ['ouro'] });
    await settle();
    expect(parseRoute(win.location.hash)).toEqual({ name: 'search', q: 'nota', filters: { statuses: [], modules: [], plans: ['ouro'], openedFrom: '', openedTo: '' } });
    expect(api.calls.at(-1)).toEqual({ text: 'nota', filters: { plans: ['ouro'] }, limit: 500 });
  });

  it('only the latest answer lands when an older one arrives after it', async () => {
    const { search, api } = setup('#/fila');
    api.holdNext('lenta');
    search.getState().setText('lenta');
    search.getState().submit();
    await settle();
    search.getState().setText('rápida!');
    search.getState().submit();
    await settle();
    api.release('lenta');
    await settle();
    expect(search.getState().result?.total).toBe('rápida!'.length);
    expect(search.getState().text).toBe('rápida!');
  });

  it('keeps a refusal as its message in both languages, and runs again on refresh', async () => {
    const { search, api } = setup('#/busca?q=falha');
    await settle();
    expect(search.getState().error).toEqual({ 'pt-BR': 'Faça login para continuar.', en: 'Log in to continue.' });
    search.getState().refresh();
    await settle();
    expect(api.calls.map((c) => c.text)).toEqual(['falha', 'falha']);
  });

  it('an empty search on screen shows the start, and the address drops what is not a filter', async () => {
    const { search } = setup('#/busca?q=&status=aberta,nova&modulo=../x,fiscal&plano=diamante&de=2026-02-30');
    await settle();
    expect(search.getState()).toMatchObject({ text: '', ran: null, result: null, filters: { statuses: ['nova'], modules: ['fiscal'], plans: [], openedFrom: '' } });
    expect(routeHash({ name: 'search', q: 'x' })).toBe('#/busca?q=x');
  });
});

describe('marked snippets', () => {
  it('are pieces of text, marks clamped to the text', () => {
    expect(markedPieces('Araucária Alimentos', [[0, 9]])).toEqual([{ text: 'Araucária', marked: true }, { text: ' Alimentos', marked: false }]);
    expect(markedPieces('abc', [[1, 99], [0, 2]])).toEqual([{ text: 'ab', marked: true }, { text: 'c', marked: true }]);
    // Markup in a subject or reply is a piece of text like any other: Marked renders pieces as text nodes.
    expect(markedPieces('<img src=x onerror=alert(1)> nota', [[29, 33]])).toEqual([{ text: '<img src=x onerror=alert(1)> ', marked: false }, { text: 'nota', marked: true }]);
  });
});
