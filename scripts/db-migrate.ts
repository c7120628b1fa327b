import { openDatabase } from "../db/client";
import { printableDatabaseUrl } from "../db/url";
import { migrateToLatest } from "../db/migrate";

const url = process.env.DATABASE_URL ?? "./data/motcua.sqlite";
const file = printableDatabaseUrl(url);
const db = openDatabase(url);
try {
  const results = await migrateToLatest(db);
  if (results.length === 0) console.log(`${file}: already up to date`);
  for (const r of results) console.log(`${file}: ${r.migrationName} ${r.status}`);
} finally {
  await db.destroy();
}
