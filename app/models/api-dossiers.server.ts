import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { portalStatusCode } from "~/domain/dossiers/lifecycle";
import type { ApiDossierInput } from "~/domain/dossiers/api-schema";
import { claimIdempotencyKey, completeIdempotentResponse, type StoredResponse } from "./api-clients.server";
import { getDueContext, insertReceivedDossier, listDossierSteps } from "./dossiers.server";
import type { Procedure } from "./procedures.server";

export type SubmitResult =
  | { kind: "created"; response: StoredResponse }
  | { kind: "replayed"; response: StoredResponse }
  | { kind: "key_reused" };

/**
 * Receives a dossier from the portal. With an Idempotency-Key, a retried request returns the first
 * answer and creates nothing; the same key with another body is refused. The key is claimed first
 * (insert-or-ignore on its unique constraint) in the transaction that creates the dossier, so two
 * concurrent retries, even in two processes, create one dossier and both get its answer.
 */
export async function submitApiDossier(
  db: Kysely<Database>,
  client: { id: number; unit_id: number },
  procedure: Procedure,
  input: ApiDossierInput,
  idempotency: { key: string; requestHash: string } | null,
  lookupBase: string,
  now = new Date(),
): Promise<SubmitResult> {
  const context = await getDueContext(db, client.unit_id);
  return db.transaction().execute(async (trx) => {
    if (idempotency) {
      const claim = await claimIdempotencyKey(trx, client.id, idempotency.key, idempotency.requestHash, now);
      if (!claim.claimed) {
        const { previous } = claim;
        return previous.requestHash === idempotency.requestHash
          ? { kind: "replayed", response: { status: previous.status, body: previous.body } }
          : { kind: "key_reused" };
      }
    }
    const created = await insertReceivedDossier(
      trx,
      { kind: "system" },
      context,
      {
        procedure,
        applicantName: input.applicant.name,
        applicantPhone: input.applicant.phone,
        applicantIdNumber: input.applicant.idNumber ?? null,
        applicantAddress: input.applicant.address,
        applicantEmail: input.applicantEmail ?? null,
        notifyConsent: input.notifyConsent === true,
        channel: input.channel,
        receivedAt: input.receivedAt,
        documents: input.documents,
        paymentMethod: input.payment?.method ?? null,
        papersDigitised: input.papersDigitised === undefined ? null : input.papersDigitised ? 1 : 0,
        returnMethod: input.returnMethod ?? null,
        trackingBook: input.trackingBook ? { volume: input.trackingBook.volume ?? null, number: input.trackingBook.number ?? null } : null,
        pickupPlace: input.pickupPlace ?? null,
        apiClientId: client.id,
      },
      now,
    );
    const response: StoredResponse = {
      status: 201,
      body: {
        code: created.code,
        procedureCode: procedure.code,
        state: "received",
        statusCode: portalStatusCode("received", false),
        receivedAt: input.receivedAt.toISOString(),
        dueAt: created.dueAt.toISOString(),
        lookupUrl: `${lookupBase}/lookup?code=${encodeURIComponent(created.code)}`,
      },
    };
    if (idempotency) await completeIdempotentResponse(trx, client.id, idempotency.key, response);
    return { kind: "created", response };
  });
}

/** A dossier's status for the portal: no personal data, the portal's status code with each step. */
export async function getApiDossierStatus(db: Kysely<Database>, unitId: number, code: string) {
  const d = await db
    .selectFrom("dossier")
    .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
    .select([
      "dossier.id",
      "dossier.code",
      "dossier.state",
      "dossier.channel",
      "dossier.received_at",
      "dossier.due_at",
      "dossier.appointment_at",
      "dossier.finished_at",
      "dossier.returned_at",
      "dossier.outcome",
      "procedure.code as procedure_code",
    ])
    .where("dossier.unit_id", "=", unitId)
    .where("dossier.code", "=", code)
    .executeTakeFirst();
  if (!d) return null;
  const events = await listDossierSteps(db, d.id);
  const handlingStarted = events.some((e) => e.kind === "assign");
  return {
    code: d.code,
    procedureCode: d.procedure_code,
    channel: d.channel,
    state: d.state,
    statusCode: portalStatusCode(d.state, handlingStarted),
    receivedAt: d.received_at,
    dueAt: d.due_at,
    appointmentAt: d.appointment_at,
    finishedAt: d.finished_at,
    returnedAt: d.returned_at,
    outcome: d.outcome,
    steps: events.map((e, i) => ({
      kind: e.kind,
      at: e.at,
      state: e.to_state,
      statusCode: portalStatusCode(e.to_state, events.slice(0, i + 1).some((x) => x.kind === "assign")),
    })),
  };
}
