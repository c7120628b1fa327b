import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createApiClient, findApiClientByToken } from "~/models/api-clients.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "./dossier-fixtures";

let t: TestDb;
let unitId: number;

beforeAll(async () => {
  t = createTestDb();
  unitId = (await seedReferenceData(t.db)).unit.id;
}, 30_000);

afterAll(async () => {
  vi.useRealTimers();
  await t.cleanup();
});

it("writes a token's last use at most once a minute (one commit per API write, not two)", async () => {
  const { id, token } = await createApiClient(t.db, { kind: "system" }, unitId, "Cổng dịch vụ công", ["dossiers"]);
  const lastUsed = async () => (await t.db.selectFrom("api_client").select("last_used_at").where("id", "=", id).executeTakeFirstOrThrow()).last_used_at;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-02T08:00:00.000Z"));
  expect(await findApiClientByToken(t.db, token)).toMatchObject({ id, unit_id: unitId });
  expect(await lastUsed()).toBe("2026-12-02T08:00:00.000Z");
  vi.setSystemTime(new Date("2026-12-02T08:00:59.000Z"));
  await findApiClientByToken(t.db, token);
  expect(await lastUsed()).toBe("2026-12-02T08:00:00.000Z");
  vi.setSystemTime(new Date("2026-12-02T08:01:00.000Z"));
  await findApiClientByToken(t.db, token);
  expect(await lastUsed()).toBe("2026-12-02T08:01:00.000Z");
});
