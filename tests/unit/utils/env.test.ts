import { describe, expect, it } from "vitest";
import { EnvSchema, publicOrigin } from "~/utils/env.server";

describe("PUBLIC_URL", () => {
  it("keeps the origin of the site's public address", () => {
    expect(EnvSchema.parse({ PUBLIC_URL: "https://motcua.muongsai.gov.vn/" }).PUBLIC_URL).toBe("https://motcua.muongsai.gov.vn");
    expect(EnvSchema.parse({ PUBLIC_URL: "http://10.0.0.5:3000/any/path" }).PUBLIC_URL).toBe("http://10.0.0.5:3000");
    expect(EnvSchema.parse({}).PUBLIC_URL).toBeUndefined();
  });

  it("refuses what is not an http(s) address", () => {
    expect(EnvSchema.safeParse({ PUBLIC_URL: "motcua.muongsai.gov.vn" }).success).toBe(false);
    expect(EnvSchema.safeParse({ PUBLIC_URL: "ftp://motcua.muongsai.gov.vn" }).success).toBe(false);
  });

  it("prints the public address when set, else the address the request came to", () => {
    const request = new Request("http://192.168.1.20:3000/reports/on-time.pdf?year=2021");
    expect(publicOrigin(request, EnvSchema.parse({}))).toBe("http://192.168.1.20:3000");
    expect(publicOrigin(request, EnvSchema.parse({ PUBLIC_URL: "https://motcua.muongsai.gov.vn" }))).toBe("https://motcua.muongsai.gov.vn");
  });
});

describe("production settings", () => {
  it("refuse to start without PUBLIC_URL: a record locked with localhost in its QR code cannot be mended", () => {
    const result = EnvSchema.safeParse({ NODE_ENV: "production" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["PUBLIC_URL"]);
    expect(EnvSchema.safeParse({ NODE_ENV: "production", PUBLIC_URL: "https://motcua.muongsai.gov.vn" }).success).toBe(true);
    expect(EnvSchema.safeParse({ NODE_ENV: "development" }).success).toBe(true);
  });

  it("never seed the demo unless SEED_DEMO=true", () => {
    expect(EnvSchema.parse({ NODE_ENV: "production", PUBLIC_URL: "https://x.vn" }).SEED_DEMO).toBe("false");
  });

  it("take the rate limits as numbers, with their defaults", () => {
    const env = EnvSchema.parse({ LOOKUP_LIMIT_PER_MINUTE: "7" });
    expect(env.LOOKUP_LIMIT_PER_MINUTE).toBe(7);
    expect(env.FEEDBACK_LIMIT_PER_HOUR).toBe(5);
    expect(EnvSchema.safeParse({ LOGIN_LIMIT_PER_MINUTE: "0" }).success).toBe(false);
    expect(EnvSchema.safeParse({ LOGIN_LIMIT_PER_MINUTE: "many" }).success).toBe(false);
  });
});

describe("JOBS_ENABLED", () => {
  it("runs the background jobs unless a process opts out", () => {
    expect(EnvSchema.parse({}).JOBS_ENABLED).toBe("true");
    expect(EnvSchema.parse({ JOBS_ENABLED: "false" }).JOBS_ENABLED).toBe("false");
    expect(EnvSchema.safeParse({ JOBS_ENABLED: "no" }).success).toBe(false);
  });
});
