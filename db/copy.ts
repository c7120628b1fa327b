import { createHash } from "node:crypto";
import SQLite from "better-sqlite3";
import { sql, type Kysely } from "kysely";
import { openDatabase } from "./client";
import { migrateToLatest } from "./migrate";
import { migrations } from "./migrations/index";
import type { Database } from "./schema";
import { syncIdSequences } from "./sql";
import { isPostgresUrl } from "./url";

/*
 * A commune joining the province's system: its SQLite database copied into PostgreSQL
 * (`npm run db:copy -- --from ./data/motcua.sqlite --to postgres://…`).
 * - the source is opened read-only and must be at the migration this code knows (npm run db:migrate);
 * - the target must be a new database (no tables): it is migrated here, and the reference rows some
 *   migrations write (the scorecard grid) are replaced by the source's own;
 * - rows are copied verbatim in one transaction, tables in foreign-key order, with the target's own
 *   triggers off (the per-day summary is copied, not recomputed; an audit trail is not re-stamped),
 *   references of a table to itself filled in afterwards; id sequences are then set past the copied ids;
 * - every table is then read back from both sides in key order: the row counts and a SHA-256 of the rows
 *   must agree, or the copy is reported as failed.
 */

export interface TableCheck {
  table: string;
  rows: number;
  sha256: string;
}

export interface CopyReport {
  tables: TableCheck[];
}

interface TableInfo {
  name: string;
  columns: string[];
  /** Order rows by these (the primary key; all columns for a table without one). */
  orderBy: string[];
  /** Columns referencing this same table, written after every row is there. */
  selfReferences: string[];
  dependsOn: string[];
  hasIntegerId: boolean;
}

const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

function readTables(source: SQLite.Database): TableInfo[] {
  // Plain tables only: a full-text index (FTS5 virtual table and its shadow tables, migration 0019)
  // is SQLite's own; PostgreSQL indexes the copied columns itself.
  const plain = new Set(
    (source.pragma("table_list") as Array<{ schema: string; name: string; type: string }>)
      .filter((t) => t.schema === "main" && t.type === "table")
      .map((t) => t.name),
  );
  const names = (
    source.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[]
  ).filter((name) => plain.has(name));
  return names
    .filter((name) => !MIGRATION_TABLES.has(name))
    .map((name) => {
      const columns = source.pragma(`table_info("${name}")`) as Array<{ name: string; type: string; pk: number }>;
      const keys = source.pragma(`foreign_key_list("${name}")`) as Array<{ table: string; from: string }>;
      const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      return {
        name,
        columns: columns.map((c) => c.name),
        orderBy: (pk.length > 0 ? pk : columns).map((c) => c.name),
        selfReferences: keys.filter((k) => k.table === name).map((k) => k.from),
        dependsOn: [...new Set(keys.map((k) => k.table).filter((t) => t !== name))],
        hasIntegerId: pk.length === 1 && pk[0]!.name === "id" && pk[0]!.type.toLowerCase() === "integer",
      };
    });
}

/** Tables ordered so each comes after the tables it references. */
function inDependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const visit = (t: TableInfo, path: string[]) => {
    if (done.has(t.name)) return;
    if (path.includes(t.name)) throw new Error(`Foreign keys form a cycle: ${[...path, t.name].join(" → ")}`);
    for (const d of t.dependsOn) {
      const dep = byName.get(d);
      if (dep) visit(dep, [...path, t.name]);
    }
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of tables) visit(t, []);
  return ordered;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One value as text that is the same whichever engine returned it. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return "n";
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `b${Buffer.from(value).toString("hex")}`;
  if (typeof value === "number" || typeof value === "bigint") return `d${String(value)}`;
  if (typeof value === "string") return `s${JSON.stringify(value)}`;
  throw new Error(`Unexpected value of type ${typeof value}`);
}

/** Row count and SHA-256 of a table's rows in key order, from rows handed over in that order. */
class TableHash {
  private hash = createHash("sha256");
  rows = 0;
  add(columns: string[], row: Record<string, unknown>) {
    this.hash.update(columns.map((c) => canonical(row[c])).join("\u001f") + "\u001e");
    this.rows += 1;
  }
  result(table: string): TableCheck {
    return { table, rows: this.rows, sha256: this.hash.digest("hex") };
  }
}

const PAGE = 2000;

/** The source's rows of a table, a page at a time, in key order. */
function* sourcePages(source: SQLite.Database, t: TableInfo): Generator<Record<string, unknown>[]> {
  const columns = t.columns.map(quote).join(", ");
  if (t.hasIntegerId) {
    const page = source.prepare(`select ${columns} from ${quote(t.name)} where id > ? order by id limit ${PAGE}`);
    let last = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = page.all(last) as Record<string, unknown>[];
      if (rows.length === 0) return;
      yield rows;
      last = rows.at(-1)!.id as number;
    }
  }
  yield source.prepare(`select ${columns} from ${quote(t.name)} order by ${t.orderBy.map(quote).join(", ")}`).all() as Record<string, unknown>[];
}

