import { execFileSync } from "node:child_process";

/*
 * The PostgreSQL server the integration-pg project and the PostgreSQL e2e smoke use: 127.0.0.1:5432,
 * trust authentication (STACK.md; `.ci/run` starts it). TEST_PG_URL overrides the admin connection.
 * Test databases are made from a template per run, with names unique to the run, and dropped after.
 */

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The URL of database `name` on the same server as PG_ADMIN_URL. */
export function pgUrlOf(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A name unique to this run (`motcua_t_<time>_<pid>_<random>`), for the run's template and every database made from it. */
export function runPrefix(): string {
  return `motcua_t_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Runs SQL on the admin database, synchronously (psql), so a test's database exists before the app
 * code under test opens it from DATABASE_URL. CREATE/DROP DATABASE cannot run in a transaction, hence
 * one statement per call.
 */
export function adminSql(statement: string): void {
  execFileSync("psql", ["--no-psqlrc", "-q", "-v", "ON_ERROR_STOP=1", "-d", PG_ADMIN_URL, "-c", statement], {
    stdio: ["ignore", "ignore", "pipe"],
  });
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** CREATE DATABASE with the collation and encoding the app requires (db/dialects/postgres.ts). */
export function createDatabaseSql(name: string, template?: string): string {
  return template
    ? `create database ${quoteIdent(name)} template ${quoteIdent(template)}`
    : `create database ${quoteIdent(name)} template template0 encoding 'UTF8' locale 'C.UTF-8'`;
}

export function dropDatabaseSql(name: string): string {
  return `drop database if exists ${quoteIdent(name)} with (force)`;
}
