import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../../src/renderer/app/router';

describe('customer register route', () => {
  it('names the open customer, and round-trips ids that need escaping', () => {
    expect(parseRoute('#/clientes')).toEqual({ name: 'customers', id: null });
    expect(parseRoute('#/clientes/c-42')).toEqual({ name: 'customers', id: 'c-42' });
    for (const id of [null, 'c-42', 'a/b c?d']) expect(parseRoute(routeHash({ name: 'customers', id }))).toEqual({ name: 'customers', id });
  });
});
