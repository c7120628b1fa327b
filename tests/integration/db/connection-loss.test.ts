import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { pgPoolOf } from "#db/sql";
import { createTestDb, testEngine, type TestDb } from "../../setup/test-db";

/*
 * PostgreSQL ends connections on its own (a restart, a failover, `DROP DATABASE … WITH (FORCE)`). A pool
 * whose idle connection is ended emits "error"; with no listener Node treats it as an uncaught exception and
 * the app process dies. The pool must survive and reconnect on the next query.
 */
describe.skipIf(testEngine() !== "postgres")("a PostgreSQL connection ended by the server", () => {
  let t: TestDb;
  beforeAll(() => {
    t = createTestDb();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  test("does not crash the process; the next query reconnects", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const pool = pgPoolOf(t.db)!;
    const { rows } = await pool.query<{ pid: number }>("select pg_backend_pid() as pid");
    expect(pool.idleCount).toBeGreaterThan(0);

    const admin = new pg.Client({ connectionString: t.path });
    await admin.connect();
    await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
    await admin.end();
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining("PostgreSQL"), expect.any(String)));

    const after = await sql<{ one: number }>`select 1 as one`.execute(t.db);
    expect(after.rows[0]!.one).toBe(1);
    warn.mockRestore();
  });
});
