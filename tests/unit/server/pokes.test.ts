import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { PokeHub } from '../../../src/server/http/pokes';

// The poke hub (issue 14): a poke carries the changes above the last poked head when the carrier has them, says
// only "pull" otherwise (the first poke, too many changes, a failed read), and goes out in the order decided.

const fakeSocket = () => {
  const sent: unknown[] = [];
  const socket = { OPEN: 1, readyState: 1, send: (frame: Buffer | string) => sent.push(JSON.parse(String(frame))), on: () => socket, terminate: () => undefined };
  return { socket: socket as unknown as WebSocket, sent };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('PokeHub', () => {
  it('carries the changes above the last poked head, in the order decided, and falls back to a plain poke', async () => {
    const reads: Array<{ from: number; head: number; resolve(value: { changes: string; head: number } | null): void; reject(error: Error): void }> = [];
    const hub = new PokeHub(0, (from, head) => new Promise((resolve, reject) => reads.push({ from, head, resolve, reject })));
    const { socket, sent } = fakeSocket();
    hub.add(socket);

    hub.committed(10); // the first poke: nothing poked before it to carry from
    await settle();
    expect(sent).toEqual([{ type: 'poke', head: 10 }]);
    expect(reads).toHaveLength(0);

    hub.committed(12);
    hub.committed(15);
    await settle();
    expect(reads.map((r) => [r.from, r.head])).toEqual([[10, 12], [12, 15]]);
    // The second read answers first: nothing is sent until the first one is.
    reads[1]?.resolve({ changes: '{"table":"recado","version":15,"row":{"id":"r2"}}', head: 15 });
    await settle();
    expect(sent).toHaveLength(1);
    reads[0]?.resolve({ changes: '{"table":"recado","version":11,"row":{"id":"r1"}}', head: 12 });
    await settle();
    expect(sent.slice(1)).toEqual([
      { type: 'poke', head: 12, from: 10, changes: [{ table: 'recado', version: 11, row: { id: 'r1' } }] },
      { type: 'poke', head: 15, from: 12, changes: [{ table: 'recado', version: 15, row: { id: 'r2' } }] },
    ]);

    // Too many to carry (null) or a failed read: "pull".
    hub.committed(20);
    await settle();
    reads[2]?.resolve(null);
    hub.committed(21);
    await settle();
    reads[3]?.reject(new Error('log read failed'));
    await settle();
    expect(sent.slice(3)).toEqual([{ type: 'poke', head: 20 }, { type: 'poke', head: 21 }]);
  });

  it('without a carrier, pokes say only "pull"', async () => {
    const hub = new PokeHub(0);
    const { socket, sent } = fakeSocket();
    hub.add(socket);
    hub.committed(3);
    await settle();
    hub.committed(4);
    await settle();
    expect(sent).toEqual([{ type: 'poke', head: 3 }, { type: 'poke', head: 4 }]);
  });
});
