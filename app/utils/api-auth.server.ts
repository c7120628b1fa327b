import { findApiClientByToken } from "~/models/api-clients.server";
import { getDb } from "./db.server";

/** The integration client behind `Authorization: Bearer <token>`; anything else gets a 401 JSON answer. */
export async function requireApiClient(request: Request) {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const client = match ? await findApiClientByToken(getDb(), match[1]!) : null;
  if (!client) {
    throw Response.json(
      { error: "unauthorized", message: "A valid bearer token is required" },
      { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="motcua-qms"' } },
    );
  }
  return client;
}
