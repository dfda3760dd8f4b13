import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withTempOnDisk } from '../../../../src/core/db/bulk-sync';
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
