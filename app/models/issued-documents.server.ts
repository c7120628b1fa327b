import { createHash, randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import {
  formatVerificationCode,
  looksLikePdf,
  MAX_VERIFY_UPLOAD_BYTES,
  publicReuseKey,
  VERIFICATION_ALPHABET_SIZE,
  VERIFICATION_CODE_LENGTH,
  type DocumentVariant,
  type IssuedDocumentKind,
} from "~/domain/reports/issued-document";
import type { MessageKey } from "~/i18n";
import { businessDateOf } from "~/utils/clock";
import { recordAudit } from "./audit-log.server";
import { readForm } from "~/utils/form-body.server";

export function newVerificationCode(): string {
  return formatVerificationCode(Array.from({ length: VERIFICATION_CODE_LENGTH }, () => randomInt(VERIFICATION_ALPHABET_SIZE)));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface IssueRequest {
  unitId: number;
  kind: IssuedDocumentKind;
  variant: DocumentVariant;
  title: string;
  /** What was asked for (the period); recorded and, for public copies, part of the reuse key. */
  parameters: Record<string, string>;
  /** Null for a public download. */
  issuedBy: { userId: number; name: string; isInspector: boolean } | null;
  /** Recorded when nobody is signed in. */
  publicLabel: string;
  now: Date;
  /**
   * A public copy may be served again the same day (false when its figures are judged at the moment
   * of issue, as for a period still running: each issue then states its own instant).
   */
  reusable?: boolean;
}

export interface IssuedPdf {
  code: string;
  pdf: Buffer;
  sha256: string;
  /** True when a public copy issued earlier the same day was served again. */
  reused: boolean;
}

/**
 * Issues a PDF: picks the verification code, lets `render` print it into the document, hashes the
 * final bytes and records the issue; the caller serves exactly `pdf`. A download by an inspector is
 * written to the audit log in the same transaction.
 *
 * Public copies carry aggregates only and are issued once per document, parameters and day: later
 * requests that day get the stored bytes again (same code, same hash), so the table grows with the
 * periods asked for, not with the downloads. Signed-in copies are recorded every time, with their
 * hash but without their bytes: a stored copy would keep citizens' names outside the register's
 * retention and erasure (Decree 13/2023/ND-CP).
 */
export async function issueDocument(
  db: Kysely<Database>,
  request: IssueRequest,
  render: (code: string) => Promise<Buffer>,
): Promise<IssuedPdf> {
  const reuseKey = request.issuedBy === null && request.reusable !== false ? publicReuseKey(request.unitId, request.kind, request.parameters, businessDateOf(request.now)) : null;
  if (reuseKey) {
    const stored = await findStoredCopy(db, request.unitId, reuseKey);
    if (stored) return { ...stored, reused: true };
  }

  const code = newVerificationCode();
  const pdf = await render(code);
  const sha256 = sha256Hex(pdf);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("issued_document")
      .values({
        unit_id: request.unitId,
        verification_code: code,
        kind: request.kind,
        variant: request.variant,
        title: request.title,
        parameters_json: JSON.stringify(request.parameters),
        issued_at: request.now.toISOString(),
        issued_by_user_id: request.issuedBy?.userId ?? null,
        issued_by_label: request.issuedBy?.name ?? request.publicLabel,
        sha256,
        size_bytes: pdf.byteLength,
        pdf: reuseKey ? pdf : null,
        reuse_key: reuseKey,
      })
      // Two first requests of the day racing: the first stored copy wins and both serve it.
      .onConflict((oc) => oc.column("reuse_key").doNothing())
      .execute();
    if (request.issuedBy?.isInspector) {
      await recordInspectorDownload(trx, {
        userId: request.issuedBy.userId,
        unitId: request.unitId,
        code,
        details: { kind: request.kind, variant: request.variant, parameters: request.parameters, sha256 },
        now: request.now,
      });
    }
  });
  if (reuseKey) {
    const stored = await findStoredCopy(db, request.unitId, reuseKey);
    if (stored && stored.code !== code) return { ...stored, reused: true };
  }
  return { code, pdf, sha256, reused: false };
}

/** Every download by an inspector is written to the audit log (issue 7). */
export async function recordInspectorDownload(
  db: Kysely<Database>,
  download: { userId: number; unitId: number; code: string; details: Record<string, unknown>; now: Date },
): Promise<void> {
  await recordAudit(db, {
    actor: { kind: "user", userId: download.userId },
    unitId: download.unitId,
    entityType: "report",
    entityId: download.code,
    action: "downloaded",
    after: download.details,
    at: download.now,
  });
}

export interface RecordIssue {
  unitId: number;
  kind: IssuedDocumentKind;
  title: string;
  parameters: Record<string, string>;
  /** Who approved or recorded it: printed and shown on the verification page. */
  issuedBy: { userId: number; name: string };
  now: Date;
}

/**
 * Stores a locked record (an approved audit report, a management review record) with its bytes and
 * hash, inside the caller's transaction, under a code the caller printed into it beforehand with
 * `newVerificationCode()`. It is never issued again: every later download serves these bytes.
 */
