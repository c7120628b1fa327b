import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemo } from "#db/seed/demo";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the modules are loaded once DATABASE_URL points at the test database.
import type * as ResourceRoute from "~/routes/open311.v2.$resource";
import type * as ServiceRoute from "~/routes/open311.v2.services.$code";
import type * as TokenRoute from "~/routes/open311.v2.tokens.$token";
import type * as SplatRoute from "~/routes/open311.v2.$";

const XML = "text/xml; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
const context = { clientAddress: "127.0.0.1" };

let t: TestDb;
let resource: typeof ResourceRoute;
let service: typeof ServiceRoute;
let token: typeof TokenRoute;
let splat: typeof SplatRoute;

beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db, new Date("2021-01-01T03:00:00Z"), { requirePasswordChange: false });
  vi.stubEnv("DATABASE_URL", t.path);
  resource = await import("~/routes/open311.v2.$resource");
  service = await import("~/routes/open311.v2.services.$code");
  token = await import("~/routes/open311.v2.tokens.$token");
  splat = await import("~/routes/open311.v2.$");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

const request = (path: string) => new Request(`http://localhost/open311/v2/${path}`);

async function read(response: Response) {
  return { status: response.status, type: response.headers.get("Content-Type"), body: await response.text() };
}

const getResource = async (name: string) => read(await resource.loader({ request: request(name), params: { resource: name }, context }));
const getService = async (code: string) => read(await service.loader({ request: request(`services/${code}`), params: { code }, context }));

describe("discovery", () => {
  it("in XML: declaration, contact, key service and one production endpoint", async () => {
    const { status, type, body } = await getResource("discovery.xml");
    expect(status).toBe(200);
    expect(type).toBe(XML);
    expect(body).toMatch(
      new RegExp(
        "^<\\?xml version=\"1\\.0\" encoding=\"utf-8\"\\?>\\n<discovery><changeset>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00</changeset>" +
          "<contact>UBND xã Mường Sai[^<]*</contact><key_service>Liên hệ quản trị hệ thống UBND xã để được cấp khóa API</key_service>" +
          "<endpoints><endpoint><specification>http://wiki\\.open311\\.org/GeoReport_v2</specification><url>http://localhost/open311/v2</url>" +
          "<changeset>[^<]+</changeset><type>production</type><formats><format>text/xml</format><format>application/json</format></formats>" +
          "</endpoint></endpoints></discovery>$",
      ),
    );
  });

  it("in JSON: an object, the url built from the request's origin", async () => {
    const response = await resource.loader({ request: new Request("https://xa.example.vn/open311/v2/discovery.json"), params: { resource: "discovery.json" }, context });
    expect(response.headers.get("Content-Type")).toBe(JSON_TYPE);
    expect(await response.json()).toEqual({
      changeset: expect.stringMatching(/\+07:00$/),
      contact: expect.stringContaining("UBND xã Mường Sai"),
      key_service: "Liên hệ quản trị hệ thống UBND xã để được cấp khóa API",
      endpoints: [
        {
          specification: "http://wiki.open311.org/GeoReport_v2",
          url: "https://xa.example.vn/open311/v2",
          changeset: expect.any(String),
          type: "production",
          formats: ["text/xml", "application/json"],
        },
      ],
    });
  });
});

describe("services", () => {
  it("in JSON: a bare array of the three services, without complaints", async () => {
    const { status, type, body } = await getResource("services.json");
    expect(status).toBe(200);
    expect(type).toBe(JSON_TYPE);
    const services = JSON.parse(body) as Array<Record<string, unknown>>;
    expect(Array.isArray(services)).toBe(true);
    expect(services.map((s) => s.service_code)).toEqual(["feedback", "recommendation", "compliment"]);
    for (const s of services) {
      expect(Object.keys(s)).toEqual(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]);
      expect(s).toMatchObject({ metadata: true, type: "realtime", group: "Thủ tục hành chính" });
    }
    expect(body).not.toContain('"complaint"');
  });

  it("in XML: <services> with one <service> each", async () => {
    const { type, body } = await getResource("services.xml");
    expect(type).toBe(XML);
    expect(body.startsWith(`${DECLARATION}\n<services><service><service_code>feedback</service_code><service_name>Phản ánh</service_name>`)).toBe(true);
    expect(body.match(/<service>/g)).toHaveLength(3);
    expect(body.endsWith("</service></services>")).toBe(true);
  });
});

