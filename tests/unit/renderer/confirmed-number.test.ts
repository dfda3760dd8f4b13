import { describe, expect, it } from 'vitest';
import { waitForOcNumber } from '../../../src/renderer/features/phone/confirmed-number';
import { createApiClient } from '../../../src/renderer/lib/api/client';
import { fakeTransport } from './fake-transport';

// An OC opened from a call: online, the analyst is told the server's number, not the provisional one.

const detail = (number: string | null) => ({ ok: true as const, value: { displayNumber: number ?? 'PROV-3F2B8C', oc: { number } } });

describe('the number of an OC just opened', () => {
  it('online, waits for the server to number it and answers that number', async () => {
    let numbered: string | null = null;
    const { transport, emit } = fakeTransport(() => detail(numbered));
    const waiting = waitForOcNumber(createApiClient(transport), 'oc-1', true, 5_000);
    await new Promise((r) => setTimeout(r, 10));
    emit('data.changed', { tables: ['ocorrencia'], ocIds: ['another'] });
    numbered = 'OC-2026-004218';
    emit('data.changed', { tables: ['ocorrencia'], ocIds: ['oc-1'] });
    expect(await waiting).toEqual({ displayNumber: 'OC-2026-004218', confirmed: true });
  });

  it('offline, answers the provisional number at once; online but slow, after the wait', async () => {
    const { transport } = fakeTransport(() => detail(null));
    expect(await waitForOcNumber(createApiClient(transport), 'oc-1', false)).toEqual({ displayNumber: 'PROV-3F2B8C', confirmed: false });
    const started = Date.now();
    expect(await waitForOcNumber(createApiClient(transport), 'oc-1', true, 50)).toEqual({ displayNumber: 'PROV-3F2B8C', confirmed: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
