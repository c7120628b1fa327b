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
import { loadSessionSecret } from "./utils/session-secret.server";
import { startJobRunner, stopJobRunner } from "./jobs/process.server";
import { markReady, underStartupLock } from "./utils/startup-lock.server";
import { remindOwnedActions } from "./jobs/remind-owned-actions";
import { deliverDueMessages } from "~/jobs/deliver-messages";
import { configuredTransports } from "~/utils/transports.server";

/** Runs once before the server listens: migrate, seed the demo when asked, tidy sessions, start the jobs. */
export async function startup(): Promise<void> {
  const env = getEnv();
  const db = getDb();
  // Several processes may start at once on one database: one migrates and seeds, the others wait.
  await underStartupLock(db, async () => {
    const applied = await migrateToLatest(db);
    for (const m of applied) console.log(`migration ${m.migrationName}: ${m.status}`);
    if (env.SEED_DEMO === "true") {
      const { seeded } = await seedDemo(db, new Date(), {
        publicOrigin: env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
        requirePasswordChange: true,
      });
      if (seeded) console.log("Demo data seeded: every demo account must change its password at first sign-in.");
    }
  });
  await loadSessionSecret(db);
  const flagged = await requireDemoPasswordChange(db);
  if (flagged > 0) console.log(`${flagged} account(s) still had the public demo password: they must change it at next sign-in.`);
  markReady();
  // Housekeeping: each job of JOBS at most once per interval across every process on this database
  // (app/jobs/runner.server.ts). A web-only process sets JOBS_ENABLED=false. The first pass (retention
  // may have much to do on an old database) runs once the server listens.
  if (env.JOBS_ENABLED === "true") startJobRunner(db).start(1000);
}

/**
 * Every housekeeping step once, now, in this process, without leases (a manual or test run). The
 * scheduled runs go through `JOBS` (app/jobs/index.server.ts): a step added here must also be
 * registered there.
 */
export async function runHousekeeping(now = new Date()): Promise<void> {
  const db = getDb();
  await deleteExpiredSessions(db, now);
  await deleteExpiredRateLimits(db, now);
  const erased = await runRetention(db, now, retentionSettings());
  if (erased.dossiers + erased.feedback + erased.attachments > 0) console.log("retention: personal data erased", erased);
  const units = await db.selectFrom("unit").select("id").execute();
  for (const unit of units) await notifyOverdueActions(db, unit.id, businessDateOf(now), now);
  await remindOwnedActions(db, now);
  await deliverDueMessages(db, now, configuredTransports());
}

export async function shutdown(): Promise<void> {
  await stopJobRunner();
  await getDb().destroy();
}
