import { expect, test } from "vitest";
import { safeRedirectPath } from "~/utils/auth.server";

test.each([
  { value: "/staff/users?x=1", result: "/staff/users?x=1" },
  { value: "/staff/audit-log?entityType=user&page=2#top", result: "/staff/audit-log?entityType=user&page=2#top" },
  { value: "/", result: "/" },
])("keeps the local path $value", ({ value, result }) => {
  expect(safeRedirectPath(value)).toBe(result);
});

test.each([
  { name: "a protocol-relative URL", value: "//evil.com" },
  { name: "a protocol-relative URL with a path", value: "//evil.com/staff" },
  { name: "an absolute URL", value: "https://evil.com" },
  { name: "a javascript: URL", value: "javascript:alert(1)" },
  { name: "a backslash trick", value: "/\\evil.com" },
  // Browsers drop tabs and line breaks from URLs: these are //evil.example once followed.
  { name: "a tab between the slashes", value: "/\t/evil.example" },
  { name: "a line feed between the slashes", value: "/\n/evil.example" },
  { name: "a carriage return between the slashes", value: "/\r/evil.example" },
  { name: "a space between the slashes", value: "/ /evil.example" },
  { name: "a backslash after the slash", value: "/\\/evil.example" },
  { name: "an invisible character", value: "/\u200b/evil.example" },
  { name: "a relative path", value: "staff/users" },
  { name: "an empty string", value: "" },
  { name: "undefined", value: undefined },
  { name: "null", value: null },
  { name: "a number", value: 42 },
  { name: "an array", value: ["/staff"] },
])("refuses $name and falls back to /staff", ({ value }) => {
  expect(safeRedirectPath(value)).toBe("/staff");
});

test("the fallback can be chosen", () => {
  expect(safeRedirectPath("//evil.com", "/staff/account")).toBe("/staff/account");
});
