import { describe, expect, test } from "vitest";
import { AuditLogFilterSchema } from "~/domain/audit-log/filter";

describe("AuditLogFilterSchema", () => {
  test("an empty query string is the first page, unfiltered", () => {
    expect(AuditLogFilterSchema.parse({})).toEqual({ page: 1 });
  });

  test("coerces actor and page from query-string text", () => {
    expect(
      AuditLogFilterSchema.parse({ entityType: "user", action: "password_reset", actor: "7", page: "3" }),
    ).toEqual({ entityType: "user", action: "password_reset", actor: 7, page: 3 });
  });

  test.each(["0", "-1", "abc", "1000000"])("a bad page %s falls back to 1", (page) => {
    expect(AuditLogFilterSchema.parse({ page }).page).toBe(1);
  });

  test.each([
    { name: "an entity type with capitals", input: { entityType: "User" }, path: "entityType" },
    { name: "an action with SQL in it", input: { action: "x' or 1=1" }, path: "action" },
    { name: "a non-numeric actor", input: { actor: "me" }, path: "actor" },
    { name: "a negative actor", input: { actor: "-3" }, path: "actor" },
    { name: "a date in dd/MM/yyyy", input: { from: "24/02/2021" }, path: "from" },
    { name: "an impossible date", input: { to: "2021-02-30" }, path: "to" },
  ])("rejects $name", ({ input, path }) => {
    const result = AuditLogFilterSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([path]);
  });

  test("from after to is reported on to", () => {
    const result = AuditLogFilterSchema.safeParse({ from: "2026-03-02", to: "2026-03-01" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["to", "error.dateRange"]]);
  });

  test("a one-day range is fine", () => {
    expect(AuditLogFilterSchema.parse({ from: "2026-03-02", to: "2026-03-02" })).toMatchObject({
      from: "2026-03-02",
      to: "2026-03-02",
    });
  });
});
