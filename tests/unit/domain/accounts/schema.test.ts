import { describe, expect, test } from "vitest";
import type { z } from "zod";
import {
  ChangePasswordSchema,
  EditUserSchema,
  LoginSchema,
  NewPasswordSchema,
  NewUserSchema,
  UsernameSchema,
} from "~/domain/accounts/schema";
import { isMessageKey } from "~/i18n";

/** The issues of a failed parse as `path → message`. */
function issuesOf(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be rejected`);
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("UsernameSchema", () => {
  test.each([
    { input: "motcua", output: "motcua" },
    { input: "  Lo.Thi_Hoa-2 ", output: "lo.thi_hoa-2" },
    { input: "ABC", output: "abc" },
    { input: "a".repeat(32), output: "a".repeat(32) },
  ])("accepts $input as $output", ({ input, output }) => {
    expect(UsernameSchema.parse(input)).toBe(output);
  });

  test.each([
    { name: "accented letters", input: "hoàng" },
    { name: "Vietnamese đ", input: "đinh" },
    { name: "an inner space", input: "lo hoa" },
    { name: "too short", input: "ab" },
    { name: "too long", input: "a".repeat(33) },
    { name: "other punctuation", input: "lo@hoa" },
    { name: "empty", input: "" },
  ])("rejects $name with error.username", ({ input }) => {
    expect(issuesOf(UsernameSchema, input)).toEqual({ "": "error.username" });
  });

  test("rejects a missing value with error.required", () => {
    expect(issuesOf(UsernameSchema, undefined)).toEqual({ "": "error.required" });
  });
});

describe("NewPasswordSchema", () => {
  test("needs at least 10 characters", () => {
    expect(issuesOf(NewPasswordSchema, "123456789")).toEqual({ "": "error.passwordTooShort" });
    expect(NewPasswordSchema.parse("1234567890")).toBe("1234567890");
  });

  test("caps the length at 200", () => {
    expect(issuesOf(NewPasswordSchema, "x".repeat(201))).toEqual({ "": "error.tooLong" });
  });
});

describe("NewUserSchema", () => {
  const valid = {
    username: "Motcua2",
    displayName: " Cầm Văn Thắng ",
    roles: ["officer"],
    password: "mot-cua-2026",
  };

  test("parses a valid form, normalising username and trimming the name", () => {
    expect(NewUserSchema.parse(valid)).toEqual({
      username: "motcua2",
      displayName: "Cầm Văn Thắng",
      roles: ["officer"],
      password: "mot-cua-2026",
    });
  });

  test.each([
    { name: "an empty role list", roles: [], message: "error.rolesRequired", path: "roles" },
    { name: "no roles at all", roles: undefined, message: "error.rolesRequired", path: "roles" },
  ])("rejects $name", ({ roles, message, path }) => {
    expect(issuesOf(NewUserSchema, { ...valid, roles })).toEqual({ [path]: message });
  });

  test("rejects a role that is not in ROLES", () => {
    const issues = issuesOf(NewUserSchema, { ...valid, roles: ["officer", "superuser"] });
    expect(Object.keys(issues)).toEqual(["roles.1"]);
  });

  test("accepts several known roles", () => {
    expect(NewUserSchema.parse({ ...valid, roles: ["quality_lead", "auditor"] }).roles).toEqual([
      "quality_lead",
      "auditor",
    ]);
  });

  test("reports each bad field on its own path with a catalogue key", () => {
    const issues = issuesOf(NewUserSchema, {
      username: "nguyễn văn",
      displayName: "   ",
      email: "not-an-email",
      roles: [],
      password: "short",
    });
    expect(issues).toEqual({
      username: "error.username",
      displayName: "error.required",
      email: "error.invalidEmail",
      roles: "error.rolesRequired",
      password: "error.passwordTooShort",
    });
    for (const message of Object.values(issues)) expect(isMessageKey(message)).toBe(true);
  });
});

describe("EditUserSchema", () => {
  test("disabled defaults to false", () => {
    expect(EditUserSchema.parse({ displayName: "Hoa", roles: ["admin"] }).disabled).toBe(false);
  });
});

describe("LoginSchema", () => {
  test("lowercases and trims the username but keeps the password as typed", () => {
    expect(LoginSchema.parse({ username: " ChatLuong ", password: " Pass word " })).toEqual({
      username: "chatluong",
      password: " Pass word ",
    });
  });
});

describe("ChangePasswordSchema", () => {
  const valid = {
    currentPassword: "old-password-1",
    newPassword: "new-password-2",
    confirmPassword: "new-password-2",
  };

  test("accepts a new password, confirmed, different from the current one", () => {
    expect(ChangePasswordSchema.parse(valid)).toEqual(valid);
  });

  test("a mismatched confirmation is reported on confirmPassword", () => {
    expect(issuesOf(ChangePasswordSchema, { ...valid, confirmPassword: "new-password-3" })).toEqual({
      confirmPassword: "error.passwordMismatch",
    });
  });

  test("reusing the current password is reported on newPassword", () => {
    expect(
      issuesOf(ChangePasswordSchema, {
        currentPassword: "same-password-1",
        newPassword: "same-password-1",
        confirmPassword: "same-password-1",
      }),
    ).toEqual({ newPassword: "error.samePassword" });
  });

  test("a short new password is reported on newPassword", () => {
    expect(
      issuesOf(ChangePasswordSchema, { ...valid, newPassword: "short", confirmPassword: "short" }),
    ).toMatchObject({ newPassword: "error.passwordTooShort" });
  });
});
