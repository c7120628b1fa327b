import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DossierAction } from "~/domain/dossiers/lifecycle";
import { citizenDeadline } from "~/domain/feedback/deadlines";
import { applyDossierAction, getDueContext, receiveDossier } from "~/models/dossiers.server";
import { applyFeedbackAction, submitFeedback, type StaffFeedbackAction } from "~/models/feedback.server";
import { getProcedureByCode } from "~/models/procedures.server";
import { businessDateOf } from "~/utils/clock";
import { DEMO_UNIT } from "#db/seed/demo";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";
// Types only: the routes are loaded once the environment is set.
import type * as FeedbackRoute from "~/routes/feedback.$code";
import type * as LookupRoute from "~/routes/lookup";

const vn = (local: string) => new Date(`${local}+07:00`);
const APPLICANT = { name: "Cầm Thị Xuân", phone: "0912345678", idNumber: "014195004321" };

let t: TestDb;
let lookup: typeof LookupRoute;
let feedbackPage: typeof FeedbackRoute;
const dossiers: Record<"returned" | "rated" | "supplement", string> = { returned: "", rated: "", supplement: "" };
const items: Record<"open" | "answered", string> = { open: "", answered: "" };

async function dossierThrough(steps: (officerId: number) => DossierAction[], hour: number) {
  const unitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  const officerId = (await t.db.selectFrom("user").select("id").where("username", "=", "motcua").executeTakeFirstOrThrow()).id;
  const officer = { kind: "user" as const, userId: officerId };
  const context = await getDueContext(t.db, unitId);
  const procedure = (await getProcedureByCode(t.db, unitId, "1.001193"))!;
  const receivedAt = vn(`2026-03-03T${String(hour).padStart(2, "0")}:00:00`);
  const { id, code } = await receiveDossier(
    t.db,
    officer,
    context,
    {
      procedure,
      applicantName: APPLICANT.name,
      applicantPhone: APPLICANT.phone,
      applicantIdNumber: APPLICANT.idNumber,
      applicantAddress: "Bản Hặp",
      channel: "direct",
      receivedAt,
      documents: [{ name: "Tờ khai" }],
    },
    receivedAt,
  );
  for (const step of steps(officerId)) {
    const outcome = await applyDossierAction(t.db, officer, context, id, step, new Date(receivedAt.getTime() + 600_000));
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  }
  return code;
}

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  const returnSteps = (officerId: number): DossierAction[] => [{ type: "assign", handlerUserId: officerId }, { type: "mark_result_ready" }, { type: "return_result" }];
  dossiers.returned = await dossierThrough(returnSteps, 8);
  dossiers.rated = await dossierThrough(returnSteps, 9);
  await t.db
    .insertInto("dossier_rating")
    .values({ dossier_id: (await t.db.selectFrom("dossier").select("id").where("code", "=", dossiers.rated).executeTakeFirstOrThrow()).id, rating: "satisfied", comment: null, rated_at: vn("2026-03-04T10:00:00").toISOString() })
    .execute();
  dossiers.supplement = await dossierThrough(
    (officerId) => [
      { type: "assign", handlerUserId: officerId },
      {
        type: "request_supplement",
        // The officer's free text names the applicant and her phone: the public page must not.
        missingItems: ["Bản sao giấy xác nhận cư trú", `Giấy ủy quyền của bà ${APPLICANT.name} (gọi ${APPLICANT.phone})`],
        reason: "Hồ sơ còn thiếu giấy tờ theo quy định",
      },
    ],
    10,
  );

  const statusUrl = (code: string) => `https://motcua.example.vn/feedback/${code}`;
  const newItem = (subject: string) => ({ kind: "feedback" as const, subject, description: "Chờ lâu.", contact: {}, consent: true, source: "web" as const, sourceAddressHash: "hash", attachments: [] });
  const receivedAt = vn("2026-03-02T09:00:00");
  items.open = (await submitFeedback(t.db, seeded.unit.id, newItem("Chờ lâu ở quầy"), statusUrl, receivedAt)).code;
  const answered = await submitFeedback(t.db, seeded.unit.id, newItem("Thiếu ghế chờ"), statusUrl, receivedAt);
  items.answered = answered.code;
  const staff = { kind: "user" as const, userId: seeded.officerId };
  const steps: StaffFeedbackAction[] = [
    { op: "accept", complex: false },
    { op: "assign", assigneeUserId: seeded.officerId },
    { op: "investigate" },
    { op: "answer", answer: "Đã bổ sung ghế chờ.", upheld: true },
  ];
  for (const [i, step] of steps.entries()) {
    const outcome = await applyFeedbackAction(t.db, staff, seeded.unit.id, answered.id, step, statusUrl, vn(`2026-03-0${3 + i}T10:00:00`));
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  }

  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  vi.stubEnv("LOOKUP_LIMIT_PER_MINUTE", "4");
  lookup = await import("~/routes/lookup");
  feedbackPage = await import("~/routes/feedback.$code");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