export async function insertRecord(trx: Kysely<Database>, issue: RecordIssue, code: string, pdf: Buffer): Promise<{ id: number; sha256: string }> {
  const sha256 = sha256Hex(pdf);
  const { id } = await trx
    .insertInto("issued_document")
    .values({
      unit_id: issue.unitId,
      verification_code: code,
      kind: issue.kind,
      variant: "record",
      title: issue.title,
      parameters_json: JSON.stringify(issue.parameters),
      issued_at: issue.now.toISOString(),
      issued_by_user_id: issue.issuedBy.userId,
      issued_by_label: issue.issuedBy.name,
      sha256,
      size_bytes: pdf.byteLength,
      pdf,
      reuse_key: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, sha256 };
}

export interface StoredRecord {
  code: string;
  kind: IssuedDocumentKind;
  title: string;
  pdf: Buffer;
  sha256: string;
}

/** A locked record's stored bytes, as issued. */
export async function getStoredRecord(db: Kysely<Database>, unitId: number, id: number): Promise<StoredRecord | null> {
  const row = await db
    .selectFrom("issued_document")
    .select(["verification_code", "kind", "title", "pdf", "sha256"])
    .where("id", "=", id)
    .where("unit_id", "=", unitId)
    .where("variant", "=", "record")
    .executeTakeFirst();
  return row?.pdf ? { code: row.verification_code, kind: row.kind, title: row.title, pdf: Buffer.from(row.pdf), sha256: row.sha256 } : null;
}

async function findStoredCopy(db: Kysely<Database>, unitId: number, reuseKey: string) {
  const row = await db
    .selectFrom("issued_document")
    .select(["verification_code", "pdf", "sha256"])
    .where("unit_id", "=", unitId)
    .where("reuse_key", "=", reuseKey)
    .executeTakeFirst();
  return row?.pdf ? { code: row.verification_code, pdf: Buffer.from(row.pdf), sha256: row.sha256 } : null;
}

/** What `/verify/<code>` shows: never the bytes, never who by id. */
export interface IssuedDocumentRecord {
  code: string;
  kind: IssuedDocumentKind;
  variant: DocumentVariant;
  title: string;
  unitName: string;
  parameters: Record<string, string>;
  issuedAt: string;
  /** Null for a public download. */
  issuedBy: string | null;
  sha256: string;
  sizeBytes: number;
}

function issuedDocumentQuery(db: Kysely<Database>) {
  return db
    .selectFrom("issued_document")
    .innerJoin("unit", "unit.id", "issued_document.unit_id")
    .select([
      "issued_document.verification_code",
      "issued_document.kind",
      "issued_document.variant",
      "issued_document.title",
      "unit.name as unit_name",
      "issued_document.parameters_json",
      "issued_document.issued_at",
      "issued_document.issued_by_user_id",
      "issued_document.issued_by_label",
      "issued_document.sha256",
      "issued_document.size_bytes",
    ]);
}

type IssuedRow = Awaited<ReturnType<ReturnType<typeof issuedDocumentQuery>["executeTakeFirstOrThrow"]>>;

function toRecord(row: IssuedRow): IssuedDocumentRecord {
  return {
    code: row.verification_code,
    kind: row.kind,
    variant: row.variant,
    title: row.title,
    unitName: row.unit_name,
    parameters: JSON.parse(row.parameters_json) as Record<string, string>,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by_user_id === null ? null : row.issued_by_label,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
  };
}

export async function getIssuedDocument(db: Kysely<Database>, code: string): Promise<IssuedDocumentRecord | null> {
  const row = await issuedDocumentQuery(db).where("issued_document.verification_code", "=", code).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findIssuedDocumentsBySha256(db: Kysely<Database>, sha256: string): Promise<IssuedDocumentRecord[]> {
  const rows = await issuedDocumentQuery(db)
    .where("issued_document.sha256", "=", sha256)
    .orderBy("issued_document.issued_at")
    .execute();
  return rows.map(toRecord);
}

export type VerifyUpload = { ok: true; sha256: string } | { ok: false; error: MessageKey; status: 400 | 413 };

/** Reads the uploaded file of the verification form: a PDF by its content, at most 20 MB; only its hash is kept. */
export async function readVerifyUpload(request: Request): Promise<VerifyUpload> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return { ok: false, error: "verify.error.noFile", status: 400 };
  const read = await readForm(request, { maxBytes: MAX_VERIFY_UPLOAD_BYTES + 64 * 1024, maxFileBytes: MAX_VERIFY_UPLOAD_BYTES });
  if (!read.ok) {
    return read.reason === "malformed" ? { ok: false, error: "error.malformedForm", status: 400 } : { ok: false, error: "verify.error.tooLarge", status: 413 };
  }
  const file = read.formData.get("file");
  if (file === null || typeof file === "string" || file.size === 0) return { ok: false, error: "verify.error.noFile", status: 400 };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!looksLikePdf(bytes)) return { ok: false, error: "verify.error.notPdf", status: 400 };
  return { ok: true, sha256: sha256Hex(bytes) };
}
