import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../schema.js';

export type SqliteDb = BetterSQLite3Database<typeof schema>;

/**
 * Runs `fn` in a BEGIN IMMEDIATE transaction (the write lock is taken up front, so the reads inside
 * cannot go stale). better-sqlite3's own wrapper reuses its prepared BEGIN/COMMIT statements,
 * which drizzle's `db.transaction` rebuilds on every call.
 */
export type Immediate = <T>(fn: () => T) => T;

/** The same relative path from src/ and from dist/. */
const MIGRATIONS = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Opens (creating if needed) the database file and applies pending migrations. */
export function openSqlite(path: string): { db: SqliteDb; immediate: Immediate; close: () => void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path);
  // WAL lets readers proceed during a write; NORMAL sync is durable across process crashes.
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  const db = drizzle(client, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  const immediate: Immediate = (fn) => client.transaction(fn).immediate();
  return { db, immediate, close: () => client.close() };
}
