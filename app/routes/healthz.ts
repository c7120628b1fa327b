import { sql } from "kysely";
import { getDb } from "~/utils/db.server";

/** Liveness and database check for monitoring: 200 when a query succeeds, 503 otherwise. */
export async function loader() {
  try {
    await sql`select 1`.execute(getDb());
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthz: database check failed", error);
    return Response.json({ status: "error", database: "unavailable" }, { status: 503 });
  }
}
