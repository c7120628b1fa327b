import { z } from "zod";
import type { MessageKey } from "~/i18n";

const m = (key: MessageKey) => key;
const BusinessDateSchema = z.iso.date(m("error.invalidDate"));

/** The audit-log page's query string. */
export const AuditLogFilterSchema = z
  .object({
    entityType: z.string().regex(/^[a-z_]{1,40}$/, m("error.invalid")).optional(),
    action: z.string().regex(/^[a-z_]{1,40}$/, m("error.invalid")).optional(),
    actor: z.coerce.number(m("error.invalid")).int(m("error.invalid")).positive(m("error.invalid")).optional(),
    from: BusinessDateSchema.optional(),
    to: BusinessDateSchema.optional(),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: m("error.dateRange"), path: ["to"] });

export type AuditLogFilterInput = z.infer<typeof AuditLogFilterSchema>;

export const AUDIT_LOG_PAGE_SIZE = 50;
