import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { containsText, countWhere, engineOf, localDateOf, localMonthOf, lockForNumbering, syncIdSequences } from "#db/sql";
import { createTestDb, testEngine, type TestDb } from "../../setup/test-db";

/*
 * Every kind of column the schema uses, written and read back on this engine (the file runs in the
 * `integration` and `integration-pg` projects): text (dates, instants, Vietnamese, JSON), 0/1 booleans,
 * integers, 8-byte floats, bytes and nulls come back exactly as written, and aggregates and boolean
 * expressions come back as numbers. Then the helpers of db/sql.ts, the only SQL spelled per engine.
 */

let t: TestDb;
let unitId: number;

beforeAll(async () => {
  t = createTestDb();
  const unit = {
    code: "TEST.TYPES",
    name: "UBND xã Mường Sai — thử kiểu dữ liệu 🏛️",
    kind: "commune" as const,
    parent_id: null,
    district_name: null,
    province_name: "tỉnh Sơn La",
    address: "Bản Nà Sài, \"ngoặc kép\", 'nháy đơn', \\ gạch chéo, %_ ký tự LIKE",
    phone: "0212 3876 543",
    email: null,
    is_remote_area: 1 as const,
    created_at: "2025-06-30T16:59:59.999Z",
    updated_at: "2025-06-30T17:00:00.000Z",
  };
  ({ id: unitId } = await t.db.insertInto("unit").values(unit).returning("id").executeTakeFirstOrThrow());
});

afterAll(async () => {
  await t.cleanup();
});

test("the engine of this project is the one the database runs on", () => {
  expect(engineOf(t.db)).toBe(testEngine());
});

describe("a row comes back as it was written", () => {
  test("text, 0/1 booleans, integers and nulls (unit)", async () => {
    const row = await t.db.selectFrom("unit").selectAll().where("id", "=", unitId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      id: unitId,
      name: "UBND xã Mường Sai — thử kiểu dữ liệu 🏛️",
      address: "Bản Nà Sài, \"ngoặc kép\", 'nháy đơn', \\ gạch chéo, %_ ký tự LIKE",
      district_name: null,
      is_remote_area: 1 as const,
      created_at: "2025-06-30T16:59:59.999Z",
      updated_at: "2025-06-30T17:00:00.000Z",
      // Defaults written by the migrations.
      office_close_time: "17:00",
      supplement_clock: "restart",
    });
    expect(typeof row.id).toBe("number");
    expect(typeof row.is_remote_area).toBe("number");
  });

  test("8-byte floats keep every digit (quality objectives, Open311 coordinates)", async () => {
    const targets = [0.95, 1 / 3, 1e-10, 123456789.12345679];
    for (const [i, target] of targets.entries()) {
      await t.db
        .insertInto("quality_objective")
        .values({ unit_id: unitId, year: 2030 + i, title: "Mục tiêu", metric: "on_time_rate", comparator: ">=", target, created_at: "x", updated_at: "x" })
        .execute();
    }
    const rows = await t.db.selectFrom("quality_objective").select(["target"]).where("unit_id", "=", unitId).orderBy("year").execute();
    expect(rows.map((r) => r.target)).toEqual(targets);
  });

  test("bytes, a large integer and a JSON text (issued documents)", async () => {
    const pdf = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
    const row = {
      unit_id: unitId,
      verification_code: "TYPE-TEST-0001",
      kind: "on_time_report" as const,
      variant: "public" as const,
      title: "Báo cáo đúng hạn",
      parameters_json: JSON.stringify({ from: "2025-01-01", to: "2025-12-31", nested: { đ: [1, 2.5, null] } }),
      issued_at: "2025-12-31T23:59:59.999Z",
      issued_by_user_id: null,
      issued_by_label: "Công dân",
      sha256: "a".repeat(64),
      size_bytes: 2_147_483_647,
      pdf,
      reuse_key: "types-test",
    };
    const { id } = await t.db.insertInto("issued_document").values(row).returning("id").executeTakeFirstOrThrow();
    const back = await t.db.selectFrom("issued_document").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect({ ...back, pdf: null }).toEqual({ ...row, id, pdf: null });
    expect(Buffer.isBuffer(back.pdf)).toBe(true);
    expect(Buffer.compare(back.pdf!, pdf)).toBe(0);
    expect(JSON.parse(back.parameters_json)).toEqual(JSON.parse(row.parameters_json));
  });

  test("dates and instants are text: no time zone is applied on the way in or out", async () => {
    const { rows } = await sql<{ d: string; i: string }>`select ${"2025-07-01"} as d, ${"2025-06-30T17:00:00.000Z"} as i`.execute(t.db);
    expect(rows).toEqual([{ d: "2025-07-01", i: "2025-06-30T17:00:00.000Z" }]);
    const byDate = await t.db.selectFrom("unit").select("id").where("created_at", "<", "2025-06-30T17:00:00.000Z").where("id", "=", unitId).execute();
    expect(byDate).toEqual([{ id: unitId }]);
  });
});

