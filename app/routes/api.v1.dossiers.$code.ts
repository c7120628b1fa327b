import type { LoaderFunctionArgs } from "@remix-run/node";
import { DossierCodeSchema } from "~/domain/shared/fields";
import { getApiDossierStatus } from "~/models/api-dossiers.server";
import { jsonError } from "~/utils/api.server";
import { requireApiClient } from "~/utils/api-auth.server";
import { getDb } from "~/utils/db.server";

/** `GET /api/v1/dossiers/<code>`: status for the portal, with the national status code of each step. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const client = await requireApiClient(request, "dossiers");
  const code = DossierCodeSchema.safeParse(params.code);
  if (!code.success) return jsonError(404, "not_found", "No dossier has this code");
  const status = await getApiDossierStatus(getDb(), client.unit_id, code.data);
  if (!status) return jsonError(404, "not_found", "No dossier has this code");
  return Response.json(status, { headers: { "Cache-Control": "no-store" } });
}
