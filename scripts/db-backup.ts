import { join } from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../db/backup";
import { isPostgresUrl } from "../db/url";

// npm run db:backup [-- --to ./backups/<name>]: the database of DATABASE_URL and the data folder's files.
const { values } = parseArgs({ options: { to: { type: "string" } } });
const databaseUrl = process.env.DATABASE_URL ?? "./data/motcua.sqlite";
const dataDir = process.env.DATA_DIR ?? (isPostgresUrl(databaseUrl) ? "./data" : join(databaseUrl, ".."));
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const to = values.to ?? join("backups", `motcua-${stamp}`);
try {
  const manifest = await backupDatabase({ databaseUrl, dataDir, to });
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`backup in ${to}: ${manifest.database}, ${Object.keys(manifest.tables).length} tables (${rows} rows), ${Object.keys(manifest.files).length} files`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
