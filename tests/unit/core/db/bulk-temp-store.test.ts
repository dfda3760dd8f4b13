import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withoutOwnFsync, withTempOnDisk } from '../../../../src/core/db/bulk-sync';
import { openDatabase } from '../../../../src/core/db/connection';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const db = () => {
  const dir = mkdtempSync(join(tmpdir(), 'soe-temp-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'replica.db'));
};
const tempStore = (d: ReturnType<typeof db>): number => d.pragma('temp_store', { simple: true }) as number;

// The end of an initial sync sorts whole tables in files, not memory (issue 14 item 1: its peak memory).
describe('withTempOnDisk', () => {
  it('sorts in files while it runs and puts memory back after, also when the work throws', () => {
    const d = db();
    expect(tempStore(d)).toBe(2); // MEMORY, the connection's setting
    expect(withTempOnDisk(d, () => tempStore(d))).toBe(1); // FILE
    expect(tempStore(d)).toBe(2);
    expect(() => withTempOnDisk(d, () => {
      throw new Error('interrupted');
    })).toThrow('interrupted');
    expect(tempStore(d)).toBe(2);
    d.close();
  });
});

describe('withoutOwnFsync', () => {
  it('commits a bulk page with NORMAL and fewer checkpoints, then puts FULL and the default interval back, also on a throw', () => {
    const d = db();
    const seen: unknown[] = [];
    withoutOwnFsync(d, () => seen.push(d.pragma('synchronous', { simple: true }), d.pragma('wal_autocheckpoint', { simple: true })));
    expect(seen).toEqual([1, 8_192]);
    expect(() => withoutOwnFsync(d, () => {
      throw new Error('bad page');
    })).toThrow('bad page');
    expect(d.pragma('synchronous', { simple: true })).toBe(2);
    expect(d.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
    d.close();
  });
});
