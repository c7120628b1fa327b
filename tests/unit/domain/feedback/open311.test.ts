import { describe, expect, it } from "vitest";
import { FEEDBACK_STATES, type FeedbackState } from "~/domain/feedback/feedback";
import {
  composeOpen311Description,
  escapeXml,
  formatW3cDateTime,
  OPEN311_DATATYPES,
  OPEN311_SERVICE_CODES,
  open311Contact,
  open311DateWindow,
  open311Discovery,
  open311Receipt,
  open311Request,
  open311ServiceDefinition,
  open311Services,
  open311Subject,
  parseOpen311Create,
  parseOpen311ListQuery,
  parseOpen311Target,
  parseW3cDateTime,
  readOpen311Params,
  serializeOpen311,
  splitOpen311Description,
  type Open311Item,
} from "~/domain/feedback/open311";

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
const params = (query: string) => readOpen311Params(new URLSearchParams(query));
const DAY = 24 * 60 * 60 * 1000;

describe("XML serialisation", () => {
  it("escapes the five special characters in values", () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f");
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
  });

  it("drops characters XML 1.0 cannot carry and keeps everything else", () => {
    expect(escapeXml("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg")).toBe("abcdefg");
    expect(escapeXml("x\uD800y\uDC00z")).toBe("xyz"); // lone surrogates
    expect(escapeXml("tab\there\nline\r\n")).toBe("tab\there\nline\r\n");
    expect(escapeXml("Đường sạt lở 🚧 ở bản Nà")).toBe("Đường sạt lở 🚧 ở bản Nà");
  });

  it("begins with the declaration and writes errors as <errors><error><code/><description/>", () => {
    const xml = serializeOpen311("xml", "errors", [
      { code: 403, description: "Thiếu api_key." },
      { code: 400, description: "a <b> & c" },
    ]);
    expect(xml).toBe(
      `${DECLARATION}\n<errors><error><code>403</code><description>Thiếu api_key.</description></error>` +
        "<error><code>400</code><description>a &lt;b&gt; &amp; c</description></error></errors>",
    );
  });

  it("writes services in the specification's element order", () => {
    const xml = serializeOpen311("xml", "services", open311Services().slice(0, 1));
    const fields = [...xml.matchAll(/<service>(.*)<\/service>/g)].map((m) => m[1] ?? "")[0] ?? "";
    const names = [...fields.matchAll(/<(\w+)>/g)].map((m) => m[1]);
    expect(names).toEqual(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]);
    expect(xml).toContain("<service_code>feedback</service_code><service_name>Phản ánh</service_name>");
    expect(xml).toContain("<metadata>true</metadata><type>realtime</type>");
    expect(xml.startsWith(`${DECLARATION}\n<services><service>`)).toBe(true);
    expect(xml.endsWith("</service></services>")).toBe(true);
  });

  it("wraps list items in their singular element and writes null as an empty element", () => {
    const xml = serializeOpen311("xml", "service_definition", {
      service_code: "x",
      attributes: [
        { variable: true, code: "c", datatype: "singlevaluelist", required: true, datatype_description: null, order: 1, description: "d", values: [{ key: "yes", name: "Có" }] },
      ],
    });
    expect(xml).toBe(
      `${DECLARATION}\n<service_definition><service_code>x</service_code><attributes><attribute>` +
        "<variable>true</variable><code>c</code><datatype>singlevaluelist</datatype><required>true</required>" +
        "<datatype_description></datatype_description><order>1</order><description>d</description>" +
        "<values><value><key>yes</key><name>Có</name></value></values></attribute></attributes></service_definition>",
    );
  });

  it("writes discovery endpoints and formats as <endpoint> and <format> items", () => {
    const xml = serializeOpen311("xml", "discovery", open311Discovery({ contact: "UBND xã", url: "https://x.vn/open311/v2" }));
    expect(xml).toContain("<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification>");
    expect(xml).toContain("<url>https://x.vn/open311/v2</url>");
    expect(xml).toContain("<type>production</type><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints>");
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<discovery><changeset>[^<]+<\/changeset><contact>UBND xã<\/contact><key_service>/);
  });

  it("leaves out undefined fields and writes a create answer as <service_requests><request>", () => {
    const xml = serializeOpen311("xml", "service_requests", [{ service_request_id: "AB", service_notice: "n", account_id: undefined }]);
    expect(xml).toBe(`${DECLARATION}\n<service_requests><request><service_request_id>AB</service_request_id><service_notice>n</service_notice></request></service_requests>`);
  });
});