describe("aggregates and boolean expressions come back as numbers", () => {
  test("count, sum, max, avg; a comparison is 0 or 1", async () => {
    const row = await t.db
      .selectFrom("quality_objective")
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        eb.fn.sum<number>("year").as("years"),
        eb.fn.sum<number>("target").as("targets"),
        eb.fn.max("year").as("last"),
        eb.fn.avg<number>("year").as("mean"),
        sql<number>`max(year) > 2031`.as("yes"),
        sql<number>`max(year) < 2031`.as("no"),
      ])
      .where("unit_id", "=", unitId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ n: 4, years: 8126, targets: expect.closeTo(0.95 + 1 / 3 + 1e-10 + 123456789.12345679, 6), last: 2033, mean: 2031.5, yes: 1, no: 0 });
  });

  test("an exists() is 0 or 1", async () => {
    const { rows } = await sql<{ e: number }>`select exists (select 1 from unit where id = ${unitId}) as e`.execute(t.db);
    expect(rows).toEqual([{ e: 1 }]);
  });
});

describe("db/sql.ts helpers", () => {
  test("countWhere counts matching rows, and is 0 (not null) over no rows", async () => {
    const row = await t.db
      .selectFrom("quality_objective")
      .select([countWhere(sql`target < 1`).as("small"), countWhere(sql`target > 1e12`).as("none")])
      .where("unit_id", "=", unitId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ small: 3, none: 0 });
    const empty = await t.db.selectFrom("quality_objective").select(countWhere(sql`true`).as("n")).where("unit_id", "=", -1).executeTakeFirstOrThrow();
    expect(empty).toEqual({ n: 0 });
  });

  test.each([
    ["2025-06-30T16:59:59.999Z", "2025-06-30", "2025-06"],
    ["2025-06-30T17:00:00.000Z", "2025-07-01", "2025-07"],
    ["2024-12-31T17:00:00.000Z", "2025-01-01", "2025-01"],
    ["2024-02-28T18:30:00.000Z", "2024-02-29", "2024-02"],
  ])("localDateOf / localMonthOf %s: %s, %s (UTC+7)", async (instant, date, month) => {
    const { rows } = await sql<{ d: string; m: string }>`select ${localDateOf(t.db, sql`${instant}`)} as d, ${localMonthOf(t.db, sql`${instant}`)} as m`.execute(t.db);
    expect(rows).toEqual([{ d: date, m: month }]);
  });

  test("containsText ignores ASCII case and takes % _ \\ literally", async () => {
    const find = async (term: string) =>
      (await t.db.selectFrom("unit").select("id").where(containsText(t.db, sql.ref("address"), term)).where("id", "=", unitId).execute()).length;
    expect(await find("LIKE")).toBe(1);
    expect(await find("like")).toBe(1);
    expect(await find("nà sài")).toBe(1);
    // Non-ASCII letters: PostgreSQL's ILIKE folds them, SQLite's LIKE does not. The app only searches
    // text folded beforehand (toSearchText: lower case, no accents) or ASCII codes, where both agree.
    expect(await find("BẢN")).toBe(testEngine() === "postgres" ? 1 : 0);
    expect(await find("%_ ký")).toBe(1);
    expect(await find("\\ g")).toBe(1);
    expect(await find("_x")).toBe(0);
  });

  test("syncIdSequences: after rows written with explicit ids, the next id is fresh", async () => {
    const stamp = "2025-01-01T00:00:00.000Z";
    const big = unitId + 1000;
    await t.db
      .insertInto("unit")
      .values({ id: big, code: "TEST.EXPLICIT", name: "x", kind: "commune", parent_id: null, district_name: null, province_name: "y", address: null, phone: null, email: null, is_remote_area: 0, created_at: stamp, updated_at: stamp })
      .execute();
    await syncIdSequences(t.db, ["unit"]);
    const { id } = await t.db
      .insertInto("unit")
      .values({ code: "TEST.NEXT", name: "x", kind: "commune", parent_id: null, district_name: null, province_name: "y", address: null, phone: null, email: null, is_remote_area: 0, created_at: stamp, updated_at: stamp })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(id).toBe(big + 1);
  });

  test("lockForNumbering: two transactions numbering the same series take turns", async () => {
    const order: string[] = [];
    const numbered = (name: string, pause: number) =>
      t.db.transaction().execute(async (trx) => {
        await lockForNumbering(trx, "test-series");
        order.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, pause));
        order.push(`${name}:end`);
      });
    await Promise.all([numbered("a", 150), new Promise((r) => setTimeout(r, 20)).then(() => numbered("b", 0))]);
    expect(order).toEqual(["a:start", "a:end", "b:start", "b:end"]);
  });
});
