import { describe, expect, it } from 'vitest';
import { createRouter, parseRoute, routeHash, type HashWindow } from '../../../../src/renderer/app/router';

describe('customer history route', () => {
  it('names the customer, round-trips ids that need escaping, and without an id goes to the queue', () => {
    expect(parseRoute('#/cliente/c-42')).toEqual({ name: 'customer', id: 'c-42' });
    expect(parseRoute('#/cliente')).toEqual({ name: 'queue' });
    for (const id of ['c-42', 'a/b c?d#e', 'ção']) expect(parseRoute(routeHash({ name: 'customer', id }))).toEqual({ name: 'customer', id });
  });

  it('remembers where the page was opened from (an OC), which is where its "back" goes', () => {
    const listeners: Array<() => void> = [];
    const win: HashWindow = { location: { hash: '#/oc/o1' }, addEventListener: (_type, listener) => listeners.push(listener) };
    const router = createRouter(win);
    router.getState().navigate({ name: 'customer', id: 'c1' });
    listeners.forEach((l) => l());
    expect(router.getState().route).toEqual({ name: 'customer', id: 'c1' });
    expect(router.getState().previous).toEqual({ name: 'oc', id: 'o1' });
  });
});