describe("JSON shapes", () => {
  it("lists are bare arrays; discovery and a service definition are objects", () => {
    expect(JSON.parse(serializeOpen311("json", "services", open311Services()))).toBeInstanceOf(Array);
    expect(JSON.parse(serializeOpen311("json", "errors", [{ code: 404, description: "x" }]))).toEqual([{ code: 404, description: "x" }]);
    expect(JSON.parse(serializeOpen311("json", "service_requests", [open311Receipt("AAAA-BBBB-CCCC", "feedback", "UBND xã")]))).toEqual([
      { service_request_id: "AAAA-BBBB-CCCC", service_notice: expect.stringContaining("15 ngày làm việc") },
    ]);
    const definition = JSON.parse(serializeOpen311("json", "service_definition", open311ServiceDefinition("feedback"))) as unknown;
    expect(definition).toMatchObject({ service_code: "feedback", attributes: expect.any(Array) });
    const discovery = JSON.parse(serializeOpen311("json", "discovery", open311Discovery({ contact: "c", url: "u" }))) as unknown;
    expect(discovery).toMatchObject({ contact: "c", key_service: "Liên hệ quản trị hệ thống UBND xã để được cấp khóa API", endpoints: [{ url: "u", type: "production" }] });
  });
});

describe("services and definitions", () => {
  it("offers feedback, recommendations and compliments, never complaints", () => {
    expect(open311Services().map((s) => s.service_code)).toEqual(["feedback", "recommendation", "compliment"]);
    expect(OPEN311_SERVICE_CODES).not.toContain("complaint");
    for (const s of open311Services()) expect(s).toMatchObject({ metadata: true, type: "realtime", group: "Thủ tục hành chính" });
  });

  it.each(OPEN311_SERVICE_CODES)("the %s definition follows the specification's rules", (code) => {
    const { attributes } = open311ServiceDefinition(code);
    const orders = attributes.map((a) => a.order);
    expect(new Set(orders).size).toBe(orders.length);
    for (const a of attributes) {
      expect(Number.isInteger(a.order) && a.order > 0).toBe(true);
      expect(OPEN311_DATATYPES).toContain(a.datatype);
      if (a.datatype.endsWith("valuelist")) {
        expect(a.values.length).toBeGreaterThan(0);
        expect(new Set(a.values.map((v) => v.key)).size).toBe(a.values.length);
      }
    }
    expect(attributes.map((a) => [a.code, a.datatype, a.required])).toEqual([
      ["dossier_code", "string", false],
      ["procedure_code", "string", false],
      ["consent", "singlevaluelist", true],
    ]);
  });

  it("the contact names the unit and whatever ways to reach it are known", () => {
    expect(open311Contact({ name: "UBND xã A", address: null, phone: null, email: null })).toBe("UBND xã A");
    expect(open311Contact({ name: "UBND xã A", address: "Bản B", phone: "0212 3", email: "a@b.vn" })).toBe(
      "UBND xã A; địa chỉ: Bản B; điện thoại: 0212 3; thư điện tử: a@b.vn",
    );
  });
});

