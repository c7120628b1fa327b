import { openDatabase } from "../db/client";
import { printableDatabaseUrl } from "../db/url";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/demo";

const url = process.env.DATABASE_URL ?? "./data/motcua.sqlite";
const file = printableDatabaseUrl(url);
const db = openDatabase(url);
try {
  await migrateToLatest(db);
  const { seeded } = await seedDemo(db);
  console.log(seeded ? `${file}: demo data seeded` : `${file}: demo data already present`);
} finally {
  await db.destroy();
}
