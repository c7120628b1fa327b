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
