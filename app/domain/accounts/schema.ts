import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { ROLES } from "./roles";

/** Zod messages are catalogue keys; the form shows them translated. */
const m = (key: MessageKey) => key;

const requiredText = (max: number) =>
  z
    .string(m("error.required"))
    .trim()
    .min(1, m("error.required"))
    .max(max, m("error.tooLong"));

export const UsernameSchema = z
  .string(m("error.required"))
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, m("error.username"));

export const NewPasswordSchema = z
  .string(m("error.required"))
  .min(10, m("error.passwordTooShort"))
  .max(200, m("error.tooLong"));

const OptionalEmailSchema = z
  .email(m("error.invalidEmail"))
  .max(200, m("error.tooLong"))
  .optional();

const RolesSchema = z.array(z.enum(ROLES, m("error.invalid")), m("error.rolesRequired")).min(1, m("error.rolesRequired"));

export const LoginSchema = z.object({
  username: z.string(m("error.required")).trim().toLowerCase().min(1, m("error.required")).max(64),
  password: z.string(m("error.required")).min(1, m("error.required")).max(200),
  redirectTo: z.string().optional(),
});

/** Issue 14: the unit a user works in, chosen among those the admin's unit covers (checked on the server). */
const UserUnitSchema = z.coerce.number(m("error.invalid")).int(m("error.invalid")).positive(m("error.invalid")).optional();

export const NewUserSchema = z.object({
  username: UsernameSchema,
  unitId: UserUnitSchema,
  displayName: requiredText(120),
  email: OptionalEmailSchema,
  roles: RolesSchema,
  password: NewPasswordSchema,
});
export type NewUserInput = z.infer<typeof NewUserSchema>;

export const EditUserSchema = z.object({
  unitId: UserUnitSchema,
  displayName: requiredText(120),
  email: OptionalEmailSchema,
  roles: RolesSchema,
  disabled: z.boolean().default(false),
});
export type EditUserInput = z.infer<typeof EditUserSchema>;

export const ResetPasswordSchema = z.object({ newPassword: NewPasswordSchema });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string(m("error.required")).min(1, m("error.required")).max(200),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string(m("error.required")).min(1, m("error.required")),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: m("error.passwordMismatch"),
    path: ["confirmPassword"],
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: m("error.samePassword"),
    path: ["newPassword"],
  });
