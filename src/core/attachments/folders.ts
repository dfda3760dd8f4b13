import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Db } from '../db/connection';

// Where a desktop keeps attachment bytes (issue 16): <data>/attachments/spool/<id> for its own files until the
// server has them, <data>/attachments/blobs/<sha256> for every file's bytes read or sent before (one copy per
// content), <data>/attachments/tmp for downloads in flight (renamed into blobs once their hash is checked).
// The data folder is the replica's; an in-memory replica (tests) gets a folder of its own under the OS tmp.

const memoryRoots = new WeakMap<Db, string>();

export const attachmentsRoot = (db: Db): string => {
  if (!db.memory) return join(dirname(db.name), 'attachments');
  let root = memoryRoots.get(db);
  if (root === undefined) {
    root = join(mkdtempSync(join(tmpdir(), 'soe-attachments-')), 'attachments');
    memoryRoots.set(db, root);
  }
  return root;
};

export const spoolPathOf = (db: Db, id: string): string => join(attachmentsRoot(db), 'spool', id);
export const blobPathOf = (db: Db, sha256: string): string => join(attachmentsRoot(db), 'blobs', sha256);
export const tempDirOf = (db: Db): string => join(attachmentsRoot(db), 'tmp');
