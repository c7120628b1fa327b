import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { DEMO_OPEN311_KEY, seedOpen311Demo } from "#db/seed/open311-demo";
import type { FeedbackKind } from "~/domain/feedback/feedback";
import { createApiClient, setApiClientDisabled } from "~/models/api-clients.server";
import { applyFeedbackAction, submitFeedback, type StaffFeedbackAction } from "~/models/feedback.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the modules are loaded once DATABASE_URL points at the test database.
import type * as ResourceRoute from "~/routes/open311.v2.$resource";
import type * as RequestRoute from "~/routes/open311.v2.requests.$id";

const XML = "text/xml; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
const FORM = "application/x-www-form-urlencoded; charset=utf-8";
const context = { clientAddress: "127.0.0.1" };
const FIELDS = [
  "service_request_id",
  "status",
  "status_notes",
  "service_name",
  "service_code",
  "description",
  "agency_responsible",
  "service_notice",
  "requested_datetime",
  "updated_datetime",
  "expected_datetime",
  "address",
  "address_id",
  "zipcode",
  "lat",
  "long",
  "media_url",
];
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

let t: TestDb;
let resource: typeof ResourceRoute;
let one: typeof RequestRoute;
let unitId: number;
let officerId: number;
let demoClientId: number;

type Listed = Record<string, unknown>;

