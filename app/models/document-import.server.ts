import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { parseDocumentFile, type FileIssue } from "~/domain/documents/document";
import type { Actor } from "./audit-log.server";
import { importDocumentFile, type ImportOutcome } from "./documents.server";

export interface ImportReport {
  imported: Array<{ file: string; code: string; outcome: ImportOutcome }>;
  invalid: Array<{ file: string; issues: FileIssue[] }>;
}

/** Imports one uploaded file, validated like the folder's files; nothing is stored when it is invalid. */
export async function importUploadedDocument(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  fileName: string,
  text: string,
  now = new Date(),
): Promise<{ ok: true; code: string; outcome: ImportOutcome } | { ok: false; issues: FileIssue[] }> {
  const parsed = parseDocumentFile(text);
  if (!parsed.ok) return parsed;
  const outcome = await db
    .transaction()
    .execute((trx) => importDocumentFile(trx, actor, unitId, fileName, { ...parsed.value, text }, now));
  return { ok: true, code: parsed.value.frontMatter.code, outcome };
}

/**
 * Imports every controlled document in a folder (procedures-docs/). Each file is validated first and
 * imported in its own transaction: a file that fails validation is reported with its fields and
 * nothing from it is imported; the others still are.
 */
export async function importDocumentsFromFolder(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  folder: string,
  now = new Date(),
): Promise<ImportReport> {
  const files = (await readdir(folder)).filter((f) => f.endsWith(".md") && f.toLowerCase() !== "readme.md").sort();
  const report: ImportReport = { imported: [], invalid: [] };
  const codes = new Map<string, string>();
  for (const file of files) {
    const text = await readFile(join(folder, file), "utf8");
    const parsed = parseDocumentFile(text);
    if (!parsed.ok) {
      report.invalid.push({ file, issues: parsed.issues });
      continue;
    }
    const { frontMatter } = parsed.value;
    const clash = codes.get(frontMatter.code);
    if (clash) {
      report.invalid.push({ file, issues: [{ field: "code", message: `error.duplicateCode: ${clash}` }] });
      continue;
    }
    codes.set(frontMatter.code, file);
    const outcome = await db
      .transaction()
      .execute((trx) => importDocumentFile(trx, actor, unitId, file, { ...parsed.value, text }, now));
    report.imported.push({ file, code: frontMatter.code, outcome });
  }
  return report;
}
