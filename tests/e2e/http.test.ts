import { describe, expect, it } from "vitest";
import { baseURL } from "./browser";

describe("HTTP guards", () => {
  it("healthz reports the database", async () => {
    const response = await fetch(`${baseURL()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("refuses unsafe methods from another origin", async () => {
    const body = new URLSearchParams({ username: "quantri", password: "motcua-demo-2026" });
    const foreign = await fetch(`${baseURL()}/login`, {
      method: "POST",
      body,
      headers: { Origin: "http://evil.example" },
      redirect: "manual",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();

    const crossSite = await fetch(`${baseURL()}/login`, {
      method: "POST",
      body,
      headers: { "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(crossSite.status).toBe(403);

    const sameOrigin = await fetch(`${baseURL()}/login`, {
      method: "POST",
      body,
      headers: { Origin: baseURL() },
      redirect: "manual",
    });
    expect(sameOrigin.status).toBe(302);
    const cookie = sameOrigin.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
  });

  it("sends security headers", async () => {
    const response = await fetch(`${baseURL()}/`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("HTML as sent", () => {
  // React 18.3 padded a streamed chunk with zero bytes when a Vietnamese letter straddled its 2 KiB
  // buffer (3 of the 31 procedure pages hit it); entry.server strips them.
  it("never carries a NUL byte, on every public procedure page", async () => {
    const index = await (await fetch(`${baseURL()}/procedures`)).text();
    const codes = [...new Set([...index.matchAll(/href="\/procedures\/([0-9.]+)"/g)].map((m) => m[1]!))];
    expect(codes.length).toBeGreaterThanOrEqual(30);
    for (const path of ["/", "/procedures", "/transparency", "/feedback", ...codes.map((c) => `/procedures/${c}`)]) {
      const bytes = Buffer.from(await (await fetch(`${baseURL()}${path}`)).arrayBuffer());
      expect(bytes.indexOf(0), path).toBe(-1);
    }
  });
});

describe("the site icon", () => {
  // A browser showing a PDF (no page to link an icon) asks for /favicon.ico.
  it("answers /favicon.ico", async () => {
    const response = await fetch(`${baseURL()}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(await response.text()).toContain("<svg");
  });
});
