import { z } from "zod";
import { formatTrackingCode, TRACKING_ALPHABET_SIZE, TRACKING_CODE_LENGTH, TrackingCodeSchema } from "~/domain/feedback/feedback";

/**
 * Documents the system issues (PDF reports) and how a copy is checked later: each issue gets a
 * verification code, printed on every page and behind the QR code on page 1, and the SHA-256 of
 * its exact bytes is recorded, so a forwarded or printed copy can be traced to its issue.
 */
export const ISSUED_DOCUMENT_KINDS = ["on_time_report", "audit_report", "management_review_input", "management_review_record"] as const;
export type IssuedDocumentKind = (typeof ISSUED_DOCUMENT_KINDS)[number];

/**
 * public: aggregate figures only, for anyone; full: with the list of late dossiers and applicants'
 * names, for staff; masked: the full version with names masked, for inspectors; record: a locked
 * record (approved audit report, management review record), stored once and served as stored.
 */
export const DOCUMENT_VARIANTS = ["public", "full", "masked", "record"] as const;
export type DocumentVariant = (typeof DOCUMENT_VARIANTS)[number];

// Verification codes look like feedback tracking codes (`XXXX-XXXX-XXXX`, no look-alike letters,
// ~59 bits): one format for every code a citizen may have to type.
export const VERIFICATION_CODE_LENGTH = TRACKING_CODE_LENGTH;
export const VERIFICATION_ALPHABET_SIZE = TRACKING_ALPHABET_SIZE;

/** `XXXX-XXXX-XXXX` from 12 random picks (the caller draws them with a CSPRNG). */
export function formatVerificationCode(randomIndexes: readonly number[]): string {
  return formatTrackingCode(randomIndexes);
}

/** Accepts what a person types (lower case, spaces, no dashes) and gives the canonical form. */
export const VerificationCodeSchema = TrackingCodeSchema;

export function verificationPath(code: string): string {
  return `/verify/${code}`;
}

export function verificationUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}${verificationPath(code)}`;
}

/** The largest file the verification page accepts. */
export const MAX_VERIFY_UPLOAD_BYTES = 20 * 1024 * 1024;

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** A PDF by its content (the first bytes), never by its name or declared type. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return PDF_SIGNATURE.every((b, i) => bytes[i] === b);
}

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Public copies are issued once per day for the same unit, document and parameters, and later
 * requests that day get the same stored bytes (and code): `unit|kind|parameters|business date`.
 */
export function publicReuseKey(
  unitId: number,
  kind: IssuedDocumentKind,
  parameters: Record<string, string>,
  businessDate: string,
): string {
  const sorted = Object.fromEntries(Object.entries(parameters).sort(([a], [b]) => a.localeCompare(b)));
  return `${unitId}|${kind}|${JSON.stringify(sorted)}|${businessDate}`;
}
