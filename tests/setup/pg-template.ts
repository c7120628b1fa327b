import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "#db/client";
import { migrateToLatest } from "#db/migrate";
import { adminSql, createDatabaseSql, dropDatabaseSql, PG_ADMIN_URL, pgUrlOf, runPrefix } from "./pg-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgRunPrefix: string;
    pgTemplate: string;
  }
}

/**
 * Migrates one PostgreSQL template database for the run; each test file gets `CREATE DATABASE …
 * TEMPLATE` of it (test-db.ts). At the end every database of this run is dropped, those a crashed
 * test file left behind included; other runs' databases have other prefixes and are left alone.
 */
export default async function setup(project: TestProject) {
  const prefix = runPrefix();
  const template = `${prefix}_tpl`;
  try {
    adminSql("select 1");
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_ADMIN_URL} (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)`,
      { cause: error },
    );
  }
  adminSql(createDatabaseSql(template));
  const db = openDatabase(pgUrlOf(template), { poolSize: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    // A template must have no open connection when databases are made from it.
    await db.destroy();
  }
  project.provide("pgRunPrefix", prefix);
  project.provide("pgTemplate", template);

  return async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>("select datname from pg_database where starts_with(datname, $1)", [prefix]);
      for (const { datname } of rows) await client.query(dropDatabaseSql(datname));
    } finally {
      await client.end();
    }
  };
}
