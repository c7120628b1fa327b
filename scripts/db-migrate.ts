import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";

const file = process.env.DATABASE_URL ?? "./data/motcua.sqlite";
const db = openDatabase(file);
try {
  const results = await migrateToLatest(db);
  if (results.length === 0) console.log(`${file}: already up to date`);
  for (const r of results) console.log(`${file}: ${r.migrationName} ${r.status}`);
} finally {
  await db.destroy();
}
