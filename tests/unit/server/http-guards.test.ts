import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "~/domain/feedback/attachments";
import { MAX_VERIFY_UPLOAD_BYTES } from "~/domain/reports/issued-document";
import { bodyLimitFor, DEFAULT_BODY_LIMIT, isSameOriginWrite, trustProxySetting } from "../../../server/http-guards.js";

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["0", false],
    // `true` is one proxy: the client is the address that proxy appended, never the leftmost entry.
    ["true", 1],
    ["2", 2],
    ["10.0.0.1, 10.0.0.0/8", ["10.0.0.1", "10.0.0.0/8"]],
    ["loopback", ["loopback"]],
  ])("%j → %j", (value, expected) => {
    expect(trustProxySetting(value)).toEqual(expected);
  });
});

describe("the same-origin rule for writes", () => {
  const selfOrigin = "https://motcua.example.vn";
  it.each([
    [{ origin: "https://motcua.example.vn" }, true],
    [{ origin: undefined }, true],
    // The scheme counts: a page on plain http cannot post to the https site.
    [{ origin: "http://motcua.example.vn" }, false],
    [{ origin: "https://motcua.example.vn:8443" }, false],
    [{ origin: "https://evil.example" }, false],
    [{ origin: "null" }, false],
    [{ origin: "https://motcua.example.vn", fetchSite: "cross-site" }, false],
    [{ origin: undefined, fetchSite: "cross-site" }, false],
    [{ origin: undefined, fetchSite: "same-origin" }, true],
  ])("%j → %s", (input, expected) => {
    expect(isSameOriginWrite({ ...input, selfOrigin })).toBe(expected);
  });
});

describe("body limits per path", () => {
  it("leave room for what each route itself accepts, and no more than needed", () => {
    const feedback = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 256 * 1024;
    expect(bodyLimitFor("/feedback")).toBeGreaterThan(feedback);
    expect(bodyLimitFor("/feedback")).toBeLessThan(feedback + 1024 * 1024);
    expect(bodyLimitFor("/verify")).toBeGreaterThan(MAX_VERIFY_UPLOAD_BYTES);
    expect(bodyLimitFor("/api/v1/dossiers")).toBe(256 * 1024);
    expect(bodyLimitFor("/open311/v2/requests.json")).toBe(64 * 1024);
  });

  it("are small where nobody is signed in yet, and 1 MiB elsewhere", () => {
    expect(bodyLimitFor("/login")).toBe(16 * 1024);
    expect(bodyLimitFor("/feedback/rate")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/staff/dossiers/new")).toBe(DEFAULT_BODY_LIMIT);
    expect(DEFAULT_BODY_LIMIT).toBe(1024 * 1024);
  });
});
