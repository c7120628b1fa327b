import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };

describe("package.json scripts", () => {
  it("`npm run serve` (production) never seeds the demo, whatever the environment says", () => {
    expect(scripts.serve).toMatch(/(^|\s)SEED_DEMO=false\s/);
    expect(scripts.serve).toContain("NODE_ENV=production");
  });

  it("`npm start` is the local demo: seeded, with its public address given", () => {
    expect(scripts.start).toContain("SEED_DEMO=true");
    expect(scripts.start).toContain("PUBLIC_URL=");
  });

  it("`npm run audit-log:verify` exists", () => {
    expect(scripts["audit-log:verify"]).toBe("tsx scripts/audit-log-verify.ts");
  });
});
