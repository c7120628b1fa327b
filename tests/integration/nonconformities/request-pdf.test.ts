import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo";
import { getDueContext, receiveDossier } from "~/models/dossiers.server";
import { addCorrectiveAction, applyNcStep, raiseNonconformity, type NewNonconformity } from "~/models/nonconformities.server";
import { getProcedureByCode } from "~/models/procedures.server";
import { insertOtherUnit, seedReferenceData } from "../models/dossier-fixtures";
import { pdfPages, squashSpaces } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the modules are loaded once DATABASE_URL points at the test database.
import type * as PdfRoute from "~/routes/staff.nonconformities.$code.request[.pdf]";
import type * as AuthModule from "~/utils/auth.server";

const vn = (local: string) => new Date(`${local}+07:00`);

let t: TestDb;
let route: typeof PdfRoute;
let auth: typeof AuthModule;
let code: string;
let repeatCode: string;
let otherUnitCode: string;
let dossierCode: string;

const FOUND: NewNonconformity = {
  source: "internal_audit",
  process: "QT-07",
  isoClause: "7.5.3",
  grade: "minor",
  title: "Biểu mẫu lỗi thời tại quầy",
  description: "Quầy số 2 dùng mẫu BM-04 lần ban hành 1 đã hết hiệu lực.",
  foundAt: vn("2026-03-10T09:00:00"),
  foundByUserId: null,
};

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  const unitId = seeded.unit.id;
  const lead = { kind: "user", userId: seeded.qualityLeadId } as const;
  const procedure = await getProcedureByCode(t.db, unitId, "1.001193");
  if (!procedure) throw new Error("procedure 1.001193 not seeded");
  const receivedAt = vn("2026-03-09T09:00:00");
  const dossier = await receiveDossier(
    t.db,
    lead,
    await getDueContext(t.db, unitId),
    { procedure, applicantName: "Lò Văn Pằng", applicantPhone: null, applicantIdNumber: null, applicantAddress: null, channel: "direct", receivedAt, documents: [] },
    receivedAt,
  );
  dossierCode = dossier.code;

  const raised = await raiseNonconformity(
    t.db,
    lead,
    unitId,
    { ...FOUND, foundByUserId: seeded.qualityLeadId, links: [{ entityType: "dossier", entityId: dossier.id, reason: "Hồ sơ trễ hạn" }] },
    FOUND.foundAt,
  );
  code = raised.code;
  const at = vn("2026-03-11T09:00:00");
  await applyNcStep(t.db, lead, unitId, raised.id, { action: "record_correction", correction: "Thu hồi mẫu cũ." }, at);
  await applyNcStep(t.db, lead, unitId, raised.id, { action: "analyse_cause", method: "five_whys", analysis: ["Vì sao? Không thu hồi bản giấy."], rootCause: "QT-01 thiếu bước thu hồi." }, at);
  await addCorrectiveAction(t.db, lead, unitId, raised.id, { description: "Bổ sung bước thu hồi vào QT-01", ownerUserId: seeded.officerId, dueDate: "2026-04-15" }, at);
  await applyNcStep(t.db, lead, unitId, raised.id, { action: "plan_actions" }, at);
  repeatCode = (await raiseNonconformity(t.db, lead, unitId, { ...FOUND, foundAt: vn("2026-04-20T09:00:00") })).code;
  otherUnitCode = (await raiseNonconformity(t.db, { kind: "system" }, await insertOtherUnit(t.db), { ...FOUND, foundAt: vn("2026-05-01T09:00:00") })).code;

  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  auth = await import("~/utils/auth.server");
  route = await import("~/routes/staff.nonconformities.$code.request[.pdf]");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

let nextHost = 1;
async function cookieOf(username: string) {
  const result = await auth.logIn(new Request("http://localhost/login"), { username, password: DEMO_PASSWORD }, `198.51.100.${nextHost++}`);
  if (!result.ok) throw new Error(`login of ${username} failed`);
  return result.setCookie.split(";")[0] ?? "";
}

async function get(ncCode: string, cookie?: string): Promise<Response> {
  const request = new Request(`http://localhost/staff/nonconformities/${ncCode}/request.pdf`, { headers: cookie ? { Cookie: cookie } : {} });
  try {
    return await route.loader({ request, params: { code: ncCode }, context: { clientAddress: "127.0.0.1" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const pdfText = async (response: Response) => squashSpaces(pdfPages(Buffer.from(await response.arrayBuffer())).join("\n"));

describe("/staff/nonconformities/<code>/request.pdf", () => {
  it("streams the request as a PDF, its values in Vietnamese", async () => {
    const response = await get(code, await cookieOf("chatluong"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`inline; filename="${code}.pdf"`);
    const text = await pdfText(response);
    for (const line of [
      "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC",
      `Số: ${code}`,
      "Nguồn: Đánh giá nội bộ",
      "Quá trình/thủ tục: QT-07",
      "Điều khoản ISO 9001: 7.5.3",
      "Mức độ: Nhẹ",
      "Ngày phát hiện: 10/03/2026",
      "Người phát hiện: Lò Thị Hoa",
      "Trạng thái: Đã lập kế hoạch hành động",
      "Thu hồi mẫu cũ.",
      "Phương pháp: 5 lần tại sao",
      "1. Vì sao? Không thu hồi bản giấy.",
      "Nguyên nhân gốc rễ: QT-01 thiếu bước thu hồi.",
      "1 Bổ sung bước thu hồi vào Cầm Văn Thắng 15/04/2026 Đang thực hiện —",
      `• Hồ sơ ${dossierCode} — Hồ sơ trễ hạn`,
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain("Lặp lại");
  });

  it("prints the repeat flag and the reader's name as who drew it up", async () => {
    const text = await pdfText(await get(repeatCode, await cookieOf("danhgia")));
    expect(text).toContain("Lặp lại trong 12 tháng: Có");
    expect(text).toContain("Người phát hiện: —");
    expect(text).toMatch(/NGƯỜI LẬP PHIẾU[\s\S]*Tòng Thị Lan/);
  });

  it("answers 404 for an unknown code, a malformed one and another unit's", async () => {
    const cookie = await cookieOf("chatluong");
    for (const missing of ["NC-2026-999", "NC-26-1", "abc", otherUnitCode]) {
      expect((await get(missing, cookie)).status, missing).toBe(404);
    }
  });

  it("answers 403 to a role without the register, and sends the signed-out to the login page", async () => {
    expect((await get(code, await cookieOf("quantri"))).status).toBe(403);
    const signedOut = await get(code);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: `/staff/nonconformities/${code}/request.pdf` })}`);
  });

  it("is open to every role of the register", async () => {
    for (const username of ["motcua", "lanhdao", "thanhtra"]) {
      const response = await get(code, await cookieOf(username));
      expect(response.status, username).toBe(200);
      await response.arrayBuffer();
    }
  });
});