describe("paths", () => {
  it.each([
    ["services.json", { ok: true, name: "services", format: "json" }],
    ["services.xml", { ok: true, name: "services", format: "xml" }],
    ["ABCD-EFGH-JKMN.xml", { ok: true, name: "ABCD-EFGH-JKMN", format: "xml" }],
  ])("%s", (segment, expected) => {
    expect(parseOpen311Target(segment)).toEqual(expected);
  });

  it.each(["services", "services.html", "services.", ".json", ""])("%s has no known format: 404 in XML", (segment) => {
    expect(parseOpen311Target(segment)).toMatchObject({ ok: false, format: "xml", error: { code: 404 } });
  });

  it("an unknown resource is a 404 in the format asked for", () => {
    expect(parseOpen311Target("tokens.json", ["services"])).toMatchObject({ ok: false, format: "json", error: { code: 404 } });
  });
});

describe("datetimes", () => {
  it("answers in Vietnam time with +07:00", () => {
    expect(formatW3cDateTime("2021-01-01T03:00:00.000Z")).toBe("2021-01-01T10:00:00+07:00");
    expect(formatW3cDateTime(new Date("2021-12-31T17:30:59.999Z"))).toBe("2022-01-01T00:30:59+07:00");
  });

  it.each([
    ["2021-01-05T08:00:00+07:00", "2021-01-05T01:00:00.000Z"],
    ["2021-01-05T01:00:00Z", "2021-01-05T01:00:00.000Z"],
    ["2021-01-04T20:00:00-05:00", "2021-01-05T01:00:00.000Z"],
    ["2021-01-05T08:00+07:00", "2021-01-05T01:00:00.000Z"],
    ["2021-01-05T08:00:00.25+07:00", "2021-01-05T01:00:00.250Z"],
    // An unencoded "+" in a query string arrives as a space.
    ["2021-01-05T08:00:00 07:00", "2021-01-05T01:00:00.000Z"],
    ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
  ])("reads %s", (value, iso) => {
    expect(parseW3cDateTime(value)?.toISOString()).toBe(iso);
  });

  it.each(["2021-01-05", "2021-01-05T08:00:00", "2021-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2021-01-05T24:00:00Z", "2021-13-01T00:00:00Z", "05/01/2021", "2021-01-05T08:00:00+7"])(
    "refuses %s",
    (value) => {
      expect(parseW3cDateTime(value)).toBeNull();
    },
  );
});

describe("the 90-day rule", () => {
  const now = new Date("2021-06-01T00:00:00Z");
  const start = new Date("2021-01-01T00:00:00Z");

  it("both ends at most 90 days apart", () => {
    expect(open311DateWindow(start, new Date(start.getTime() + 90 * DAY), now)).toEqual({ ok: true, from: start, to: new Date(start.getTime() + 90 * DAY) });
    expect(open311DateWindow(start, new Date(start.getTime() + 90 * DAY + 1), now)).toMatchObject({ ok: false, error: { code: 400 } });
  });

  it("end before start is a 400", () => {
    expect(open311DateWindow(start, new Date(start.getTime() - 1), now)).toMatchObject({ ok: false, error: { code: 400 } });
  });

  it("defaults to the last 90 days; one end given, 90 days from it", () => {
    expect(open311DateWindow(undefined, undefined, now)).toEqual({ ok: true, from: new Date(now.getTime() - 90 * DAY), to: now });
    expect(open311DateWindow(start, undefined, now)).toEqual({ ok: true, from: start, to: new Date(start.getTime() + 90 * DAY) });
    expect(open311DateWindow(undefined, start, now)).toEqual({ ok: true, from: new Date(start.getTime() - 90 * DAY), to: start });
  });
});

describe("parameters", () => {
  it("reads attribute[code] and repeated attribute[code][]", () => {
    const p = params("attribute%5Bconsent%5D=yes&attribute[tags][]=a&attribute[tags][]=b&service_code=feedback");
    expect(p.attributes.get("consent")).toEqual({ values: ["yes"], multi: false });
    expect(p.attributes.get("tags")).toEqual({ values: ["a", "b"], multi: true });
    expect(p.scalars.get("service_code")).toBe("feedback");
    expect(p.errors).toEqual([]);
  });

  it("treats an empty parameter as absent and trims values", () => {
    const p = params("email=&attribute[dossier_code]=&description=%20%20hi%20&lat=");
    expect([...p.scalars]).toEqual([["description", "hi"]]);
    expect(p.attributes.size).toBe(0);
  });

  it("refuses a parameter given twice, or an attribute in both forms", () => {
    expect(params("phone=1&phone=2").errors).toEqual([{ code: 400, description: "phone: chỉ được gửi một lần." }]);
    expect(params("attribute[c]=1&attribute[c][]=2").errors).toEqual([{ code: 400, description: "attribute[c]: chỉ được gửi một lần." }]);
  });
});

