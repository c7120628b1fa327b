import { readiness } from "~/utils/startup-lock.server";
import { getDb } from "~/utils/db.server";

/**
 * Readiness for a load balancer: 200 once this process has migrated and the database answers;
 * 503 while starting, with migrations pending, or when the database does not answer.
 * (/healthz is liveness: the database answers.)
 */
export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    const state = await readiness(getDb());
    return state.ready
      ? Response.json({ status: "ready" }, { headers })
      : Response.json({ status: "not_ready", reason: state.reason }, { status: 503, headers });
  } catch (error) {
    console.error("readyz: database check failed", error);
    return Response.json({ status: "not_ready", reason: "database_unavailable" }, { status: 503, headers });
  }
}
