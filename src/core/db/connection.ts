import Database from 'better-sqlite3';
import { runMigrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Load better-sqlite3's native addon from this file (the Electron-ABI build in packaged apps). */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the local replica: WAL so readers never block the writer, FULL sync so a change
 * acknowledged to the UI survives a crash or a kill -9 (SPEC §6), then migrations up to the current version.
 */
export const openDatabase = (path: string, options: OpenOptions = {}): Db => {
  const db = new Database(path, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -65536');
    runMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};
