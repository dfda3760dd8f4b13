import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Db } from '../db/connection';
import { blobPathOf, tempDirOf } from './folders';

// The cache of attachment bytes by content: a file is there only once complete and checked (written elsewhere,
// then renamed in), so a present blob is always whole; the same bytes are stored once however many attach them.

export const isCached = (db: Db, sha256: string): boolean => existsSync(blobPathOf(db, sha256));

/** Moves a complete file whose hash is `sha256` into the cache (dropped when the same bytes are there already). */
export const moveIntoCache = async (db: Db, path: string, sha256: string): Promise<string> => {
  const target = blobPathOf(db, sha256);
  if (path === target) return target;
  if (existsSync(target)) {
    await rm(path, { force: true });
    return target;
  }
  await mkdir(dirname(target), { recursive: true });
  await rename(path, target);
  return target;
};

/** A fresh temporary file for a download in flight, and its removal whatever happens. */
export const withTempFile = async <T>(db: Db, work: (path: string) => Promise<T>): Promise<T> => {
  await mkdir(tempDirOf(db), { recursive: true });
  const path = join(tempDirOf(db), randomUUID());
  try {
    return await work(path);
  } finally {
    await rm(path, { force: true });
  }
};
