import type { ApiScope } from "~/domain/accounts/api-scopes";
import { findApiClientByToken } from "~/models/api-clients.server";
import { getDb } from "./db.server";

/**
 * The integration client behind `Authorization: Bearer <token>`: 401 JSON without a valid key,
 * 403 JSON when the key is not allowed for this API.
 */
export async function requireApiClient(request: Request, scope: ApiScope) {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const client = match ? await findApiClientByToken(getDb(), match[1]!) : null;
  if (!client) {
    throw Response.json(
      { error: "unauthorized", message: "A valid bearer token is required" },
      { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="motcua-qms"' } },
    );
  }
  if (!client.scopes.includes(scope)) {
    throw Response.json({ error: "forbidden", message: `This key may not be used for the ${scope} API` }, { status: 403 });
  }
  return client;
}
