import { migrateToLatest } from "#db/migrate";
import { seedDemo } from "#db/seed/demo";
import { notifyOverdueActions } from "~/models/nonconformities.server";
import { deleteExpiredSessions } from "~/models/sessions.server";
import { requireDemoPasswordChange } from "~/models/users.server";
import { businessDateOf } from "./utils/clock";
import { getDb } from "./utils/db.server";
import { getEnv, retentionSettings } from "./utils/env.server";
import { runRetention } from "./jobs/retention";
import { deleteExpiredRateLimits } from "./models/rate-limits.server";
import { deliverDueMessages } from "~/jobs/deliver-messages";
import { configuredTransports } from "~/utils/transports.server";
import { getSessionSecret } from "./utils/session-secret.server";

/** Runs once before the server listens: migrate, seed the demo when asked, tidy sessions. */
export async function startup(): Promise<void> {
  const env = getEnv();
  getSessionSecret();
  const db = getDb();
  const applied = await migrateToLatest(db);
  for (const m of applied) console.log(`migration ${m.migrationName}: ${m.status}`);
  if (env.SEED_DEMO === "true") {
    const { seeded } = await seedDemo(db, new Date(), {
      publicOrigin: env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
      requirePasswordChange: true,
    });
    if (seeded) console.log("Demo data seeded: every demo account must change its password at first sign-in.");
  }
  const flagged = await requireDemoPasswordChange(db);
  if (flagged > 0) console.log(`${flagged} account(s) still had the public demo password: they must change it at next sign-in.`);
  await deleteExpiredSessions(db);
  // The first pass (retention may have much to do on an old database) runs once the server listens.
  setTimeout(() => void runHousekeeping().catch((error: unknown) => console.error("housekeeping failed", error)), 1000).unref();
  // Hourly: notify owners of overdue corrective actions, drop expired sessions and counters, erase
  // personal data past its retention period.
  setInterval(() => void runHousekeeping().catch((error: unknown) => console.error("housekeeping failed", error)), 60 * 60 * 1000).unref();
}

export async function runHousekeeping(now = new Date()): Promise<void> {
  const db = getDb();
  await deleteExpiredSessions(db, now);
  await deleteExpiredRateLimits(db, now);
  const erased = await runRetention(db, now, retentionSettings());
  if (erased.dossiers + erased.feedback + erased.attachments > 0) console.log("retention: personal data erased", erased);
  const units = await db.selectFrom("unit").select("id").execute();
  for (const unit of units) await notifyOverdueActions(db, unit.id, businessDateOf(now), now);
  await deliverDueMessages(db, now, configuredTransports());
}

export async function shutdown(): Promise<void> {
  await getDb().destroy();
}
