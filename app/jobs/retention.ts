import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { RetentionSettings } from "~/domain/shared/retention";
import { erasePersonalDataPastRetention } from "~/models/retention.server";
import { removeUploads } from "~/utils/uploads.server";

/** The retention job: erases what is past its period, batch after batch, then removes the files. */
export async function runRetention(db: Kysely<Database>, now: Date, settings: RetentionSettings) {
  const total = { dossiers: 0, feedback: 0, attachments: 0 };
  for (;;) {
    const run = await erasePersonalDataPastRetention(db, settings, now);
    await removeUploads(run.files);
    total.dossiers += run.dossiers;
    total.feedback += run.feedback;
    total.attachments += run.attachments;
    if (run.dossiers + run.feedback + run.attachments === 0) return total;
  }
}