beforeAll(async () => {
  t = createTestDb();
  const now = new Date("2021-01-01T03:00:00Z");
  await seedDemo(t.db, now, { requirePasswordChange: false });
  const unit = await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow();
  unitId = unit.id;
  officerId = (await t.db.selectFrom("user").select("id").where("username", "=", "motcua").executeTakeFirstOrThrow()).id;
  demoClientId = (await seedOpen311Demo(t.db, unitId, now)).id;
  vi.stubEnv("DATABASE_URL", t.path);
  resource = await import("~/routes/open311.v2.$resource");
  one = await import("~/routes/open311.v2.requests.$id");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

async function read(response: Response) {
  return { status: response.status, type: response.headers.get("Content-Type"), body: await response.text() };
}

async function post(format: "json" | "xml", form: Record<string, string> | string, headers: Record<string, string> = { "Content-Type": FORM }, query = "") {
  const body = typeof form === "string" ? form : new URLSearchParams(form).toString();
  const request = new Request(`http://localhost/open311/v2/requests.${format}${query}`, { method: "POST", headers, body });
  return read(await resource.action({ request, params: { resource: `requests.${format}` }, context }));
}

async function list(format: "json" | "xml", query = "") {
  const request = new Request(`http://localhost/open311/v2/requests.${format}${query}`);
  return read(await resource.loader({ request, params: { resource: `requests.${format}` }, context }));
}

async function listJson(query = ""): Promise<Listed[]> {
  const response = await list("json", query);
  expect(response.status).toBe(200);
  expect(response.type).toBe(JSON_TYPE);
  return JSON.parse(response.body) as Listed[];
}

async function getOne(id: string) {
  const request = new Request(`http://localhost/open311/v2/requests/${id}`);
  return read(await one.loader({ request, params: { id }, context }));
}

const valid = { api_key: DEMO_OPEN311_KEY, service_code: "feedback", lat: "21.3456", long: "103.8765", "attribute[consent]": "yes" };

/** Files an item the way the model does for any source, at a given time. */
async function file(kind: FeedbackKind, at: string, source: "open311" | "web" = "open311", description = `${kind} ${at}`) {
  const { id, code } = await submitFeedback(
    t.db,
    unitId,
    {
      kind,
      subject: `${kind} ${at}`,
      description,
      contact: { name: "Quàng Thị Bí Mật", phone: "0987654321", email: "bimat-cu@example.vn", address: "Bản Riêng Tư", idNumber: "012345678901" },
      consent: true,
      source,
      sourceAddressHash: null,
      apiClientId: source === "open311" ? demoClientId : null,
      location: source === "open311" ? { addressString: "Bản Nà Sai", lat: 21.3, long: 103.9 } : undefined,
      attachments: [],
    },
    (c) => `http://localhost/feedback/${c}`,
    new Date(at),
  );
  return { id, code };
}

const act = (id: number, action: StaffFeedbackAction, at: string) =>
  applyFeedbackAction(t.db, { kind: "user", userId: officerId }, unitId, id, action, (c) => c, new Date(at));

describe("create: POST requests.{fmt}", () => {
  it.each(["json", "xml"] as const)("without api_key: 403 in %s", async (format) => {
    const { api_key: _key, ...withoutKey } = valid;
    const response = await post(format, withoutKey);
    expect(response.status).toBe(403);
    expect(response.type).toBe(format === "json" ? JSON_TYPE : XML);
    if (format === "json") expect(JSON.parse(response.body)).toEqual([{ code: 403, description: "Thiếu api_key." }]);
    else expect(response.body).toBe(`${DECLARATION}\n<errors><error><code>403</code><description>Thiếu api_key.</description></error></errors>`);
  });

  it("with a wrong api_key: 403, whatever else is wrong", async () => {
    const response = await post("json", { api_key: "mcq_not-a-key", service_code: "pothole" });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toEqual([{ code: 403, description: "api_key không hợp lệ hoặc đã bị khóa." }]);
  });

  it("with the key of a disabled client: 403", async () => {
    const created = await createApiClient(t.db, { kind: "system" }, unitId, "Ứng dụng cũ", ["open311"]);
    await setApiClientDisabled(t.db, { kind: "system" }, unitId, created.id, true);
    expect((await post("json", { ...valid, api_key: created.token })).status).toBe(403);
  });

  it("with a key made for the dossier API only: 403, and nothing filed", async () => {
    const portal = await createApiClient(t.db, { kind: "system" }, unitId, "Cổng dịch vụ công tỉnh", ["dossiers"]);
    const before = await t.db.selectFrom("feedback_item").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const response = await post("json", { ...valid, api_key: portal.token });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toEqual([{ code: 403, description: "api_key này không được cấp quyền dùng Open311." }]);
    const after = await t.db.selectFrom("feedback_item").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("with api_key in the URL instead of the body: 403, saying where it goes", async () => {
    const { api_key: _key, ...withoutKey } = valid;
    const response = await post("json", withoutKey, { "Content-Type": FORM }, `?api_key=${DEMO_OPEN311_KEY}`);
    expect(response.status).toBe(403);
    expect(response.body).toContain("thân yêu cầu");
  });

  it("a JSON body is a 400: the specification posts forms", async () => {
    const response = await post("json", JSON.stringify(valid), { "Content-Type": "application/json" });
    expect(response.status).toBe(400);
  });

  it.each(["complaint", "pothole"])("service_code %s: 404", async (code) => {
    const response = await post("json", { ...valid, service_code: code });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual([{ code: 404, description: `service_code: không có dịch vụ "${code}".` }]);
  });

  it("without a location: 400", async () => {
    const { lat: _lat, long: _long, ...withoutLocation } = valid;
    const response = await post("xml", withoutLocation);
    expect(response.status).toBe(400);
    expect(response.type).toBe(XML);
    expect(response.body).toBe(
      `${DECLARATION}\n<errors><error><code>400</code><description>location: cần vị trí: lat và long, hoặc address_string, hoặc address_id.</description></error></errors>`,
    );
  });

  it("lat without long is not a location: 400", async () => {
    const { long: _long, ...latOnly } = valid;
    expect((await post("json", latOnly)).status).toBe(400);
  });

  it("without the required consent attribute: 400, with every other problem listed too", async () => {
    const { "attribute[consent]": _consent, ...withoutConsent } = valid;
    const response = await post("json", { ...withoutConsent, phone: "123", "attribute[dossier_code]": "xyz" });
    expect(response.status).toBe(400);
    const errors = JSON.parse(response.body) as Array<{ code: number; description: string }>;
    expect(errors.map((e) => e.code)).toEqual([400, 400, 400]);
    expect(errors.map((e) => e.description.split(":")[0]).sort()).toEqual(["attribute[consent]", "attribute[dossier_code]", "phone"]);
  });

  it("nothing is stored when a request is refused", async () => {
    const before = await t.db.selectFrom("feedback_item").select("id").execute();
    await post("json", { ...valid, "attribute[consent]": "no" });
    expect(await t.db.selectFrom("feedback_item").select("id").execute()).toEqual(before);
  });

  it("files a feedback item: the answer's service_request_id is its tracking code, source open311", async () => {
    const response = await post("json", {
      ...valid,
      description: "Đường liên bản Nà Sai bị sạt lở sau mưa lớn, xe máy không qua được <b>nguy hiểm</b>",
      address_string: "Bản Nà Sai, xã Mường Sai",
      first_name: "Văn Khánh",
      last_name: "Lò",
      phone: "0912 345 678",
      email: "khanh@example.vn",
      media_url: "https://anh.example.vn/sat-lo.jpg",
      device_id: "android-42",
      account_id: "u-1",
      "attribute[dossier_code]": "000.31.14.H53-210105-0001",
      email_empty_is_absent: "",
      jurisdiction_id: "",
    });
    expect(response.status).toBe(200);
    expect(response.type).toBe(JSON_TYPE);
    const answer = JSON.parse(response.body) as Array<Record<string, unknown>>;
    expect(answer).toEqual([{ service_request_id: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/), service_notice: expect.stringContaining("15 ngày làm việc") }]);

    const item = await t.db.selectFrom("feedback_item").selectAll().where("code", "=", String(answer[0]?.service_request_id)).executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      unit_id: unitId,
      kind: "feedback",
      state: "received",
      source: "open311",
      api_client_id: demoClientId,
      source_address_hash: null,
      subject: "Phản ánh: Đường liên bản Nà Sai bị sạt lở sau mưa…",
      description: "Đường liên bản Nà Sai bị sạt lở sau mưa lớn, xe máy không qua được <b>nguy hiểm</b>\n\nẢnh: https://anh.example.vn/sat-lo.jpg",
      address_string: "Bản Nà Sai, xã Mường Sai",
      lat: 21.3456,
      long: 103.8765,
      contact_name: "Lò Văn Khánh",
      contact_phone: "0912345678",
      contact_email: "khanh@example.vn",
      contact_address: null,
      contact_id_number: null,
    });
    expect(item.consent_at).not.toBeNull();
    expect(item.resolution_due_at).not.toBeNull();
    // The citizen gets the acknowledgement with the tracking code, as from the web form.
    const outbox = await t.db.selectFrom("outbox_message").select(["channel", "recipient", "body"]).where("entity_id", "=", item.code).execute();
    expect(outbox).toEqual([{ channel: "sms", recipient: "0912345678", body: expect.stringContaining(item.code) }]);
  });

  it("in XML the answer is <service_requests><request> with the id and the notice", async () => {
    const response = await post("xml", { ...valid, service_code: "compliment", address_string: "Bộ phận Một cửa" });
    expect(response.status).toBe(200);
    expect(response.type).toBe(XML);
    const match = /^<\?xml version="1\.0" encoding="utf-8"\?>\n<service_requests><request><service_request_id>([2-9A-Z-]{14})<\/service_request_id><service_notice>([^<]+)<\/service_notice><\/request><\/service_requests>$/.exec(
      response.body,
    );
    expect(match).not.toBeNull();
    const item = await t.db.selectFrom("feedback_item").select(["kind", "source"]).where("code", "=", match?.[1] ?? "").executeTakeFirst();
    expect(item).toEqual({ kind: "compliment", source: "open311" });
  });
});

describe("list and one request: GET requests.{fmt}, GET requests/{id}.{fmt}", () => {
  // February–March 2021: A (feedback, open), B (recommendation, answered and closed), C (compliment, open),
  // plus what must never be listed: a web-filed item, a spam item, a complaint. D is in May.
  const items: Record<string, { id: number; code: string }> = {};

  beforeAll(async () => {
    items.A = await file("feedback", "2021-02-01T02:00:00Z", "open311", "Đèn đường bản Huổi Một hỏng");
    items.B = await file("recommendation", "2021-02-10T02:00:00Z");
    items.C = await file("compliment", "2021-03-01T02:00:00Z");
    items.D = await file("feedback", "2021-05-20T02:00:00Z");
    items.web = await file("feedback", "2021-02-02T02:00:00Z", "web");
    items.spam = await file("feedback", "2021-02-03T02:00:00Z");
    items.complaint = await file("complaint", "2021-02-04T02:00:00Z");
    const b = items.B.id;
    await act(b, { op: "accept", complex: false }, "2021-02-11T02:00:00Z");
    await act(b, { op: "assign", assigneeUserId: officerId }, "2021-02-11T03:00:00Z");
    await act(b, { op: "investigate" }, "2021-02-12T02:00:00Z");
    await act(b, { op: "answer", answer: "Xã đã bổ sung hướng dẫn tại Bộ phận Một cửa.", upheld: true }, "2021-02-15T02:00:00Z");
    await act(b, { op: "close" }, "2021-02-16T04:30:00Z");
    await act(b, { op: "note", note: "Ghi chú nội bộ, sau khi đóng" }, "2021-02-20T02:00:00Z");
    await act(items.spam.id, { op: "hide", reason: "spam", duplicateOfId: null }, "2021-02-03T03:00:00Z");
  });

  const window = "start_date=2021-01-15T00:00:00%2B07:00&end_date=2021-04-01T00:00:00%2B07:00";
  const codes = (rows: Listed[]) => rows.map((r) => r.service_request_id);

  it("lists the Open311 items of a window, newest first, never web-filed, spam or complaints", async () => {
    expect(codes(await listJson(`?${window}`))).toEqual([items.C?.code, items.B?.code, items.A?.code]);
  });

  it("each request has the specification's fields, datetimes in +07:00", async () => {
    const rows = await listJson(`?${window}`);
    const b = rows.find((r) => r.service_request_id === items.B?.code);
    const due = await t.db.selectFrom("feedback_item").select("resolution_due_at").where("id", "=", items.B?.id ?? 0).executeTakeFirstOrThrow();
    expect(Object.keys(b ?? {})).toEqual(FIELDS);
    expect(b).toEqual({
      service_request_id: items.B?.code,
      status: "closed",
      status_notes: "Xã đã bổ sung hướng dẫn tại Bộ phận Một cửa.",
      service_name: "Kiến nghị",
      service_code: "recommendation",
      description: "recommendation 2021-02-10T02:00:00Z",
      agency_responsible: "UBND xã Mường Sai",
      service_notice: expect.any(String),
      requested_datetime: "2021-02-10T09:00:00+07:00",
      // The closing, not the internal note written after it.
      updated_datetime: "2021-02-16T11:30:00+07:00",
      expected_datetime: expect.stringMatching(W3C),
      address: "Bản Nà Sai",
      address_id: null,
      zipcode: null,
      lat: 21.3,
      long: 103.9,
      media_url: null,
    });
    expect(new Date(String(b?.expected_datetime)).toISOString()).toBe(due.resolution_due_at);
    const a = rows.find((r) => r.service_request_id === items.A?.code);
    expect(a).toMatchObject({ status: "open", status_notes: null, updated_datetime: "2021-02-01T09:00:00+07:00" });
  });

  it.each([
    ["status=open", ["C", "A"]],
    ["status=closed", ["B"]],
    ["status=open,closed", ["C", "B", "A"]],
    ["service_code=feedback", ["A"]],
    ["service_code=recommendation,compliment", ["C", "B"]],
    ["service_code=feedback&status=closed", []],
  ])("filters by %s", async (filter, expected) => {
    expect(codes(await listJson(`?${window}&${filter}`))).toEqual(expected.map((k) => items[k]?.code));
  });

  it("start_date alone reaches 90 days forward; end_date alone 90 days back", async () => {
    expect(codes(await listJson("?start_date=2021-02-20T00:00:00Z"))).toEqual([items.D?.code, items.C?.code]);
    expect(codes(await listJson("?end_date=2021-02-05T00:00:00Z"))).toEqual([items.A?.code]);
  });

  it("service_request_id overrides every other filter, and still never shows web-filed items", async () => {
    const query = `?service_request_id=${items.A?.code},${items.D?.code},${items.web?.code},${items.spam?.code},${items.complaint?.code}&${window}&status=closed&service_code=compliment`;
    expect(codes(await listJson(query))).toEqual([items.D?.code, items.A?.code]);
  });

  it.each(["json", "xml"] as const)("more than 90 days apart: 400 in %s", async (format) => {
    const response = await list(format, "?start_date=2021-01-01T00:00:00Z&end_date=2021-04-02T00:00:00Z");
    expect(response.status).toBe(400);
    expect(response.type).toBe(format === "json" ? JSON_TYPE : XML);
    const description = "start_date và end_date cách nhau tối đa 90 ngày.";
    if (format === "json") expect(JSON.parse(response.body)).toEqual([{ code: 400, description }]);
    else expect(response.body).toBe(`${DECLARATION}\n<errors><error><code>400</code><description>${description}</description></error></errors>`);
  });

  it.each(["status=pending", "service_code=complaint", "start_date=2021-02-01", "start_date=yesterday"])("%s: 400", async (filter) => {
    expect((await list("json", `?${filter}`)).status).toBe(400);
  });

  it("without dates: the last 90 days, which holds what was posted just now, not 2021", async () => {
    const created = JSON.parse((await post("json", { ...valid, description: "Mới gửi" })).body) as Array<{ service_request_id: string }>;
    const rows = await listJson();
    expect(codes(rows)).toContain(created[0]?.service_request_id);
    expect(codes(rows)).not.toContain(items.A?.code);
  });

  it("in XML: <service_requests> of <request> elements, fields in order, nulls empty", async () => {
    const response = await list("xml", `?${window}&service_code=feedback`);
    expect(response.status).toBe(200);
    expect(response.type).toBe(XML);
    expect(response.body).toBe(
      `${DECLARATION}\n<service_requests><request>` +
        `<service_request_id>${items.A?.code}</service_request_id><status>open</status><status_notes></status_notes>` +
        "<service_name>Phản ánh</service_name><service_code>feedback</service_code><description>Đèn đường bản Huổi Một hỏng</description>" +
        "<agency_responsible>UBND xã Mường Sai</agency_responsible>" +
        `<service_notice>UBND xã Mường Sai xem xét và trả lời trong 15 ngày làm việc kể từ ngày nhận (Nghị định 20/2008/NĐ-CP, sửa đổi bởi Nghị định 92/2017/NĐ-CP).</service_notice>` +
        "<requested_datetime>2021-02-01T09:00:00+07:00</requested_datetime><updated_datetime>2021-02-01T09:00:00+07:00</updated_datetime>" +
        `<expected_datetime>${(/<expected_datetime>([^<]+)</.exec(response.body) ?? [])[1]}</expected_datetime>` +
        "<address>Bản Nà Sai</address><address_id></address_id><zipcode></zipcode><lat>21.3</lat><long>103.9</long><media_url></media_url>" +
        "</request></service_requests>",
    );
    expect((/<expected_datetime>([^<]+)</.exec(response.body) ?? [])[1]).toMatch(W3C);
  });

  it("at most 1,000 requests, the newest", async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => {
      const at = new Date(Date.UTC(2020, 5, 1) + i * 60_000).toISOString();
      return {
        unit_id: unitId,
        code: `BULK-${String(i).padStart(4, "0")}-2222`,
        kind: "feedback" as const,
        state: "received" as const,
        subject: "s",
        description: "d",
        received_at: at,
        source: "open311" as const,
        created_at: at,
        updated_at: at,
      };
    });
    for (let i = 0; i < rows.length; i += 200) await t.db.insertInto("feedback_item").values(rows.slice(i, i + 200)).execute();
    const listed = await listJson("?start_date=2020-06-01T00:00:00Z&end_date=2020-06-30T00:00:00Z");
    expect(listed).toHaveLength(1000);
    expect(listed[0]?.service_request_id).toBe("BULK-1000-2222");
    expect(listed.at(-1)?.service_request_id).toBe("BULK-0001-2222");
  });

  it.each(["json", "xml"] as const)("one request in %s is a one-element list", async (format) => {
    const response = await getOne(`${items.A?.code}.${format}`);
    expect(response.status).toBe(200);
    if (format === "json") {
      const rows = JSON.parse(response.body) as Listed[];
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0] ?? {})).toEqual(FIELDS);
      expect(rows[0]).toMatchObject({ service_request_id: items.A?.code, status: "open", service_code: "feedback" });
    } else {
      expect(response.type).toBe(XML);
      expect(response.body.match(/<request>/g)).toHaveLength(1);
      expect(response.body).toMatch(new RegExp(`^<\\?xml version="1\\.0" encoding="utf-8"\\?>\\n<service_requests><request><service_request_id>${items.A?.code}</service_request_id>.*</request></service_requests>$`));
    }
  });

  it("the id is read like a tracking code: lower case and without dashes too", async () => {
    const loose = (items.A?.code ?? "").toLowerCase().replace(/-/g, "");
    expect((await getOne(`${loose}.json`)).status).toBe(200);
  });

  it.each([
    ["an unknown code", () => "ZZZZ-ZZZZ-ZZZZ"],
    ["not a code at all", () => "12345"],
    ["a web-filed item", () => items.web?.code ?? ""],
    ["a spam item", () => items.spam?.code ?? ""],
    ["a complaint", () => items.complaint?.code ?? ""],
  ])("%s: 404", async (_name, id) => {
    const json = await getOne(`${id()}.json`);
    expect(json.status).toBe(404);
    expect(json.type).toBe(JSON_TYPE);
    expect(JSON.parse(json.body)).toEqual([{ code: 404, description: expect.any(String) }]);
    const xml = await getOne(`${id()}.xml`);
    expect(xml.status).toBe(404);
    expect(xml.body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<errors><error><code>404<\/code>/);
  });
});

