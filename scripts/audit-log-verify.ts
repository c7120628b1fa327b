import { openDatabase } from "../db/client";
import { verifyAuditChain } from "../app/models/audit-log.server";

/** `npm run audit-log:verify`: recomputes the audit log's hash chain; exits 1 at the first broken link. */
const file = process.env.DATABASE_URL ?? "./data/motcua.sqlite";
const db = openDatabase(file);
try {
  const state = await verifyAuditChain(db);
  if (state.ok) {
    console.log(`${file}: audit log intact, ${state.rows} rows, head #${state.headId ?? "-"} ${state.headHash}`);
  } else {
    const what = state.reason === "hash" ? "its content does not match its hash" : "it does not follow the row before it";
    console.error(`${file}: audit log broken at row #${state.brokenAtId}: ${what} (${state.rows} rows intact before it)`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