describe("create", () => {
  const base = "service_code=feedback&attribute[consent]=yes";

  it("accepts lat and long together, an address_string or an address_id", () => {
    for (const location of ["lat=21.3&long=103.9", "address_string=Bản Nà Sai", "address_id=A-17"]) {
      expect(parseOpen311Create(params(`${base}&${location}`)).ok).toBe(true);
    }
  });

  it("maps every field, the name in Vietnamese order (family name first)", () => {
    const result = parseOpen311Create(
      params(
        `${base}&lat=-21.5&long=+103.25&description=Đường+hỏng&first_name=Văn+A&last_name=Lò&phone=0912+345+678&email=a@b.vn` +
          "&media_url=https://img.example/1.jpg&attribute[dossier_code]=000.31.14.H53-210105-0001&attribute[procedure_code]=1.001193&device_id=d&account_id=u",
      ),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        serviceCode: "feedback",
        description: "Đường hỏng",
        location: { lat: -21.5, long: 103.25, addressString: null, addressId: null },
        contact: { name: "Lò Văn A", phone: "0912345678", email: "a@b.vn" },
        mediaUrl: "https://img.example/1.jpg",
        dossierCode: "000.31.14.H53-210105-0001",
        procedureCode: "1.001193",
        deviceId: "d",
        accountId: "u",
      },
    });
  });

  it.each([
    ["no location", base, /vị trí/],
    ["lat without long", `${base}&lat=21`, /^long: lat và long/],
    ["long without lat", `${base}&long=103`, /^lat: lat và long/],
    ["lat out of range", `${base}&lat=91&long=0`, /^lat: /],
    ["a coordinate that is not a number", `${base}&lat=abc&long=0`, /^lat: /],
    ["no consent", "service_code=feedback&address_string=x", /^attribute\[consent\]: bắt buộc/],
    ["consent not 'yes'", "service_code=feedback&address_string=x&attribute[consent]=no", /^attribute\[consent\]: giá trị phải là "yes"/],
    ["consent as a multi-value", "service_code=feedback&address_string=x&attribute[consent][]=yes", /^attribute\[consent\]: chỉ nhận một giá trị/],
    ["an unknown attribute", `${base}&address_string=x&attribute[colour]=red`, /^attribute\[colour\]: không có/],
    ["a malformed dossier code", `${base}&address_string=x&attribute[dossier_code]=abc`, /^attribute\[dossier_code\]: Mã hồ sơ có dạng/],
    ["a foreign phone", `${base}&address_string=x&phone=12345`, /^phone: Số điện thoại không hợp lệ/],
    ["a bad email", `${base}&address_string=x&email=not-an-email`, /^email: /],
    ["a media_url that is not http(s)", `${base}&address_string=x&media_url=javascript:alert(1)`, /^media_url: /],
    ["no service_code", "attribute[consent]=yes&address_string=x", /^service_code: bắt buộc/],
  ])("%s is a 400", (_name, query, description) => {
    const result = parseOpen311Create(params(query));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(400);
    expect(result.errors.map((e) => e.description)).toContainEqual(expect.stringMatching(description));
    expect(result.errors.every((e) => e.code === 400)).toBe(true);
  });

  it("lists several errors at once", () => {
    const result = parseOpen311Create(params("service_code=feedback&phone=1&email=x"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.description.split(":")[0])).toEqual(expect.arrayContaining(["phone", "email", "location", "attribute[consent]"]));
  });

  it("an unknown service_code, complaints included, is a 404 on its own", () => {
    for (const code of ["complaint", "pothole"]) {
      expect(parseOpen311Create(params(`service_code=${code}&phone=1`))).toEqual({
        ok: false,
        status: 404,
        errors: [{ code: 404, description: `service_code: không có dịch vụ "${code}".` }],
      });
    }
  });

  it("a description is up to 4,000 characters, counted as characters, HTML kept as text", () => {
    const ok = (d: string) => parseOpen311Create(params(`${base}&address_string=x&description=${encodeURIComponent(d)}`)).ok;
    expect(ok("ạ".repeat(4000))).toBe(true);
    expect(ok("🚧".repeat(4000))).toBe(true);
    expect(ok("a".repeat(4001))).toBe(false);
    const html = parseOpen311Create(params(`${base}&address_string=x&description=${encodeURIComponent("<b>x</b>")}`));
    expect(html.ok && html.value.description).toBe("<b>x</b>");
  });
});

