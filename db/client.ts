import { Kysely } from "kysely";
import { createPgPool, postgresDialect, registerPool } from "./dialects/postgres";
import { registerSqlite, sqliteDialect } from "./dialects/sqlite";
import type { Database } from "./schema";
import { isPostgresUrl } from "./url";

export { openSqlite, sqliteHandleOf } from "./dialects/sqlite";
export { isPostgresUrl } from "./url";

export type Db = Kysely<Database>;
export type Engine = "sqlite" | "postgres";

/** Which engine a `DATABASE_URL` names: `postgres://` or `postgresql://` is PostgreSQL, anything else a SQLite file. */
export function engineOfUrl(url: string): Engine {
  return isPostgresUrl(url) ? "postgres" : "sqlite";
}

/**
 * The app's Kysely instance for `DATABASE_URL`: a SQLite file (created with its folder if needed)
 * or a PostgreSQL database. `prepare` runs before the first PostgreSQL connection (tests create
 * their database there).
 */
export function openDatabase(url: string, options: { prepare?: () => Promise<void>; poolSize?: number } = {}): Db {
  if (engineOfUrl(url) === "sqlite") {
    const { dialect, handle } = sqliteDialect(url);
    const db = new Kysely<Database>({ dialect });
    registerSqlite(db, handle);
    return db;
  }
  const pool = createPgPool(url, { max: options.poolSize });
  const db = new Kysely<Database>({ dialect: postgresDialect(pool, options.prepare) });
  registerPool(db, pool);
  return db;
}
