import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { DEMO_OPEN311_KEY, seedOpen311Demo } from "#db/seed/open311-demo";
import { applyFeedbackAction, submitFeedback } from "~/models/feedback.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the modules are loaded once DATABASE_URL points at the test database.
import type * as ResourceRoute from "~/routes/open311.v2.$resource";
import type * as RequestRoute from "~/routes/open311.v2.requests.$id";
import type * as StatusRoute from "~/routes/feedback.$code";

const FORM = "application/x-www-form-urlencoded; charset=utf-8";
const context = { clientAddress: "127.0.0.1" };

let t: TestDb;
let resource: typeof ResourceRoute;
let one: typeof RequestRoute;
let status: typeof StatusRoute;
let unitId: number;
let officerId: number;

beforeAll(async () => {
  t = createTestDb();
  const now = new Date("2021-01-01T03:00:00Z");
  await seedDemo(t.db, now, { requirePasswordChange: false });
  unitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  officerId = (await t.db.selectFrom("user").select("id").where("username", "=", "motcua").executeTakeFirstOrThrow()).id;
  await seedOpen311Demo(t.db, unitId, now);
  vi.stubEnv("DATABASE_URL", t.path);
  resource = await import("~/routes/open311.v2.$resource");
  one = await import("~/routes/open311.v2.requests.$id");
  status = await import("~/routes/feedback.$code");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

const PERSONAL =
  "Tôi là Nguyen Van Teo, ĐT (091) 234-5678 hoặc ０９８７６５４３２１, CCCD 0123 4567 8901, thư teo.nguyen@example.vn, " +
  "nhà số 12 ngõ 34 đường Trần Phú. Ông Lò Văn Pằng ở bản bên cũng bị.";
const LEAKS = ["Teo", "234-5678", "０９８７", "4567 8901", "teo.nguyen", "12 ngõ 34", "Pằng", "Lò Văn"];

function post(form: Record<string, string>, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost/open311/v2/requests.json", {
    method: "POST",
    headers: { "Content-Type": FORM, ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return resource.action({ request, params: { resource: "requests.json" }, context });
}

const filing = (extra: Record<string, string> = {}) => ({
  api_key: DEMO_OPEN311_KEY,
  service_code: "feedback",
  description: PERSONAL,
  address_string: "số 12 ngõ 34 đường Trần Phú, bản Nà Sài",
  first_name: "Văn Tèo",
  last_name: "Nguyễn",
  phone: "0912345678",
  email: "teo.nguyen@example.vn",
  "attribute[consent]": "yes",
  ...extra,
});

async function listed(code: string) {
  const request = new Request(`http://localhost/open311/v2/requests.json?service_request_id=${code}`);
  const list = (await (await resource.loader({ request, params: { resource: "requests.json" }, context })).json()) as Record<string, unknown>[];
  const single = (await (await one.loader({ request: new Request(`http://localhost/open311/v2/requests/${code}.json`), params: { id: `${code}.json` }, context })).json()) as Record<string, unknown>[];
  return { list: list[0]!, single: single[0]! };
}

describe("GET requests republishes no personal data", () => {
  let code: string;
  beforeAll(async () => {
    const response = await post(filing());
    expect(response.status).toBe(200);
    code = String(((await response.json()) as { service_request_id: string }[])[0]!.service_request_id);
  });

  it("until staff approve a public text, the description and address go out redacted", async () => {
    const { list, single } = await listed(code);
    for (const item of [list, single]) {
      const text = JSON.stringify(item);
      for (const leak of LEAKS) expect(text, leak).not.toContain(leak);
      expect(item.description).toContain("N*** V*** T***");
      expect(item.description).toContain("09******78");
      expect(item.description).toContain("t***@***");
      expect(item.address).toBe("số *** ngõ *** đường T*** P***, bản Nà Sài");
    }
  });

  it("once approved, the staff's text is what is published; the approval is audited", async () => {
    const item = await t.db.selectFrom("feedback_item").select("id").where("code", "=", code).executeTakeFirstOrThrow();
    const result = await applyFeedbackAction(t.db, { kind: "user", userId: officerId }, unitId, item.id, { op: "publish_text", publicText: "Đèn đường bản Nà Sài không sáng." }, (c) => c);
    expect(result).toEqual({ ok: true });
    expect((await listed(code)).list.description).toBe("Đèn đường bản Nà Sài không sáng.");
    const audit = await t.db.selectFrom("audit_log").select(["action", "after_json"]).where("entity_type", "=", "feedback").where("entity_id", "=", String(item.id)).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: "publish_text", after_json: JSON.stringify({ publicText: "Đèn đường bản Nà Sài không sáng." }) });
  });

  it("an item from the web form cannot be given an Open311 public text", async () => {
    const { id } = await submitFeedback(t.db, unitId, {
      kind: "feedback",
      subject: "Thử",
      description: "Thử",
      contact: {},
      consent: true,
      source: "web",
      sourceAddressHash: null,
      attachments: [],
    }, (c) => c);
    const result = await applyFeedbackAction(t.db, { kind: "user", userId: officerId }, unitId, id, { op: "publish_text", publicText: "x" }, (c) => c);
    expect(result).toEqual({ ok: false, error: "feedback.error.notOpen311" });
  });

  it("the citizen's status page masks the answer and the thread too", async () => {
    const item = await t.db.selectFrom("feedback_item").select("id").where("code", "=", code).executeTakeFirstOrThrow();
    const officer = { kind: "user" as const, userId: officerId };
    for (const step of [
      { op: "accept", complex: false },
      { op: "assign", assigneeUserId: officerId },
      { op: "investigate" },
      { op: "answer", answer: "Kính gửi ông Nguyễn Văn Tèo (0912 345 678): đã sửa.", upheld: false },
    ] as const) {
      expect(await applyFeedbackAction(t.db, officer, unitId, item.id, step, (c) => c)).toEqual({ ok: true });
    }
    const page = (await status.loader({ request: new Request(`http://localhost/feedback/${code}`), params: { code }, context })) as { item: { public_answer: string } };
    expect(page.item.public_answer).toBe("Kính gửi ông N*** V*** T*** (09******78): đã sửa.");
  });
});

describe("POST requests with an Idempotency-Key", () => {
  it("a retry answers the first receipt again and files nothing more; another body under the key is refused", async () => {
    const count = async () => Number((await t.db.selectFrom("feedback_item").select((e) => e.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    const first = await post(filing({ description: "Ổ gà trước cổng trường" }), { "Idempotency-Key": "retry-1" });
    const again = await post(filing({ description: "Ổ gà trước cổng trường" }), { "Idempotency-Key": "retry-1" });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.text()).toBe(await first.text());
    expect(await count()).toBe(before + 1);
    const other = await post(filing({ description: "Một việc khác" }), { "Idempotency-Key": "retry-1" });
    expect(other.status).toBe(422);
    expect(await count()).toBe(before + 1);
  });
});