describe("description, media_url and address_id", () => {
  it.each([
    ["text, media and address id", "Đường hỏng", "https://a/1.jpg", "A-1"],
    ["media only", null, "https://a/1.jpg", null],
    ["text only", "Đường hỏng\n\nđoạn hai", null, null],
    ["address id only", "x", null, "A-1"],
  ])("round-trips %s", (_name, text, mediaUrl, addressId) => {
    expect(splitOpen311Description(composeOpen311Description(text, mediaUrl, addressId))).toEqual({ text, mediaUrl, addressId });
  });

  it("stores the media as a labelled line staff can read", () => {
    expect(composeOpen311Description("Đường hỏng", "https://a/1.jpg", null)).toBe("Đường hỏng\n\nẢnh: https://a/1.jpg");
  });

  it("leaves a description without the labelled block as it is", () => {
    expect(splitOpen311Description("Ảnh chụp ở bản\n\nkhông có nhãn")).toEqual({ text: "Ảnh chụp ở bản\n\nkhông có nhãn", mediaUrl: null, addressId: null });
    expect(splitOpen311Description("")).toEqual({ text: null, mediaUrl: null, addressId: null });
  });
});

describe("subject", () => {
  it("is the service name and the first ten words", () => {
    expect(open311Subject("feedback", "Đường   liên bản bị sạt lở", null)).toBe("Phản ánh: Đường liên bản bị sạt lở");
    expect(open311Subject("recommendation", "một hai ba bốn năm sáu bảy tám chín mười mười-một", null)).toBe(
      "Kiến nghị: một hai ba bốn năm sáu bảy tám chín mười…",
    );
    expect(open311Subject("compliment", "x".repeat(300), null)).toBe(`Khen ngợi: ${"x".repeat(120)}…`);
  });

  it("falls back on the place, then on the name alone", () => {
    expect(open311Subject("feedback", null, "Bản Nà Sai")).toBe("Phản ánh: Bản Nà Sai");
    expect(open311Subject("feedback", null, null)).toBe("Phản ánh");
  });
});

describe("list filters", () => {
  const now = new Date("2021-06-01T00:00:00Z");

  it("defaults to every service, both statuses and the last 90 days", () => {
    expect(parseOpen311ListQuery(params(""), now)).toEqual({
      ok: true,
      value: { by: "filter", serviceCodes: ["feedback", "recommendation", "compliment"], statuses: ["open", "closed"], from: new Date(now.getTime() - 90 * DAY), to: now },
    });
  });

  it("reads comma-separated service codes and statuses", () => {
    const result = parseOpen311ListQuery(params("service_code=feedback,compliment&status=closed&start_date=2021-01-01T00:00:00%2B07:00&end_date=2021-02-01T00:00:00Z"), now);
    expect(result).toEqual({
      ok: true,
      value: {
        by: "filter",
        serviceCodes: ["feedback", "compliment"],
        statuses: ["closed"],
        from: new Date("2020-12-31T17:00:00Z"),
        to: new Date("2021-02-01T00:00:00Z"),
      },
    });
  });

  it("service_request_id overrides every other filter, even invalid ones", () => {
    expect(parseOpen311ListQuery(params("service_request_id=abcd-efgh-jkmn, WXYZ-2345-6789 ,nope&status=bad&start_date=x&service_code=complaint"), now)).toEqual({
      ok: true,
      value: { by: "id", codes: ["ABCD-EFGH-JKMN", "WXYZ-2345-6789"] },
    });
  });

  it.each([
    ["a complaint service code", "service_code=complaint"],
    ["an unknown status", "status=pending"],
    ["a date without a zone", "start_date=2021-01-01"],
    ["more than 90 days", "start_date=2021-01-01T00:00:00Z&end_date=2021-04-02T00:00:00Z"],
    ["a filter given twice", "status=open&status=closed"],
  ])("%s is a 400", (_name, query) => {
    const result = parseOpen311ListQuery(params(query), now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.every((e) => e.code === 400)).toBe(true);
  });
});