describe("personal data", () => {
  it("is never returned, though it is stored", async () => {
    const secrets = {
      first_name: "Khánh Bí Mật",
      last_name: "Tòng",
      phone: "0977 111 222",
      email: "khanh.bimat@example.vn",
      device_id: "thiet-bi-bi-mat-77",
      account_id: "tai-khoan-bi-mat-88",
    };
    const response = await post("json", { ...valid, address_string: "Cầu treo bản Púng", description: "Cầu treo bị gãy ván", ...secrets });
    const code = (JSON.parse(response.body) as Array<{ service_request_id: string }>)[0]?.service_request_id ?? "";
    const stored = await t.db.selectFrom("feedback_item").select(["contact_name", "contact_phone", "contact_email"]).where("code", "=", code).executeTakeFirstOrThrow();
    expect(stored).toEqual({ contact_name: "Tòng Khánh Bí Mật", contact_phone: "0977111222", contact_email: "khanh.bimat@example.vn" });

    const bodies = [
      (await list("json")).body,
      (await list("xml")).body,
      (await list("json", `?service_request_id=${code}`)).body,
      (await getOne(`${code}.json`)).body,
      (await getOne(`${code}.xml`)).body,
      (await list("json", "?start_date=2021-01-15T00:00:00Z&end_date=2021-04-01T00:00:00Z")).body,
      (await list("xml", "?start_date=2021-01-15T00:00:00Z&end_date=2021-04-01T00:00:00Z")).body,
    ];
    expect(bodies[5]).toContain("Đèn đường bản Huổi Một hỏng");
    expect(bodies[2]).toContain("Cầu treo bị gãy ván");
    // And what the seeded items carry: name, phone, email, contact address, ID number.
    const forbidden = [...Object.values(secrets), "0977111222", "Tòng Khánh Bí Mật", "Bí Mật", "0987654321", "bimat-cu@example.vn", "Bản Riêng Tư", "012345678901"];
    for (const body of bodies) {
      for (const secret of forbidden) expect(body).not.toContain(secret);
    }
  });
});
