import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "./client";
import { PG_TYPES } from "./dialects/postgres";
import { isPostgresUrl } from "./url";

/*
 * `npm run db:backup` and `npm run db:restore` (README, "Backups").
 * A backup is a folder: the database (`motcua.sqlite`, or `motcua.pgdump` made by pg_dump), the data
 * folder's `uploads/` and `session-secret`, and `manifest.json` (engine, time, row count per table,
 * SHA-256 per file). The database is copied first and the files after, so every upload a backed-up row
 * names is in the backup (uploads are written before their row and never changed).
 * - SQLite: the online backup API of better-sqlite3 on a connection of its own, while the app keeps
 *   writing (WAL: the app is not blocked). All remaining pages go in one step, a consistent snapshot.
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot of its own) and `pg_restore`, which must
 *   be installed (Debian's postgresql-client).
 * A restore goes into an empty data folder (and, for PostgreSQL, an empty database) only, checks every
 * file against the manifest and the restored row counts against it.
 */

const run = promisify(execFile);

export interface BackupManifest {
  format: 1;
  engine: "sqlite" | "postgres";
  createdAt: string;
  database: string;
  tables: Record<string, number>;
  files: Record<string, string>;
}

const sha256File = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

function sqliteRowCounts(file: string): Record<string, number> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
    return Object.fromEntries(names.map((n) => [n, db.prepare(`select count(*) from "${n}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

async function postgresRowCounts(url: string): Promise<Record<string, number>> {
  const db = openDatabase(url, { poolSize: 1 });
  try {
    const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
    const counts: Record<string, number> = {};
    for (const { name } of rows) {
      const { rows: c } = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
      counts[name] = c[0]!.n;
    }
    return counts;
  } finally {
    await db.destroy();
  }
}

/**
 * pg_dump of the database, and its row counts read in the very snapshot the dump reads: a repeatable-read
 * transaction exports its snapshot and pg_dump is told to use it.
 */
async function dumpPostgres(url: string, target: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url, types: PG_TYPES });
  await client.connect();
  try {
    await client.query("begin isolation level repeatable read read only");
    const { rows } = await client.query<{ snapshot: string }>("select pg_export_snapshot() as snapshot");
    const dump = run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${rows[0]!.snapshot}`, `--file=${target}`, `--dbname=${url}`]);
    const { rows: tables } = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows: c } = await client.query<{ n: number }>(`select count(*) as n from "${name.replace(/"/g, '""')}"`);
      counts[name] = c[0]!.n;
    }
    await dump;
    await client.query("commit");
    return counts;
  } finally {
    await client.end();
  }
}

/** Copies `DATABASE_URL`'s database and the data folder's files into the new folder `to`. */
export async function backupDatabase(options: { databaseUrl: string; dataDir: string; to: string; now?: Date }): Promise<BackupManifest> {
  if (existsSync(options.to) && readdirSync(options.to).length > 0) throw new Error(`${options.to} is not empty: back up into a new folder`);
  mkdirSync(options.to, { recursive: true });
  const postgres = isPostgresUrl(options.databaseUrl);
  const database = postgres ? "motcua.pgdump" : "motcua.sqlite";
  const target = join(options.to, database);
  let tables: Record<string, number>;
  if (postgres) {
    tables = await dumpPostgres(options.databaseUrl, target);
  } else {
    if (!existsSync(options.databaseUrl)) throw new Error(`No SQLite database at ${options.databaseUrl}`);
    const source = new SQLite(options.databaseUrl, { fileMustExist: true });
    try {
      source.pragma("busy_timeout = 5000");
      // Every remaining page in one step: one read snapshot, so writers cannot make it start over.
      await source.backup(target, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    const check = new SQLite(target, { fileMustExist: true });
    try {
      const result = check.pragma("integrity_check", { simple: true });
      if (result !== "ok") throw new Error(`The backup fails SQLite's integrity check: ${String(result)}`);
      check.pragma("journal_mode = DELETE");
    } finally {
      check.close();
    }
    tables = sqliteRowCounts(target);
  }
  const uploads = join(options.dataDir, "uploads");
  if (existsSync(uploads)) cpSync(uploads, join(options.to, "uploads"), { recursive: true });
  const secret = join(options.dataDir, "session-secret");
  if (existsSync(secret)) cpSync(secret, join(options.to, "session-secret"));
  const files = Object.fromEntries(listFiles(options.to).map((path) => [relative(options.to, path), sha256File(path)]));
  const manifest: BackupManifest = {
    format: 1,
    engine: postgres ? "postgres" : "sqlite",
    createdAt: (options.now ?? new Date()).toISOString(),
    database,
    tables,
    files,
  };
  writeFileSync(join(options.to, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Restores the backup folder `from` into the empty (or missing) data folder `dataDir`; a PostgreSQL
 * backup also needs `databaseUrl`, an empty database. Returns the `DATABASE_URL` to start the app with.
 */
export async function restoreBackup(options: { from: string; dataDir: string; databaseUrl?: string }): Promise<{ databaseUrl: string; manifest: BackupManifest }> {
  const manifest = JSON.parse(readFileSync(join(options.from, "manifest.json"), "utf8")) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`Unknown backup format ${String(manifest.format)}`);
  for (const [name, hash] of Object.entries(manifest.files)) {
    const path = join(options.from, name);
    if (!existsSync(path) || sha256File(path) !== hash) throw new Error(`${name} is missing or changed since the backup was made`);
  }
  if (existsSync(options.dataDir) && readdirSync(options.dataDir).length > 0) {
    throw new Error(`${options.dataDir} is not empty: restore into an empty data folder`);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const uploads = join(options.from, "uploads");
  if (existsSync(uploads)) cpSync(uploads, join(options.dataDir, "uploads"), { recursive: true });
  const secret = join(options.from, "session-secret");
  if (existsSync(secret)) cpSync(secret, join(options.dataDir, "session-secret"));

  let databaseUrl: string;
  let restored: Record<string, number>;
  if (manifest.engine === "sqlite") {
    databaseUrl = join(options.dataDir, "motcua.sqlite");
    cpSync(join(options.from, manifest.database), databaseUrl);
    restored = sqliteRowCounts(databaseUrl);
  } else {
    if (!options.databaseUrl || !isPostgresUrl(options.databaseUrl)) throw new Error("A PostgreSQL backup restores into an empty database: pass --database postgres://…");
    databaseUrl = options.databaseUrl;
    const present = await postgresRowCounts(databaseUrl);
    if (Object.keys(present).length > 0) throw new Error(`The database is not empty (it has ${Object.keys(present).length} tables): restore into a new database`);
    await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${databaseUrl}`, join(options.from, manifest.database)]);
    restored = await postgresRowCounts(databaseUrl);
  }
  const differing = Object.keys({ ...manifest.tables, ...restored }).filter((t) => manifest.tables[t] !== restored[t]);
  if (differing.length > 0) throw new Error(`Restored row counts differ from the backup's in: ${differing.join(", ")}`);
  return { databaseUrl, manifest };
}
