import { describe, expect, test } from "vitest";
import { getDecoyHash, hashPassword, verifyPassword } from "~/utils/password.server";

describe("password hashing", () => {
  test("a hash verifies its own password and no other", async () => {
    const stored = await hashPassword("mot-cua-2026");
    expect(await verifyPassword("mot-cua-2026", stored)).toBe(true);
    expect(await verifyPassword("mot-cua-2027", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  test("the format is scrypt$N$r$p$salt$hash with the chosen cost", async () => {
    const stored = await hashPassword("mot-cua-2026");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    const [, , , , salt, hash] = stored.split("$");
    expect(Buffer.from(salt ?? "", "base64")).toHaveLength(16);
    expect(Buffer.from(hash ?? "", "base64")).toHaveLength(32);
  });

  test("two hashes of the same password differ (random salt) and both verify", async () => {
    const [first, second] = await Promise.all([hashPassword("mot-cua-2026"), hashPassword("mot-cua-2026")]);
    expect(first).not.toBe(second);
    expect(await verifyPassword("mot-cua-2026", first)).toBe(true);
    expect(await verifyPassword("mot-cua-2026", second)).toBe(true);
  });

  test("a password typed in another Unicode normal form verifies", async () => {
    const composed = "mật khẩu mới".normalize("NFC");
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  test.each([
    { name: "an empty string", stored: "" },
    { name: "a bcrypt hash", stored: "$2b$10$abcdefghijklmnopqrstuuJ2V5o0m5hM7Z1m5f1VJ2mG6b2cK3l6a" },
    { name: "a plain-text password", stored: "mot-cua-2026" },
    { name: "a truncated scrypt hash", stored: "scrypt$32768$8$1$c2FsdA==" },
    { name: "another scheme with the same fields", stored: "argon2$32768$8$1$c2FsdA==$aGFzaA==" },
  ])("a malformed stored hash ($name) is false, not an error", async ({ stored }) => {
    expect(await verifyPassword("mot-cua-2026", stored)).toBe(false);
  });

  test("a hash under another scheme's name is refused, even if its fields would match", async () => {
    const stored = await hashPassword("mot-cua-2026");
    expect(await verifyPassword("mot-cua-2026", stored.replace(/^scrypt\$/, "argon2$"))).toBe(false);
  });

  test("a hash whose key was tampered with does not verify", async () => {
    const stored = await hashPassword("mot-cua-2026");
    const parts = stored.split("$");
    const key = Buffer.from(parts[5] ?? "", "base64");
    key[0] = (key[0] ?? 0) ^ 0xff;
    parts[5] = key.toString("base64");
    expect(await verifyPassword("mot-cua-2026", parts.join("$"))).toBe(false);
  });

  test("the decoy hash is a well-formed hash that is reused", async () => {
    const decoy = await getDecoyHash();
    expect(decoy.startsWith("scrypt$")).toBe(true);
    expect(await getDecoyHash()).toBe(decoy);
  });
});
