import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/demo";

const file = process.env.DATABASE_URL ?? "./data/motcua.sqlite";
const db = openDatabase(file);
try {
  await migrateToLatest(db);
  const { seeded } = await seedDemo(db);
  console.log(seeded ? `${file}: demo data seeded` : `${file}: demo data already present`);
} finally {
  await db.destroy();
}
