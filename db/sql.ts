import SQLite from "better-sqlite3";
import { PostgresAdapter, sql, type Expression, type Kysely, type QueryExecutorProvider, type RawBuilder, type SelectQueryBuilder, type SqlBool } from "kysely";
import { foldSearchTerm, MIN_INDEXED_TERM } from "../app/domain/shared/search-term";
import type { Engine } from "./client";
import { pgPoolOf } from "./dialects/postgres";
import { sqliteHandleOf } from "./dialects/sqlite";
import type { Database } from "./schema";

/*
 * The few SQL pieces that are spelled differently on SQLite and PostgreSQL, in one place. Models call
 * these with the `db` (or transaction) they were given and never ask which engine they run on.
 * Everything else in the models is SQL both engines read the same way.
 */

/** The engine behind a Kysely instance or transaction. */
export function engineOf(db: QueryExecutorProvider): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export { pgPoolOf };

/**
 * The number of rows for which `condition` holds: `count(*) filter (where …)`, which both engines
 * accept (SQLite since 3.30), instead of SQLite's `sum(<boolean>)`; 0, not null, over no rows.
 */
export function countWhere(condition: Expression<SqlBool> | RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`count(*) filter (where ${condition})`;
}

/**
 * The business date (`YYYY-MM-DD`, Asia/Ho_Chi_Minh, UTC+7 all year since 1975) of a UTC ISO instant
 * stored as text.
 */
export function localDateOf(db: QueryExecutorProvider, instant: Expression<string | null> | RawBuilder<unknown>): RawBuilder<string> {
  return engineOf(db) === "postgres"
    ? sql<string>`to_char(cast(${instant} as timestamptz) at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD')`
    : sql<string>`date(${instant}, '+7 hours')`;
}

/** The business month (`YYYY-MM`) of a UTC ISO instant stored as text. */
export function localMonthOf(db: QueryExecutorProvider, instant: Expression<string | null> | RawBuilder<unknown>): RawBuilder<string> {
  return engineOf(db) === "postgres"
    ? sql<string>`to_char(cast(${instant} as timestamptz) at time zone 'UTC' + interval '7 hours', 'YYYY-MM')`
    : sql<string>`substr(datetime(${instant}, '+7 hours'), 1, 7)`;
}

/**
 * `text` contains `term`, ignoring the case of ASCII letters as SQLite's LIKE does (PostgreSQL's
 * LIKE is case-sensitive: ILIKE is its spelling). `%`, `_` and `\` in the term match themselves.
 */
export function containsText(db: QueryExecutorProvider, text: Expression<string | null> | RawBuilder<unknown>, term: string): RawBuilder<SqlBool> {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return engineOf(db) === "postgres"
    ? sql<SqlBool>`${text} ilike ${pattern} escape '\\'`
    : sql<SqlBool>`${text} like ${pattern} escape '\\'`;
}

/**
 * After rows were written with explicit ids (the demo seed, a copy from another database), moves each
 * table's id sequence past the largest id, so the next insert gets a fresh one. SQLite needs nothing:
 * its AUTOINCREMENT counter already follows the largest id written.
 */
export async function syncIdSequences(db: QueryExecutorProvider, tables: readonly string[]): Promise<void> {
  if (engineOf(db) !== "postgres") return;
  for (const table of tables) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}

/**
 * Within a transaction, waits until no other transaction holds `key` (PostgreSQL: a transaction-level
 * advisory lock, released at commit or rollback; it also holds across app processes). Used where a
 * transaction reads the largest number so far and writes the next one (dossier and record codes).
 * SQLite needs nothing: Kysely runs one transaction at a time on its single connection, and a write
 * transaction holds the file's write lock against other processes.
 */
export async function lockForNumbering(trx: QueryExecutorProvider, key: string): Promise<void> {
  if (engineOf(trx) !== "postgres") return;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/**
 * Narrows a dossier query to the dossiers whose code, applicant name, phone or ID number contains
 * `term`, ignoring case and Vietnamese accents (migration 0019's indexes: SQLite FTS5 trigram table
 * `dossier_search`, kept by triggers; PostgreSQL a `pg_trgm` GIN index over `motcua_fold(…)`).
 * Terms shorter than three letters after folding cannot use a trigram index: they match the code only.
 */
export function searchDossiers<TB extends keyof Database, O>(
  db: QueryExecutorProvider,
  query: SelectQueryBuilder<Database, TB, O>,
  term: string,
): SelectQueryBuilder<Database, TB, O> {
  const folded = foldSearchTerm(term);
  if ([...folded].length < MIN_INDEXED_TERM) return query.where(containsText(db, sql.ref("dossier.code"), term.trim()));
  if (engineOf(db) === "postgres") {
    const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return query.where(
      sql<SqlBool>`motcua_fold(dossier.code || ' ' || dossier.applicant_name || ' ' || coalesce(dossier.applicant_phone, '') || ' ' || coalesce(dossier.applicant_id_number, '')) like ${pattern} escape '\\'`,
    );
  }
  // A phrase: the trigram tokenizer matches it as a substring.
  const phrase = `"${folded.replace(/"/g, '""')}"`;
  return (query as unknown as SelectQueryBuilder<Database, "dossier", O>)
    .innerJoin("dossier_search", "dossier_search.rowid", "dossier.id")
    .where(sql<SqlBool>`dossier_search match ${phrase}`) as unknown as SelectQueryBuilder<Database, TB, O>;
}

/**
 * The column a dossier query narrowed by `searchDossiers(…, term)` should order and page by: on SQLite
 * the search index's rowid (equal to the dossier id), so the FTS index hands the rows over in order and
 * the newest page needs no sort of every match (0.6 ms instead of 118 ms for "nguyen van" at 100k rows);
 * else the dossier id.
 */
export function dossierOrderKey(db: QueryExecutorProvider, term: string | undefined): "dossier.id" | "dossier_search.rowid" {
  if (!term || engineOf(db) === "postgres" || [...foldSearchTerm(term)].length < MIN_INDEXED_TERM) return "dossier.id";
  return "dossier_search.rowid";
}

/**
 * The rows of one statement, read as they are consumed (flat memory, one pass). PostgreSQL: a
 * cursor (pg-cursor) on a pooled connection. SQLite: better-sqlite3's `iterate()` on a read-only
 * connection of its own (WAL gives it a consistent snapshot), because Kysely's single connection
 * would otherwise be held, and every other request wait, for as long as the client takes to download.
 */
export async function* streamRows<O>(db: Kysely<Database>, query: SelectQueryBuilder<Database, keyof Database, O>, batch = 1000): AsyncGenerator<O> {
  const handle = engineOf(db) === "sqlite" ? sqliteHandleOf(db) : undefined;
  if (!handle || handle.memory) {
    yield* query.stream(batch);
    return;
  }
  const compiled = query.compile();
  const reader = new SQLite(handle.name, { readonly: true, fileMustExist: true });
  try {
    const statement = reader.prepare(compiled.sql);
    for (const row of statement.iterate(...(compiled.parameters as unknown[]))) yield row as O;
  } finally {
    reader.close();
  }
}
