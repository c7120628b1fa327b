import { deleteExpiredRateLimits } from "~/models/rate-limits.server";
import { deleteExpiredSessions } from "~/models/sessions.server";
import { retentionSettings } from "~/utils/env.server";
import { runOverdueActionNotices } from "./overdue-actions";
import { configuredTransports } from "~/utils/transports.server";
import { deliverDueMessages } from "./deliver-messages";
import { remindOwnedActions } from "./remind-owned-actions";
import { runRetention } from "./retention";
import { registerJob, type JobDefinition } from "./runner.server";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/*
 * Every background job of the app, each run at most once per interval across all processes
 * (app/jobs/runner.server.ts). To add one: write `(db, now) => Promise<…>` in app/jobs/<name>.ts and
 * add ONE entry here: `registerJob({ name: "<kebab-name>", intervalMs: …, run: yourFunction })`
 * (add `leaseMs` if a run may take longer than five minutes without returning to the event loop).
 */
export const JOBS: readonly JobDefinition[] = [
  registerJob({ name: "session-expiry", intervalMs: 15 * MINUTE, run: (db, now) => deleteExpiredSessions(db, now) }),
  registerJob({ name: "rate-limit-expiry", intervalMs: 15 * MINUTE, run: (db, now) => deleteExpiredRateLimits(db, now) }),
  registerJob({
    name: "retention",
    intervalMs: 6 * HOUR,
    leaseMs: 15 * MINUTE,
    run: async (db, now) => {
      const erased = await runRetention(db, now, retentionSettings());
      if (erased.dossiers + erased.feedback + erased.attachments > 0) console.log("retention: personal data erased", erased);
      return erased;
    },
  }),
  registerJob({ name: "overdue-action-notices", intervalMs: HOUR, run: runOverdueActionNotices }),
  registerJob({ name: "outbox-delivery", intervalMs: MINUTE, leaseMs: 5 * MINUTE, run: (db, now) => deliverDueMessages(db, now, configuredTransports()) }),
  registerJob({ name: "action-reminders", intervalMs: HOUR, run: remindOwnedActions }),
];