/** Every table's count and checksum on the PostgreSQL side. */
async function targetCheck(db: Kysely<Database>, t: TableInfo): Promise<TableCheck> {
  const hash = new TableHash();
  const columns = sql.join(t.columns.map((c) => sql.ref(c)));
  if (t.hasIntegerId) {
    let last = -(2 ** 31);
    for (;;) {
      const { rows } = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(t.name)} where id > ${last} order by id limit ${PAGE}`.execute(db);
      if (rows.length === 0) break;
      for (const row of rows) hash.add(t.columns, row);
      last = rows.at(-1)!.id as number;
    }
  } else {
    const { rows } = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(t.name)} order by ${sql.join(t.orderBy.map((c) => sql.ref(c)))}`.execute(db);
    for (const row of rows) hash.add(t.columns, row);
  }
  return hash.result(t.name);
}

function sourceCheck(source: SQLite.Database, t: TableInfo): TableCheck {
  const hash = new TableHash();
  for (const rows of sourcePages(source, t)) for (const row of rows) hash.add(t.columns, row);
  return hash.result(t.name);
}

/** Copies the SQLite database `from` into the empty PostgreSQL database `to`; throws unless every table checks out. */
export async function copySqliteToPostgres(from: string, to: string, log: (line: string) => void = () => {}): Promise<CopyReport> {
  if (!isPostgresUrl(to)) throw new Error(`--to must be a postgres:// URL (got ${to})`);
  const source = new SQLite(from, { readonly: true, fileMustExist: true });
  const db = openDatabase(to);
  try {
    const applied = source.prepare("select name from kysely_migration order by name").pluck().all() as string[];
    const known = Object.keys(migrations);
    if (applied.join() !== known.join()) {
      throw new Error(`${from} is not at this version's latest migration (${known.at(-1)}); run npm run db:migrate on it first`);
    }
    const { rows: existing } = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = 'public'`.execute(db);
    if (existing[0]!.n > 0) {
      throw new Error(
        `The target is not empty (it has ${existing[0]!.n} tables): copy into a new, empty database ` +
          `(createdb --template=template0 --locale=C.UTF-8 --encoding=UTF8 <name>).`,
      );
    }
    await migrateToLatest(db);
    const tables = inDependencyOrder(readTables(source));
    // Reference rows some migrations write (the scorecard grid): the source holds its own copy of them.
    const filledByMigrations: TableInfo[] = [];
    for (const t of tables) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(db);
      if (rows[0]!.n > 0) filledByMigrations.push(t);
    }

    await db.transaction().execute(async (trx) => {
      for (const t of tables) await sql`alter table ${sql.table(t.name)} disable trigger user`.execute(trx);
      for (const t of [...filledByMigrations].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(trx);
      for (const t of tables) {
        const batch = Math.max(1, Math.floor(30_000 / t.columns.length));
        let copied = 0;
        for (const rows of sourcePages(source, t)) {
          const values = rows.map((row) => {
            const out: Record<string, unknown> = { ...row };
            for (const c of t.selfReferences) out[c] = null;
            return out;
          });
          for (let i = 0; i < values.length; i += batch) {
            await trx.insertInto(t.name as keyof Database).values(values.slice(i, i + batch) as never).execute();
          }
          for (const row of rows) {
            for (const c of t.selfReferences) {
              if (row[c] === null) continue;
              await sql`update ${sql.table(t.name)} set ${sql.ref(c)} = ${row[c]} where ${sql.join(t.orderBy.map((k) => sql`${sql.ref(k)} = ${row[k]}`), sql` and `)}`.execute(trx);
            }
          }
          copied += rows.length;
        }
        log(`${t.name}: ${copied} rows`);
      }
      for (const t of tables) await sql`alter table ${sql.table(t.name)} enable trigger user`.execute(trx);
      await syncIdSequences(trx, tables.filter((t) => t.hasIntegerId).map((t) => t.name));
    });

    const report: TableCheck[] = [];
    const mismatches: string[] = [];
    for (const t of tables) {
      const expected = sourceCheck(source, t);
      const actual = await targetCheck(db, t);
      report.push(actual);
      if (expected.rows !== actual.rows || expected.sha256 !== actual.sha256) {
        mismatches.push(`${t.name}: source ${expected.rows} rows ${expected.sha256.slice(0, 12)}…, target ${actual.rows} rows ${actual.sha256.slice(0, 12)}…`);
      }
    }
    if (mismatches.length > 0) throw new Error(`The copy does not match its source:\n  ${mismatches.join("\n  ")}`);
    return { tables: report };
  } finally {
    source.close();
    await db.destroy();
  }
}
