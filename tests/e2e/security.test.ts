import http from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../setup/e2e-server";
import { baseURL, DEMO_PASSWORD, expectNoPageErrors, launchBrowser, openPage } from "./browser";

/* The protections of issue 13, probed from outside as an attacker would. */

describe("headers", () => {
  it("pages carry a CSP whose nonce is on every inline script, and no other inline script runs", async () => {
    const response = await fetch(`${baseURL()}/`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    // A fresh nonce per rendering: pages rendered per request get a new one each time (the anonymous
    // public pages of server/public-cache.js keep the nonce of the rendering they cache, for its minute).
    const nonceOf = async (path: string) => /'nonce-([^']+)'/.exec((await fetch(`${baseURL()}${path}`)).headers.get("content-security-policy") ?? "")?.[1];
    const first = await nonceOf("/lookup");
    expect(first).toBeTruthy();
    expect(await nonceOf("/lookup")).not.toBe(first);
  });

  it("sends COOP, Permissions-Policy, nosniff and DENY; HSTS only over HTTPS", async () => {
    const response = await fetch(`${baseURL()}/procedures`);
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("staff pages and the login page are never stored", async () => {
    for (const path of ["/login", "/staff", "/staff/dossiers"]) {
      const response = await fetch(`${baseURL()}${path}`, { redirect: "manual" });
      expect(response.headers.get("cache-control"), path).toContain("no-store");
    }
  });

  it("a browser runs the pages under that policy without a violation", async () => {
    const browser: Browser = await launchBrowser();
    try {
      const { page, errors } = await openPage(browser);
      await page.goto("/transparency");
      await page.goto("/feedback");
      await page.getByLabel(/Tiêu đề/).fill("Thử");
      expectNoPageErrors(errors);
    } finally {
      await browser.close();
    }
  });
});

/** A chunked POST of `mebibytes` MiB; what the server answered. */
function chunkedPost(base: string, path: string, mebibytes: number): Promise<{ status: number; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: url.port, path: url.pathname, method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked", Origin: `http://127.0.0.1:${url.port}` } },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    const chunk = Buffer.alloc(1024 * 1024, 97);
    let sent = 0;
    const write = () => {
      while (sent < mebibytes) {
        sent += 1;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("body limits", () => {
  it("a chunked 100 MB POST /login is cut at 16 KiB with a 413, and the server goes on", async () => {
    const answer = await chunkedPost(baseURL(), "/login", 100);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("16 KiB");
    expect((await fetch(`${baseURL()}/healthz`)).status).toBe(200);
  });

  it("a declared length over the limit is refused before it is read", async () => {
    const response = await fetch(`${baseURL()}/api/v1/dossiers`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(300 * 1024) },
      body: "x".repeat(300 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "payload_too_large" });
  });
});

describe("on a server behind one proxy, with low limits and the demo freshly seeded", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ SEED_DEMO: "true", TRUST_PROXY: "true", LOOKUP_LIMIT_PER_MINUTE: "3", FEEDBACK_LIMIT_PER_HOUR: "5" });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const lookup = (forwardedFor: string) =>
    fetch(`${server.baseURL}/lookup?code=000.31.14.H53-260101-0001`, { headers: { "X-Forwarded-For": forwardedFor } });

  it("a refused visitor gets 429, Retry-After and a translated page", async () => {
    for (let i = 0; i < 3; i++) expect((await lookup("203.0.113.7")).status).toBe(200);
    const refused = await lookup("203.0.113.7");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Quá nhiều yêu cầu");
  });

  it("the client's own X-Forwarded-For entries do not make it someone else", async () => {
    for (let i = 0; i < 3; i++) expect((await lookup("203.0.113.8")).status).toBe(200);
    // The client writes addresses of its own before the one the proxy appended: still the same client.
    for (const spoof of ["1.1.1.1", "8.8.8.8, 9.9.9.9"]) expect((await lookup(`${spoof}, 203.0.113.8`)).status).toBe(429);
  });

  it("every demo account must change the public password at first sign-in", async () => {
    const { page, errors } = await openPage(browser);
    await page.context().clearCookies();
    await page.goto(`${server.baseURL}/login?redirectTo=%2F%09%2Fevil.example`);
    await page.getByLabel("Tên đăng nhập").fill("quantri");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((url) => url.pathname === "/staff/account");
    // Never the other site the redirect asked for.
    expect(new URL(page.url()).host).toBe(new URL(server.baseURL).host);
    await page.getByRole("status").filter({ hasText: /đổi mật khẩu/i }).first().waitFor();
    await page.goto(`${server.baseURL}/staff/users`);
    expect(new URL(page.url()).pathname).toBe("/staff/account");
    expectNoPageErrors(errors);
    await page.context().close();
  });
});
