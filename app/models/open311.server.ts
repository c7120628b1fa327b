import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { OPEN_FEEDBACK_STATES } from "~/domain/feedback/feedback";
import {
  composeOpen311Description,
  isOpen311ServiceCode,
  OPEN311_CONTENT_TYPES,
  OPEN311_MAX_RESULTS,
  OPEN311_SERVICE_CODES,
  open311Subject,
  serializeOpen311,
  type Open311Error,
  type Open311Format,
  type Open311Item,
  type Open311ListQuery,
  type Open311NewRequest,
  type Open311Root,
} from "~/domain/feedback/open311";
import { publicTextMask } from "~/domain/shared/personal-data";
import { claimIdempotencyKey, completeIdempotentResponse } from "./api-clients.server";
import { submitFeedback } from "./feedback.server";
import { getUnit } from "./units.server";

/**
 * Files an Open311 request as a feedback item of the client's unit. device_id and account_id are
 * not kept (no column, and no use without accounts); media_url and address_id go into the description.
 */
export async function fileOpen311Request(
  db: Kysely<Database>,
  client: { id: number; unit_id: number },
  request: Open311NewRequest,
  origin: string,
  now = new Date(),
): Promise<{ code: string; unitName: string }> {
  const unit = await getUnit(db, client.unit_id);
  if (!unit) throw new Error(`API client ${client.id} belongs to no unit`);
  const { code } = await submitFeedback(
    db,
    unit.id,
    {
      kind: request.serviceCode,
      subject: open311Subject(request.serviceCode, request.description, request.location.addressString),
      description: composeOpen311Description(request.description, request.mediaUrl, request.location.addressId),
      dossierCode: request.dossierCode ?? undefined,
      procedureCode: request.procedureCode ?? undefined,
      contact: {
        name: request.contact.name ?? undefined,
        phone: request.contact.phone ?? undefined,
        email: request.contact.email ?? undefined,
      },
      consent: true,
      source: "open311",
      // The sender is the client's server, not the citizen: nothing to rate-limit by address.
      sourceAddressHash: null,
      apiClientId: client.id,
      location: { addressString: request.location.addressString, lat: request.location.lat, long: request.location.long },
      attachments: [],
    },
    (c) => `${origin}/feedback/${c}`,
    now,
  );
  return { code, unitName: unit.name };
}

export type IdempotentFiling =
  | { kind: "filed"; body: string }
  | { kind: "replayed"; body: string }
  | { kind: "key_reused" };

/**
 * Files a request once per Idempotency-Key: a retried POST (same key, same body and format) gets
 * the first answer again and files nothing; the same key with another request is refused. The
 * answer and the item are written in one transaction. Keys are the client's own, apart from its
 * dossier API keys (`open311:` prefix).
 */
export async function fileOpen311RequestOnce(
  db: Kysely<Database>,
  client: { id: number; unit_id: number },
  idempotency: { key: string; requestHash: string },
  file: (trx: Kysely<Database>) => Promise<string>,
  now = new Date(),
): Promise<IdempotentFiling> {
  const key = `open311:${idempotency.key}`;
  return db.transaction().execute(async (trx) => {
    const claim = await claimIdempotencyKey(trx, client.id, key, idempotency.requestHash, now);
    if (!claim.claimed) {
      const { previous } = claim;
      return previous.requestHash === idempotency.requestHash ? { kind: "replayed", body: String(previous.body) } : { kind: "key_reused" };
    }
    const body = await file(trx);
    await completeIdempotentResponse(trx, client.id, key, { status: 200, body });
    return { kind: "filed", body };
  });
}

/**
 * The public list: items filed through Open311, of the Open311 kinds, neither spam nor duplicates.
 * Items filed on the web form or at the desk are not listed: their senders agreed to processing
 * "only to handle this submission", and their descriptions are published nowhere else.
 */
function publicItems(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("feedback_item")
    .select((eb) => [
      "feedback_item.code",
      "feedback_item.kind",
      "feedback_item.state",
      "feedback_item.description",
      "feedback_item.public_description",
      "feedback_item.contact_name",
      "feedback_item.contact_phone",
      "feedback_item.contact_email",
      "feedback_item.received_at",
      "feedback_item.resolution_due_at",
      "feedback_item.public_answer",
      "feedback_item.not_accepted_reason",
      "feedback_item.forwarded_to",
      "feedback_item.address_string",
      "feedback_item.lat",
      "feedback_item.long",
      eb
        .selectFrom("feedback_event")
        .select((e) => e.fn.max("feedback_event.at").as("at"))
        .whereRef("feedback_event.feedback_id", "=", "feedback_item.id")
        .where((e) => e.or([e("feedback_event.from_state", "is", null), e("feedback_event.from_state", "!=", e.ref("feedback_event.to_state"))]))
        .as("last_changed_at"),
    ])
    .where("feedback_item.unit_id", "=", unitId)
    .where("feedback_item.source", "=", "open311")
    .where("feedback_item.kind", "in", OPEN311_SERVICE_CODES)
    .where("feedback_item.hidden_reason", "is", null);
}

