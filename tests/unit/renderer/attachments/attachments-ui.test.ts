import { describe, expect, it } from 'vitest';
import { ATTACHMENT_SLICE_BYTES } from '../../../../src/shared/api/attachments';
import { formatFileSize } from '../../../../src/shared/attachments/size';
import { pastedName } from '../../../../src/renderer/features/attachments/pasted-name';
import { fromBase64, toBase64 } from '../../../../src/renderer/lib/base64';
import { readFile, sendFile } from '../../../../src/renderer/features/attachments/transfer';
import { createApiClient } from '../../../../src/renderer/lib/api/client';
import { fakeTransport } from '../fake-transport';

// Issue 16, the desktop's side of a file: slices and base64, what a pasted print is called, sizes in words. (The XML
// viewer needs a DOMParser: the attachments e2e checks it in Chromium.)

const bytesOf = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + (i >> 8)) & 0xff);

describe('attachment slices', () => {
  it('base64 round-trips every byte value and a slice-sized buffer exactly', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64(toBase64(all))).toEqual(all);
    const big = bytesOf(ATTACHMENT_SLICE_BYTES);
    expect(fromBase64(toBase64(big))).toEqual(big);
    expect(toBase64(new Uint8Array(0))).toBe('');
  });

  it('a 1.5 MB file goes to the core in three slices at their offsets, and comes back byte for byte', async () => {
    const file = Object.assign(new Blob([bytesOf(1_572_864)]), { name: 'log do monitor.txt' });
    const held: Uint8Array[] = [];
    const { transport, calls } = fakeTransport((method, args) => {
      const a = args as { offset: number; data: string; length: number };
      if (method === 'attachment.begin') return { ok: true, value: { id: 'd1' } };
      if (method === 'attachment.append') {
        held.push(fromBase64(a.data));
        return { ok: true, value: { received: held.reduce((n, b) => n + b.length, 0) } };
      }
      if (method === 'attachment.finish') return { ok: true, value: { id: 'd1', size: 1_572_864 } };
      const whole = new Uint8Array(held.reduce((n, b) => n + b.length, 0));
      let at = 0;
      for (const b of held) {
        whole.set(b, at);
        at += b.length;
      }
      const slice = whole.subarray(a.offset, a.offset + a.length);
      return { ok: true, value: { data: toBase64(slice), offset: a.offset, size: whole.length, mediaType: 'text/plain; charset=utf-8' } };
    });
    const api = createApiClient(transport);
    const progress: number[] = [];
    const sent = await sendFile(api, 'oc-1', file, (n) => progress.push(n));
    expect(sent.ok).toBe(true);
    expect(calls.filter((c) => c.method === 'attachment.append').map((c) => (c.args as { offset: number }).offset)).toEqual([0, ATTACHMENT_SLICE_BYTES, 2 * ATTACHMENT_SLICE_BYTES]);
    expect(progress).toEqual([ATTACHMENT_SLICE_BYTES, 2 * ATTACHMENT_SLICE_BYTES, 1_572_864]);
    const read = await readFile(api, 'd1');
    expect(read.ok && new Uint8Array(await read.blob.arrayBuffer())).toEqual(bytesOf(1_572_864));
    const cut = await readFile(api, 'd1', 1_000);
    expect(cut.ok && cut.truncated).toBe(true);
  });

  it('stops at the first refusal and says which draft it began', async () => {
    const { transport } = fakeTransport((method) =>
      method === 'attachment.begin' ? { ok: true, value: { id: 'd2' } } : { ok: false, error: { code: 'ATTACHMENT_TYPE_REFUSED', message: { 'pt-BR': 'tipo recusado', en: 'type refused' } } });
    const sent = await sendFile(createApiClient(transport), 'oc-1', Object.assign(new Blob(['<svg/>']), { name: 'x.svg' }), () => undefined);
    expect(sent).toMatchObject({ ok: false, id: 'd2', error: { code: 'ATTACHMENT_TYPE_REFUSED' } });
  });
});

describe('a pasted print and file sizes', () => {
  it('names a screenshot by the local date and time it was pasted', () => {
    expect(pastedName(new Date(2026, 11, 7, 9, 5).getTime(), 'image/png')).toBe('print-2026-12-07-09h05.png');
    expect(pastedName(new Date(2026, 0, 31, 23, 59).getTime(), 'image/jpeg')).toBe('print-2026-01-31-23h59.jpg');
  });

  it('writes sizes in words and units of the language', () => {
    expect(formatFileSize(241, 'en')).toBe('241 bytes');
    expect(formatFileSize(1, 'pt-BR')).toBe('1 byte');
    expect(formatFileSize(190.2 * 1024, 'pt-BR')).toBe('190,2 kB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
  });
});
