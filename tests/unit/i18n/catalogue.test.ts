import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROLES } from "~/domain/accounts/roles";
import { en } from "~/i18n/en";
import { isMessageKey } from "~/i18n";
import { vi } from "~/i18n/vi";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the message catalogues", () => {
  test("vi and en have exactly the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  test.each(Object.keys(vi))("%s has the same placeholders in vi and en", (key) => {
    const viText: string = vi[key as keyof typeof vi];
    const enText: string | undefined = (en as Record<string, string>)[key];
    expect(enText).toBeDefined();
    expect(placeholders(enText ?? "")).toEqual(placeholders(viText));
  });

  test("no key is defined in two area files (the later spread would silently win)", async () => {
    const areaDir = join(fileURLToPath(new URL(".", import.meta.url)), "../../../app/i18n/areas");
    const definedIn = new Map<string, string[]>();
    for (const file of readdirSync(areaDir).filter((f) => f.endsWith(".ts") && f !== "types.ts")) {
      const area = (await import(join(areaDir, file))) as Record<string, Record<string, string>>;
      for (const [name, messages] of Object.entries(area)) {
        if (!name.endsWith("Vi")) continue;
        for (const key of Object.keys(messages)) definedIn.set(key, [...(definedIn.get(key) ?? []), file]);
      }
    }
    expect([...definedIn].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  test("no message is empty or only spaces", () => {
    const empty = [
      ...Object.entries(vi).map(([key, text]) => ["vi", key, text] as const),
      ...Object.entries(en).map(([key, text]) => ["en", key, text] as const),
    ].filter(([, , text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });

  test("every role has a name", () => {
    const missing = ROLES.map((role) => `role.${role}`).filter((key) => !isMessageKey(key));
    expect(missing).toEqual([]);
  });

  test("isMessageKey knows catalogue keys and nothing else", () => {
    expect(isMessageKey("error.required")).toBe(true);
    expect(isMessageKey("error.nope")).toBe(false);
    expect(isMessageKey("toString")).toBe(false);
  });
});

describe("zod messages in app/domain", () => {
  const domainDir = fileURLToPath(new URL("../../../app/domain", import.meta.url));
  const sources = readdirSync(domainDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => ({ file, text: readFileSync(join(domainDir, file), "utf8") }));
  const used = sources.flatMap(({ file, text }) =>
    [...text.matchAll(/\bm\(\s*["']([^"']+)["']\s*\)/g)].map((match) => ({ file, key: match[1] ?? "" })),
  );

  test("the scan finds the schemas' messages", () => {
    // Guards the scan itself: if it found nothing, the next test would pass vacuously.
    expect(used.map((u) => u.key)).toEqual(
      expect.arrayContaining(["error.username", "error.passwordMismatch", "error.dateRange"]),
    );
  });

  test("every key used as a message exists in the catalogue", () => {
    expect(used.filter(({ key }) => !isMessageKey(key))).toEqual([]);
  });
});
