import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Db } from "#db/client";
import { ApiDossierSchema } from "~/domain/dossiers/api-schema";
import { createApiClient } from "~/models/api-clients.server";
import { submitApiDossier } from "~/models/api-dossiers.server";
import { getProcedureByCode, type Procedure } from "~/models/procedures.server";
import { seedReferenceData } from "../models/dossier-fixtures";
import { createTestDb, testEngine, type TestDb } from "../../setup/test-db";

/*
 * An idempotent API retry arriving at another process while the first request is still in flight:
 * two connections (two "processes") submit the same Idempotency-Key at once.
 */

const NOW = new Date("2026-03-02T02:00:00.000Z");
let t: TestDb;
let second: Db;
let client: { id: number; unit_id: number };
let procedure: Procedure;

beforeAll(async () => {
  t = createTestDb();
  second = openDatabase(t.path, { poolSize: 2 });
  const { unit } = await seedReferenceData(t.db);
  const created = await createApiClient(t.db, { kind: "system" }, unit.id, "Cổng tỉnh", ["dossiers"], NOW);
  client = { id: created.id, unit_id: unit.id };
  const found = await getProcedureByCode(t.db, unit.id, "1.001193");
  if (!found) throw new Error("demo procedure 1.001193 missing");
  procedure = found;
});

afterAll(async () => {
  await second.destroy();
  await t.cleanup();
});

const input = ApiDossierSchema.parse({
  procedureCode: "1.001193",
  channel: "online_full",
  receivedAt: "2026-03-02T01:30:00.000Z",
  applicant: { name: "Quàng Thị Duyên", phone: "0987654321", address: "Bản Co Sâu, xã Mường Sai" },
  documents: [{ name: "Tờ khai đăng ký khai sinh" }],
});

const dossierCount = async () =>
  Number((await t.db.selectFrom("dossier").select((eb) => eb.fn.countAll().as("n")).where("api_client_id", "=", client.id).executeTakeFirstOrThrow()).n);

describe(`idempotent API retries across processes (${testEngine()})`, () => {
  test("concurrent submissions with one key create one dossier and all get its answer", async () => {
    const idem = { key: "retry-1", requestHash: "h1" };
    // Two better-sqlite3 connections in ONE Node process would deadlock (the second's busy wait is
    // synchronous and blocks the first's commit): on SQLite the concurrent pair shares a connection,
    // and the other connection retries after; two real processes just wait for the file lock.
    const other = testEngine() === "postgres" ? second : t.db;
    const results = await Promise.all([
      submitApiDossier(t.db, client, procedure, input, idem, "http://a", NOW),
      submitApiDossier(other, client, procedure, input, idem, "http://b", NOW),
      submitApiDossier(other, client, procedure, input, idem, "http://b", NOW),
      submitApiDossier(t.db, client, procedure, input, idem, "http://a", NOW),
    ]);
    results.push(await submitApiDossier(second, client, procedure, input, idem, "http://b", NOW));
    expect(results.map((r) => r.kind).sort()).toEqual(["created", "replayed", "replayed", "replayed", "replayed"]);
    const bodies = results.map((r) => (r.kind === "key_reused" ? null : r.response.body));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(await dossierCount()).toBe(1);
  });

  test("the same key with another body is refused; a new key creates a new dossier", async () => {
    expect((await submitApiDossier(second, client, procedure, input, { key: "retry-1", requestHash: "other" }, "http://b", NOW)).kind).toBe("key_reused");
    expect((await submitApiDossier(second, client, procedure, input, { key: "retry-2", requestHash: "h2" }, "http://b", NOW)).kind).toBe("created");
    expect(await dossierCount()).toBe(2);
  });
});
