import { resolve } from "node:path";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { SYSTEM_ACTOR } from "../app/models/audit-log.server";
import { importDocumentsFromFolder } from "../app/models/document-import.server";

/** `npm run docs:import [folder] [unit code]`: imports procedures-docs/ into the database. */
const folder = resolve(process.argv[2] ?? "procedures-docs");
const file = process.env.DATABASE_URL ?? "./data/motcua.sqlite";
const db = openDatabase(file);
try {
  await migrateToLatest(db);
  const unit = process.argv[3]
    ? await db.selectFrom("unit").select(["id", "code"]).where("code", "=", process.argv[3]).executeTakeFirst()
    : await db.selectFrom("unit").select(["id", "code"]).orderBy("id").executeTakeFirst();
  if (!unit) throw new Error("No unit in the database: run `npm run db:seed` or start the app first.");
  const report = await importDocumentsFromFolder(db, SYSTEM_ACTOR, unit.id, folder);
  for (const r of report.imported) console.log(`${r.file}: ${r.code} ${r.outcome}`);
  for (const r of report.invalid) {
    for (const issue of r.issues) console.error(`${r.file}: ${issue.field}: ${issue.message}`);
  }
  console.log(`${report.imported.length} file(s) read, ${report.invalid.length} invalid, into unit ${unit.code}`);
  if (report.invalid.length > 0) process.exitCode = 1;
} finally {
  await db.destroy();
}
