import { parseArgs } from "node:util";
import { copySqliteToPostgres } from "../db/copy";

// npm run db:copy -- --from ./data/motcua.sqlite --to postgres://user@host:5432/motcua
const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
if (!values.from || !values.to) {
  console.error("usage: npm run db:copy -- --from <SQLite file> --to postgres://…");
  process.exit(2);
}
try {
  const report = await copySqliteToPostgres(values.from, values.to, (line) => console.log(line));
  console.log("\nverified (rows, SHA-256 of the rows in key order, same on both sides):");
  for (const t of report.tables) console.log(`  ${t.table.padEnd(28)} ${String(t.rows).padStart(8)}  ${t.sha256}`);
  console.log(`\n${values.from} copied into ${new URL(values.to).pathname.slice(1)}: ${report.tables.length} tables match.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
