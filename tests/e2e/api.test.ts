import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";

let browser: Browser;
let token = "";

beforeAll(async () => {
  browser = await launchBrowser();
  // An admin creates a portal connection; its token is shown once.
  const { page, errors } = await openPage(browser);
  await logIn(page, "quantri");
  await page.goto("/staff/api-clients");
  await page.getByLabel("Tên hệ thống kết nối").fill("Cổng dịch vụ công tỉnh Sơn La");
  await page.getByRole("button", { name: "Tạo mã truy cập" }).click();
  await page.locator("code.token").waitFor();
  token = await page.locator("code.token").innerText();
  expect(token).toMatch(/^mcq_[\w-]{40,}$/);
  await page.reload();
  expect(await page.locator("code.token").count()).toBe(0);
  expectNoPageErrors(errors);
  await page.context().close();
});
afterAll(async () => {
  await browser?.close();
});

const body = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    procedureCode: "1.001193",
    channel: "online_full",
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    applicant: { name: "Quàng Thị Duyên", phone: "0987654321", address: "Bản Co Sâu, xã Mường Sai" },
    documents: [{ name: "Tờ khai đăng ký khai sinh" }, { name: "Giấy chứng sinh" }],
    ...over,
  });

const post = (payload: string, headers: Record<string, string> = {}) =>
  fetch(`${baseURL()}/api/v1/dossiers`, {
    method: "POST",
    body: payload,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`, ...headers },
  });

describe("portal integration API", () => {
  it("refuses a request without a valid token", async () => {
    const response = await fetch(`${baseURL()}/api/v1/dossiers`, { method: "POST", body: body() });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
    expect((await post(body(), { Authorization: "Bearer mcq_wrong" })).status).toBe(401);
    // The demo Open311 key is made for feedback only: known, but not allowed here.
    const openOnly = await post(body(), { Authorization: "Bearer mcq_demo_open311_key_muongsai_2026" });
    expect(openOnly.status).toBe(403);
    expect(await openOnly.json()).toEqual({ error: "forbidden", message: "This key may not be used for the dossiers API" });
  });

  it("creates a dossier once per Idempotency-Key and reports its status", async () => {
    const payload = body();
    const first = await post(payload, { "Idempotency-Key": "portal-2026-0001" });
    expect(first.status).toBe(201);
    const created = (await first.json()) as { code: string; statusCode: number; dueAt: string };
    expect(created.code).toMatch(/^000\.31\.14\.H53-\d{6}-\d{4}$/);
    expect(created.statusCode).toBe(2);

    const retry = await post(payload, { "Idempotency-Key": "portal-2026-0001" });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(created);

    const misuse = await post(body({ applicant: { name: "Khác", phone: "0987654321", address: "x" } }), {
      "Idempotency-Key": "portal-2026-0001",
    });
    expect(misuse.status).toBe(422);

    const status = await fetch(`${baseURL()}/api/v1/dossiers/${created.code}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(status.status).toBe(200);
    const read = (await status.json()) as Record<string, unknown>;
    expect(read).toMatchObject({ code: created.code, state: "received", statusCode: 2, channel: "online_full", dueAt: created.dueAt });
    expect(JSON.stringify(read)).not.toContain("Quàng Thị Duyên");
  });

  it("answers bad input with JSON errors and field paths, storing nothing", async () => {
    const response = await post(
      body({ procedureCode: "9.999999", applicant: { name: "", phone: "123", address: "Bản Nà Sài" }, receivedAt: "hôm qua" }),
    );
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: string; issues: { path: string; code: string; message: string }[] };
    expect(json.error).toBe("validation_failed");
    expect(json.issues.map((i) => i.path).sort()).toEqual(["applicant.name", "applicant.phone", "receivedAt"]);
    expect(json.issues.find((i) => i.path === "applicant.phone")?.message).toBe("Số điện thoại không hợp lệ (ví dụ 0912345678).");

    const unknown = await post(body({ procedureCode: "9.999999" }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ issues: [{ path: "procedureCode", code: "error.unknownProcedure" }] });

    expect((await post("{not json")).status).toBe(400);
  });
});
