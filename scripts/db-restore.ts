import { parseArgs } from "node:util";
import { restoreBackup } from "../db/backup";

// npm run db:restore -- --from ./backups/<name> --to ./data-restored [--database postgres://… (an empty database)]
const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, database: { type: "string" } } });
if (!values.from || !values.to) {
  console.error("usage: npm run db:restore -- --from <backup folder> --to <empty data folder> [--database postgres://…]");
  process.exit(2);
}
try {
  const { databaseUrl, manifest } = await restoreBackup({ from: values.from, dataDir: values.to, databaseUrl: values.database });
  console.log(`restored the backup of ${manifest.createdAt} (${Object.keys(manifest.tables).length} tables, row counts checked)`);
  console.log(`start the app with DATABASE_URL=${databaseUrl} DATA_DIR=${values.to}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