describe("a service definition", () => {
  it("in JSON: the service code and its attributes, consent required", async () => {
    const { status, type, body } = await getService("feedback.json");
    expect(status).toBe(200);
    expect(type).toBe(JSON_TYPE);
    const definition = JSON.parse(body) as { service_code: string; attributes: Array<Record<string, unknown>> };
    expect(definition.service_code).toBe("feedback");
    expect(definition.attributes.map((a) => a.code)).toEqual(["dossier_code", "procedure_code", "consent"]);
    expect(definition.attributes[2]).toMatchObject({
      variable: true,
      datatype: "singlevaluelist",
      required: true,
      order: 3,
      values: [{ key: "yes", name: "Đồng ý xử lý dữ liệu cá nhân" }],
    });
    expect(Object.keys(definition.attributes[0] ?? {})).toEqual(["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"]);
  });

  it("in XML: <service_definition> with <attributes><attribute>", async () => {
    const { type, body } = await getService("compliment.xml");
    expect(type).toBe(XML);
    expect(body.startsWith(`${DECLARATION}\n<service_definition><service_code>compliment</service_code><attributes><attribute><variable>true</variable><code>dossier_code</code><datatype>string</datatype><required>false</required>`)).toBe(true);
    expect(body).toContain("<values><value><key>yes</key><name>Đồng ý xử lý dữ liệu cá nhân</name></value></values>");
    expect(body.endsWith("</attribute></attributes></service_definition>")).toBe(true);
  });

  it.each(["complaint", "pothole"])("%s is not a service: 404 in JSON and in XML", async (code) => {
    const json = await getService(`${code}.json`);
    expect(json).toEqual({ status: 404, type: JSON_TYPE, body: JSON.stringify([{ code: 404, description: `service_code: không có dịch vụ "${code}".` }]) });
    const xml = await getService(`${code}.xml`);
    expect(xml).toEqual({
      status: 404,
      type: XML,
      body: `${DECLARATION}\n<errors><error><code>404</code><description>service_code: không có dịch vụ &quot;${code}&quot;.</description></error></errors>`,
    });
  });
});

describe("formats and missing resources", () => {
  it.each([
    ["services", () => getResource("services")],
    ["services.html", () => getResource("services.html")],
    ["services/feedback.yaml", () => getService("feedback.yaml")],
  ])("%s: no known format, a 404 in XML", async (_path, call) => {
    const { status, type, body } = await call();
    expect(status).toBe(404);
    expect(type).toBe(XML);
    expect(body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<errors><error><code>404<\/code><description>[^<]+<\/description><\/error><\/errors>$/);
  });

  it("an unknown resource is a 404 in the format asked for", async () => {
    const { status, type, body } = await getResource("jurisdictions.json");
    expect({ status, type }).toEqual({ status: 404, type: JSON_TYPE });
    expect(JSON.parse(body)).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it("tokens: services are realtime, so every token is a 404", async () => {
    const response = await token.loader({ request: request("tokens/12345.json"), params: { token: "12345.json" }, context });
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe(JSON_TYPE);
    expect(await response.json()).toEqual([{ code: 404, description: expect.stringContaining("realtime") }]);
  });

  it("any other path under the endpoint is a 404 in its format", async () => {
    const response = await splat.loader({ request: request("services/feedback/x.json"), params: { "*": "services/feedback/x.json" }, context });
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe(JSON_TYPE);
  });

  it("a POST to a read-only resource is a 400 in its format", async () => {
    const response = await resource.action({ request: new Request("http://localhost/open311/v2/services.xml", { method: "POST" }), params: { resource: "services.xml" }, context });
    expect(response.status).toBe(400);
    expect(response.headers.get("Content-Type")).toBe(XML);
  });

  it("reads may be called from any web page; they carry no cookie", async () => {
    const response = await resource.loader({ request: request("services.json"), params: { resource: "services.json" }, context });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});
