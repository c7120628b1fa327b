import { migrateToLatest } from "#db/migrate";
import { seedDemo } from "#db/seed/demo";
import { deleteExpiredSessions } from "~/models/sessions.server";
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
    const { seeded } = await seedDemo(db);
    if (seeded) console.log("Demo data seeded.");
  }
  await deleteExpiredSessions(db);
}

export async function shutdown(): Promise<void> {
  await getDb().destroy();
}
