import { parseWithZod } from "@conform-to/zod/v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiDossierSchema } from "~/domain/dossiers/api-schema";
import { intakePapers, IntakeSchema } from "~/domain/dossiers/schema";
import { submitApiDossier } from "~/models/api-dossiers.server";
import { getDueContext, receiveDossier } from "~/models/dossiers.server";
import { getProcedureByCode, type Procedure } from "~/models/procedures.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "./dossier-fixtures";

let t: TestDb;
let unitId: number;
let officerId: number;
let procedure: Procedure;
let clientId: number;

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  officerId = seeded.officerId;
  procedure = (await getProcedureByCode(t.db, unitId, "1.001022"))!;
  clientId = (
    await t.db
      .insertInto("api_client")
      .values({ unit_id: unitId, name: "Cổng DVC", token_hash: "x", token_prefix: "x", created_at: "2025-01-01T00:00:00Z", last_used_at: null })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});

afterAll(async () => {
  await t.cleanup();
});

const row = (id: number) => t.db.selectFrom("dossier").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

const API_BODY = {
  procedureCode: "1.001022",
  receivedAt: "2025-08-04T09:00:00+07:00",
  applicant: { name: "Lò Thị Xuân", phone: "0912345678", address: "Bản Nà Sài" },
};

describe("intake records what the forms need", () => {
  it("the desk form: each ticked paper's kind and count, the book and number, the pick-up place", async () => {
    const listed = procedure.requiredDocuments;
    expect(listed.length).toBeGreaterThan(1);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      procedureCode: procedure.code,
      applicantName: "Lò Văn Pằng",
      applicantPhone: "0912345678",
      applicantAddress: "Bản Nà Sài",
      channel: "direct",
      receivedAt: "2025-08-04T09:00",
      paymentMethod: "none_due",
      "paperKinds[0]": "original",
      "paperCounts[0]": "1",
      "paperKinds[1]": "certified",
      "paperCounts[1]": "2",
      otherDocuments: "Giấy uỷ quyền",
      otherKind: "copy",
      otherCount: "1",
      trackingBookVolume: "02/2025",
      trackingBookNumber: "118",
      pickupPlace: "Điểm bưu điện văn hoá xã",
    }))
      form.append(k, v);
    form.append("documents", listed[0]!);
    form.append("documents", listed[1]!);
    // Parsed as the route parses the posted form (conform reads `paperKinds[0]` as an array item).
    const submission = parseWithZod(form, { schema: IntakeSchema });
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
    const value = submission.value;
    const papers = intakePapers(listed, value);
    expect(papers).toEqual([
      { name: listed[0], copy: "original", count: 1 },
      { name: listed[1], copy: "certified", count: 2 },
      { name: "Giấy uỷ quyền", copy: "copy", count: 1 },
    ]);
    const context = await getDueContext(t.db, unitId);
    const { id } = await receiveDossier(t.db, { kind: "user", userId: officerId }, context, {
      procedure,
      applicantName: value.applicantName,
      applicantPhone: value.applicantPhone,
      applicantIdNumber: null,
      applicantAddress: value.applicantAddress,
      channel: "direct",
      receivedAt: value.receivedAt,
      documents: papers,
      returnMethod: "post",
      trackingBook: { volume: value.trackingBookVolume ?? null, number: value.trackingBookNumber ?? null },
      pickupPlace: value.pickupPlace ?? null,
    });
    const stored = await row(id);
    expect(JSON.parse(stored.documents_json)).toEqual(papers);
    expect([stored.tracking_book_volume, stored.tracking_book_number, stored.pickup_place, stored.return_method]).toEqual([
      "02/2025",
      "118",
      "Điểm bưu điện văn hoá xã",
      "post",
    ]);
  });

  it("an older API client sending only the papers' names still works; the book gets the year's next number", async () => {
    const input = ApiDossierSchema.parse({ ...API_BODY, documents: [{ name: "Tờ khai" }] });
    const result = await submitApiDossier(t.db, { id: clientId, unit_id: unitId }, procedure, input, null, "http://localhost");
    expect(result).toMatchObject({ kind: "created" });
    const stored = await t.db.selectFrom("dossier").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(JSON.parse(stored.documents_json)).toEqual([{ name: "Tờ khai" }]);
    expect(stored.tracking_book_volume).toBe("2025");
    expect(stored.tracking_book_number).toBe("1");
    expect(stored.pickup_place).toBeNull();
  });

  it("the API takes kind, count, book, pick-up place and return method; a bad kind is refused with its path", async () => {
    const input = ApiDossierSchema.parse({
      ...API_BODY,
      documents: [{ name: "Tờ khai", copy: "original", count: 1 }],
      trackingBook: { volume: "01/2025", number: "7" },
      pickupPlace: "Trả qua bưu chính",
      returnMethod: "post",
    });
    await submitApiDossier(t.db, { id: clientId, unit_id: unitId }, procedure, input, null, "http://localhost");
    const stored = await t.db.selectFrom("dossier").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(JSON.parse(stored.documents_json)).toEqual([{ name: "Tờ khai", copy: "original", count: 1 }]);
    expect([stored.tracking_book_volume, stored.tracking_book_number, stored.pickup_place, stored.return_method]).toEqual(["01/2025", "7", "Trả qua bưu chính", "post"]);
    const bad = ApiDossierSchema.safeParse({ ...API_BODY, documents: [{ name: "Tờ khai", copy: "photo" }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["documents", 0, "copy"]);
  });
});