type PublicRow = Awaited<ReturnType<ReturnType<typeof publicItems>["execute"]>>[number];

interface PublishableItem {
  description: string;
  public_description: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
}

/** The mask of an item's public texts: its sender's data, and whatever looks personal. */
export function open311TextMask(item: Omit<PublishableItem, "description" | "public_description">) {
  return publicTextMask({ names: [item.contact_name], numbers: [item.contact_phone], emails: [item.contact_email] });
}

/**
 * What Open311 publishes as the description: the text staff approved, or until then the citizen's
 * own words with personal data masked (FixMyStreet moderates the same way).
 */
export function open311PublicDescription(item: PublishableItem): string {
  return item.public_description ?? open311TextMask(item)(item.description);
}

function toItem(row: PublicRow): Open311Item[] {
  if (!isOpen311ServiceCode(row.kind)) return [];
  const mask = open311TextMask(row);
  const orNull = (text: string | null) => (text === null ? null : mask(text));
  return [
    {
      code: row.code,
      kind: row.kind,
      state: row.state,
      description: open311PublicDescription(row),
      receivedAt: row.received_at,
      lastChangedAt: row.last_changed_at,
      resolutionDueAt: row.resolution_due_at,
      publicAnswer: orNull(row.public_answer),
      notAcceptedReason: orNull(row.not_accepted_reason),
      forwardedTo: row.forwarded_to,
      addressString: orNull(row.address_string),
      lat: row.lat,
      long: row.long,
    },
  ];
}

export async function listOpen311Requests(db: Kysely<Database>, unitId: number, query: Open311ListQuery): Promise<Open311Item[]> {
  let q = publicItems(db, unitId);
  if (query.by === "id") {
    if (query.codes.length === 0) return [];
    q = q.where("feedback_item.code", "in", query.codes);
  } else {
    q = q
      .where("feedback_item.kind", "in", query.serviceCodes)
      .where("feedback_item.received_at", ">=", query.from.toISOString())
      .where("feedback_item.received_at", "<=", query.to.toISOString());
    if (query.statuses.length === 1) {
      q = q.where("feedback_item.state", query.statuses[0] === "open" ? "in" : "not in", OPEN_FEEDBACK_STATES);
    }
  }
  const rows = await q.orderBy("feedback_item.received_at", "desc").orderBy("feedback_item.id", "desc").limit(OPEN311_MAX_RESULTS).execute();
  return rows.flatMap(toItem);
}

export async function getOpen311Request(db: Kysely<Database>, unitId: number, code: string): Promise<Open311Item | null> {
  const row = await publicItems(db, unitId).where("feedback_item.code", "=", code).executeTakeFirst();
  return (row && toItem(row)[0]) ?? null;
}

// The HTTP side of Open311, shared by its route modules.

export function open311Response(format: Open311Format, root: Open311Root, value: unknown, init: { status?: number; cors?: boolean } = {}): Response {
  const headers = new Headers({ "Content-Type": OPEN311_CONTENT_TYPES[format], "Cache-Control": "no-store" });
  // Reads are public and carry no cookie: any web app may call them. Writes stay same-origin (server.js).
  if (init.cors) headers.set("Access-Control-Allow-Origin", "*");
  return new Response(serializeOpen311(format, root, value), { status: init.status ?? 200, headers });
}

/** 429 in the format asked for, with Retry-After (the rate limit of app/utils/rate-limit.server.ts). */
export function open311TooManyRequests(format: Open311Format, retryAfterSeconds: number): Response {
  const response = open311ErrorResponse(format, [{ code: 429, description: `Quá nhiều yêu cầu: thử lại sau ${retryAfterSeconds} giây.` }]);
  response.headers.set("Retry-After", String(retryAfterSeconds));
  return response;
}

/** Errors: the HTTP status is the code of the first one (404 missing, 403 bad key, 400 anything else). */
export function open311ErrorResponse(format: Open311Format, errors: readonly Open311Error[]): Response {
  return open311Response(format, "errors", errors, { status: errors[0]?.code ?? 400, cors: true });
}
