import { PostgresDialect } from "kysely";
import pg from "pg";
import Cursor from "pg-cursor";

/*
 * PostgreSQL through Kysely's PostgresDialect and `pg` 8. The schema keeps SQLite's storage rules on
 * this engine too (docs/decisions/0011-postgresql.md): dates and instants are text, booleans 0/1
 * integers, ids `integer`. What pg would otherwise hand back differently is parsed here, once:
 * - int8 (count(*), sum of integers) as a number, refusing one beyond 2^53 rather than rounding it;
 * - numeric (sum of int8, avg) as a number;
 * - boolean expressions (`exists`, comparisons) as 0/1, as SQLite returns them;
 * - date and timestamp values, should an expression produce one, as the text pg sent (no `Date`,
 *   so no time-zone conversion by the driver).
 * The parsers are given to each pool rather than set on pg's global registry.
 */

const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`Integer ${text} is beyond JavaScript's safe range`);
  return value;
}

const PARSERS: Record<number, (text: string) => unknown> = {
  [INT8]: parseInt8,
  [NUMERIC]: (text) => Number(text),
  [BOOL]: (text) => (text === "t" ? 1 : 0),
  [DATE]: (text) => text,
  [TIMESTAMP]: (text) => text,
  [TIMESTAMPTZ]: (text) => text,
};

export const PG_TYPES: pg.CustomTypesConfig = {
  // The overloads of pg's getTypeParser are not expressible in one implementation signature.
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    (format ?? "text") === "text" && PARSERS[oid] ? PARSERS[oid] : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** A pool with the product's type parsers and session settings. Connecting happens on first use. */
export function createPgPool(connectionString: string, options: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    types: PG_TYPES,
    max: options.max ?? 10,
    application_name: "motcua-qms",
    // Nothing stored depends on these, but an expression that formats a date or time gets one meaning.
    options: "-c TimeZone=UTC -c DateStyle=ISO,YMD -c client_encoding=UTF8",
  });
  // An idle connection ended by the server (restart, failover, a dropped database) is emitted here; without
  // a listener Node would crash the process. The pool has already discarded it and reconnects on next use.
  pool.on("error", (error) => console.warn("PostgreSQL: an idle connection was closed:", error.message));
  return pool;
}

/**
 * Text columns are compared and sorted as SQLite does (byte order of UTF-8): codes such as `CL-99` and
 * ISO dates sort the same way on both engines only under the `C` collation. A database created with a
 * language collation would silently reorder lists, so it is refused with the command that fixes it.
 */
export async function checkPostgresDatabase(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ datname: string; datcollate: string; encoding: string }>(
    "select datname, datcollate, pg_encoding_to_char(encoding) as encoding from pg_database where datname = current_database()",
  );
  const row = rows[0];
  if (!row) throw new Error("PostgreSQL: cannot read the current database's settings");
  const collate = row.datcollate.toUpperCase();
  if (!(collate === "C" || collate === "POSIX" || collate.startsWith("C."))) {
    throw new Error(
      `PostgreSQL database "${row.datname}" uses collation ${row.datcollate}; motcua-qms needs the C collation ` +
        `(create it with: createdb --template=template0 --locale=C.UTF-8 --encoding=UTF8 ${row.datname})`,
    );
  }
  if (row.encoding !== "UTF8") throw new Error(`PostgreSQL database "${row.datname}" must be UTF8 (it is ${row.encoding})`);
}

const pools = new WeakMap<object, pg.Pool>();

/**
 * Kysely's PostgresDialect over `pool`, whose database is checked (and, with `prepare`, first
 * created, as the tests do) before the first query. `register` links the Kysely instance to its
 * pool for `pgPoolOf` (advisory locks, LISTEN, a job queue sharing the pool).
 */
export function postgresDialect(pool: pg.Pool, prepare?: () => Promise<void>): PostgresDialect {
  return new PostgresDialect({
    // Kysely's `.stream()` (the register's CSV: one statement, rows read in batches).
    cursor: Cursor,
    pool: async () => {
      await prepare?.();
      await checkPostgresDatabase(pool);
      return pool;
    },
  });
}

export function registerPool(db: object, pool: pg.Pool): void {
  pools.set(db, pool);
}

/** The pg Pool behind a Kysely instance opened by `openDatabase` on PostgreSQL (undefined on SQLite). */
export function pgPoolOf(db: object): pg.Pool | undefined {
  return pools.get(db);
}
