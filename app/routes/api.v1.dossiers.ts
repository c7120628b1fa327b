import { createHash } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { ApiDossierSchema, IdempotencyKeySchema } from "~/domain/dossiers/api-schema";
import { translator } from "~/i18n";
import { getLanguage } from "~/i18n/language.server";
import { submitApiDossier } from "~/models/api-dossiers.server";
import { getProcedureByCode } from "~/models/procedures.server";
import { jsonError, jsonValidationError } from "~/utils/api.server";
import { requireApiClient } from "~/utils/api-auth.server";
import { getDb } from "~/utils/db.server";
import { publicOrigin } from "~/utils/env.server";

export async function loader() {
  return jsonError(405, "method_not_allowed", "Use POST to submit a dossier, GET /api/v1/dossiers/<code> to read one");
}

/** `POST /api/v1/dossiers`: the online public-service portal submits a dossier. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST");
  const client = await requireApiClient(request, "dossiers");
  const language = await getLanguage(request);
  const t = translator(language);

  const rawKey = request.headers.get("Idempotency-Key");
  const key = rawKey === null ? null : IdempotencyKeySchema.safeParse(rawKey);
  if (key && !key.success) return jsonError(400, "invalid_idempotency_key", "Idempotency-Key must be 1–200 visible ASCII characters");

  const text = await request.text();
  if (text.length > 256 * 1024) return jsonError(413, "payload_too_large", "The request body is limited to 256 KiB");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return jsonError(400, "invalid_json", "The request body is not valid JSON");
  }
  const parsed = ApiDossierSchema.safeParse(json);
  if (!parsed.success) return jsonValidationError(parsed.error, language);

  const db = getDb();
  const procedure = await getProcedureByCode(db, client.unit_id, parsed.data.procedureCode);
  const issues = [];
  if (!procedure?.isActive) {
    issues.push({ path: "procedureCode", code: "error.unknownProcedure", message: t("error.unknownProcedure") });
  }
  if (parsed.data.receivedAt.getTime() > Date.now() + 60_000) {
    issues.push({ path: "receivedAt", code: "error.receivedInFuture", message: t("error.receivedInFuture") });
  }
  if (!procedure?.isActive || issues.length > 0) {
    return Response.json({ error: "validation_failed", issues }, { status: 400 });
  }

  const result = await submitApiDossier(
    db,
    client,
    procedure,
    parsed.data,
    key?.success ? { key: key.data, requestHash: createHash("sha256").update(text).digest("hex") } : null,
    publicOrigin(request),
  );
  if (result.kind === "key_reused") {
    return jsonError(422, "idempotency_key_reused", "This Idempotency-Key was used with a different request body");
  }
  return Response.json(result.response.body, {
    status: result.response.status,
    headers: result.kind === "replayed" ? { "Idempotent-Replayed": "true" } : {},
  });
}