let nextHost = 1;
const freshIp = () => `198.51.100.${nextHost++}`;

/** A loader's answer: its data, or the Response it returned or threw. */
async function run<T>(fn: () => Promise<T>): Promise<{ status: number; location: string | null; data: T | null }> {
  try {
    const result = await fn();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), data: null };
    return { status: 200, location: null, data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), data: null };
    throw thrown;
  }
}

const lookUp = (code: string, clientAddress = freshIp()) =>
  run(() => lookup.loader({ request: new Request(`http://localhost/lookup?code=${encodeURIComponent(code)}`), params: {}, context: { clientAddress } }));
const trackingPage = (code: string, clientAddress = freshIp()) =>
  run(() => feedbackPage.loader({ request: new Request(`http://localhost/feedback/${code}`), params: { code }, context: { clientAddress } }));

describe("/lookup: one box, either code, any case", () => {
  it("finds a dossier typed in lower case", async () => {
    const answer = await lookUp(`  ${dossiers.returned.toLowerCase()} `);
    expect(answer.status).toBe(200);
    expect(answer.data?.dossier?.code).toBe(dossiers.returned);
    expect(answer.data?.error).toBeNull();
  });

  it("sends a tracking code, in any case and spacing, to the item's tracking page", async () => {
    for (const typed of [items.open, items.open.toLowerCase(), items.open.replace(/-/g, "").toLowerCase()]) {
      const answer = await lookUp(typed);
      expect(answer.status, typed).toBe(302);
      expect(answer.location).toBe(`/feedback/${items.open}`);
    }
  });

  it("says what either code looks like when the text is neither", async () => {
    const answer = await lookUp("H53");
    expect(answer.data).toMatchObject({ error: "lookup.error.code", dossier: null });
  });

  it("counts one look-up per submission, a tracking code followed to its page included", async () => {
    const ip = freshIp();
    // The limit is 4 a minute: four submissions of a tracking code, each followed, all pass.
    for (let i = 0; i < 4; i++) {
      const answer = await lookUp(items.open.toLowerCase(), ip);
      expect(answer.status).toBe(302);
      expect((await trackingPage(answer.location!.split("/").pop()!, ip)).status, `submission ${i + 1}`).toBe(200);
    }
    expect((await lookUp(dossiers.returned, ip)).status).toBe(429);
  });
});

describe("the feedback tracking page", () => {
  it("gives the answer deadline of an open item: 15 working days from receipt", async () => {
    const page = await trackingPage(items.open);
    const deadline = citizenDeadline(page.data!.item.clocks);
    expect(deadline?.kind).toBe("answer");
    expect(businessDateOf(new Date(deadline!.dueAt))).toBe("2026-03-23");
    expect(page.data!.item.answered_at).toBeNull();
  });

  it("gives the answer date once answered, and no deadline left to wait for", async () => {
    const page = await trackingPage(items.answered);
    expect(citizenDeadline(page.data!.item.clocks)).toBeNull();
    expect(businessDateOf(new Date(page.data!.item.answered_at!))).toBe("2026-03-06");
  });
});

describe("the dossier status", () => {
  it("a rated dossier says so and offers no rating; an unrated returned one still does", async () => {
    expect((await lookUp(dossiers.rated)).data?.dossier).toMatchObject({ state: "returned", rated: true });
    expect((await lookUp(dossiers.returned)).data?.dossier).toMatchObject({ state: "returned", rated: false });
  });

  it("a dossier waiting for a supplement gives the day the clock stopped and the papers to bring, masked", async () => {
    const dossier = (await lookUp(dossiers.supplement)).data?.dossier;
    expect(dossier).toMatchObject({ state: "supplement_requested", clock_stopped_at: vn("2026-03-03T10:10:00").toISOString() });
    expect(dossier?.supplement?.missingItems).toHaveLength(2);
    expect(dossier?.supplement?.missingItems[0]).toBe("Bản sao giấy xác nhận cư trú");
    const shown = JSON.stringify(dossier);
    expect(shown).not.toContain(APPLICANT.name);
    expect(shown).not.toContain(APPLICANT.phone);
    expect(shown).not.toContain(APPLICANT.idNumber);
    expect(dossier?.supplement?.missingItems[1]).toMatch(/^Giấy ủy quyền của bà /);
  });

  it("a dossier not waiting for a supplement lists nothing to bring", async () => {
    expect((await lookUp(dossiers.returned)).data?.dossier?.supplement).toBeNull();
  });
});
