import { migrateToLatest } from "#db/migrate";
import { seedDemo } from "#db/seed/demo";
import { notifyOverdueActions } from "~/models/nonconformities.server";
import { deleteExpiredSessions } from "~/models/sessions.server";
import { businessDateOf } from "./utils/clock";
import { getDb } from "./utils/db.server";
import { getEnv } from "./utils/env.server";
import { getSessionSecret } from "./utils/session-secret.server";

/** Runs once before the server listens: migrate, seed the demo when asked, tidy sessions. */
export async function startup(): Promise<void> {
  const env = getEnv();
  getSessionSecret();
  const db = getDb();
  const applied = await migrateToLatest(db);
  for (const m of applied) console.log(`migration ${m.migrationName}: ${m.status}`);
  if (env.SEED_DEMO === "true") {
    const { seeded } = await seedDemo(db, new Date(), { publicOrigin: env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}` });
    if (seeded) console.log("Demo data seeded.");
  }
  await deleteExpiredSessions(db);
  await runHousekeeping();
  // Hourly: notify owners of overdue corrective actions, drop expired sessions.
  setInterval(() => void runHousekeeping().catch((error: unknown) => console.error("housekeeping failed", error)), 60 * 60 * 1000).unref();
}

export async function runHousekeeping(now = new Date()): Promise<void> {
  const db = getDb();
  await deleteExpiredSessions(db, now);
  const units = await db.selectFrom("unit").select("id").execute();
  for (const unit of units) await notifyOverdueActions(db, unit.id, businessDateOf(now), now);
}

export async function shutdown(): Promise<void> {
  await getDb().destroy();
}
