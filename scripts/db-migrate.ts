import { openDatabase } from "../db/client";
import { printableDatabaseUrl } from "../db/url";
import { migrateToLatest } from "../db/migrate";
import { withProcessLock } from "../db/process-lock";

const url = process.env.DATABASE_URL ?? "./data/motcua.sqlite";
const file = printableDatabaseUrl(url);
const db = openDatabase(url);
try {
  // Under the same lock as the app's startup: safe while app processes start.
  const results = await withProcessLock(db, () => migrateToLatest(db));
  if (results.length === 0) console.log(`${file}: already up to date`);
  for (const r of results) console.log(`${file}: ${r.migrationName} ${r.status}`);
} finally {
  await db.destroy();
}