describe("a request as listed", () => {
  const item: Open311Item = {
    code: "ABCD-EFGH-JKMN",
    kind: "feedback",
    state: "received",
    description: "Đường hỏng\n\nẢnh: https://a/1.jpg\nMã địa chỉ: A-1",
    receivedAt: "2021-01-05T01:00:00.000Z",
    lastChangedAt: null,
    resolutionDueAt: "2021-01-26T10:00:00.000Z",
    publicAnswer: null,
    notAcceptedReason: null,
    forwardedTo: null,
    addressString: "Bản Nà Sai",
    lat: 21.3,
    long: 103.9,
  };

  it("has exactly the specification's fields, in its order", () => {
    expect(open311Request(item, "UBND xã A")).toEqual({
      service_request_id: "ABCD-EFGH-JKMN",
      status: "open",
      status_notes: null,
      service_name: "Phản ánh",
      service_code: "feedback",
      description: "Đường hỏng",
      agency_responsible: "UBND xã A",
      service_notice: expect.stringContaining("15 ngày làm việc"),
      requested_datetime: "2021-01-05T08:00:00+07:00",
      updated_datetime: "2021-01-05T08:00:00+07:00",
      expected_datetime: "2021-01-26T17:00:00+07:00",
      address: "Bản Nà Sai",
      address_id: "A-1",
      zipcode: null,
      lat: 21.3,
      long: 103.9,
      media_url: "https://a/1.jpg",
    });
    expect(Object.keys(open311Request(item, "x"))).toEqual([
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
    ]);
  });

  it.each(FEEDBACK_STATES.map((s) => [s]))("state %s reads as open or closed only", (state: FeedbackState) => {
    const status = open311Request({ ...item, state }, "x").status;
    expect(status).toBe(["received", "accepted", "assigned", "investigating"].includes(state) ? "open" : "closed");
  });

  it("status notes: the public answer, the reason for not accepting, or where it was forwarded", () => {
    expect(open311Request({ ...item, state: "answered", publicAnswer: "Đã sửa." }, "x").status_notes).toBe("Đã sửa.");
    expect(open311Request({ ...item, state: "not_accepted", notAcceptedReason: "Trùng" }, "x").status_notes).toBe("Không thụ lý: Trùng");
    const forwarded = open311Request({ ...item, state: "forwarded", forwardedTo: "UBND huyện Sông Mã", lastChangedAt: "2021-01-06T02:00:00.000Z" }, "UBND xã A");
    expect(forwarded).toMatchObject({
      status: "closed",
      status_notes: "Đã chuyển đến UBND huyện Sông Mã để giải quyết theo thẩm quyền.",
      agency_responsible: "UBND huyện Sông Mã",
      updated_datetime: "2021-01-06T09:00:00+07:00",
    });
  });

  it("a compliment has no expected datetime and its own notice", () => {
    const row = open311Request({ ...item, kind: "compliment", resolutionDueAt: null }, "UBND xã A");
    expect(row.expected_datetime).toBeNull();
    expect(row.service_notice).toBe("UBND xã A ghi nhận ý kiến và chuyển lời khen đến cán bộ, bộ phận liên quan.");
  });
});
