import { z } from "zod";
import { parse as parseYaml } from "yaml";
import { m } from "~/domain/shared/fields";

export const DOCUMENT_TYPES = ["policy", "objectives", "procedure", "work_instruction", "form", "external"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES, m("error.invalid"));

/** Roles that can own or approve a controlled document. */
export const DOCUMENT_ROLES = ["quality_lead", "officer", "leader", "auditor"] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];
export const DocumentRoleSchema = z.enum(DOCUMENT_ROLES, m("error.invalid"));

export const DocumentCodeSchema = z
  .string(m("error.required"))
  .trim()
  .regex(/^[A-Z]{2,4}(-[A-Z0-9]{1,6}){1,2}$/, m("error.documentCode"));

const IsoClauseSchema = z.string().regex(/^\d{1,2}(\.\d{1,2}){0,3}$/, m("error.isoClause"));

/** The front matter every file in procedures-docs/ carries (see procedures-docs/README.md). */
export const DocumentFrontMatterSchema = z
  .object({
    code: DocumentCodeSchema,
    title: z.string(m("error.required")).trim().min(1, m("error.required")).max(300, m("error.tooLong")),
    type: DocumentTypeSchema,
    revision: z.number(m("error.wholeNumber")).int(m("error.wholeNumber")).min(1, m("error.positive")).max(999, m("error.tooLarge")),
    effective_date: z.iso.date(m("error.invalidDate")),
    owner_role: DocumentRoleSchema,
    approver_role: DocumentRoleSchema,
    review_interval_months: z.number(m("error.wholeNumber")).int(m("error.wholeNumber")).min(1, m("error.positive")).max(60, m("error.tooLarge")),
    iso_clauses: z.array(IsoClauseSchema, m("error.invalid")).max(30, m("error.tooLong")),
    related: z.array(DocumentCodeSchema, m("error.invalid")).max(50, m("error.tooLong")),
  })
  .strict();
export type DocumentFrontMatter = z.infer<typeof DocumentFrontMatterSchema>;

export interface ParsedDocumentFile {
  frontMatter: DocumentFrontMatter;
  body: string;
}

export interface FileIssue {
  field: string;
  message: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits and validates a controlled document's file. Any issue means nothing of the file is used. */
export function parseDocumentFile(text: string): { ok: true; value: ParsedDocumentFile } | { ok: false; issues: FileIssue[] } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { ok: false, issues: [{ field: "(front matter)", message: "error.frontMatterMissing" }] };
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    return { ok: false, issues: [{ field: "(front matter)", message: `error.frontMatterYaml: ${(error as Error).message.split("\n")[0]}` }] };
  }
  const parsed = DocumentFrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        field: i.path.join(".") || "(front matter)",
        message: i.code === "unrecognized_keys" ? `error.unknownField: ${i.keys.join(", ")}` : i.message,
      })),
    };
  }
  const body = text.slice(match[0].length).replace(/^\s+/, "");
  if (body.trim().length === 0) return { ok: false, issues: [{ field: "(body)", message: "error.required" }] };
  return { ok: true, value: { frontMatter: parsed.data, body } };
}

/** The next periodic review: the effective date plus the review interval. */
export function nextReviewDate(effectiveDate: string, intervalMonths: number): string {
  const [y, mo, d] = effectiveDate.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, mo - 1 + intervalMonths, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function isReviewOverdue(nextReview: string, today: string): boolean {
  return nextReview < today;
}
