import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { isPostgresUrl } from "#db/url";
import { dataDir, getEnv } from "./env.server";

let secret: string | undefined;

/**
 * SESSION_SECRET when set; otherwise the secret `loadSessionSecret` read at startup; otherwise a
 * random secret generated once and kept in the data folder (beside a SQLite database; mode 0600),
 * so sessions survive restarts without any configuration.
 */
export function getSessionSecret(): string {
  if (secret) return secret;
  const env = getEnv();
  if (env.SESSION_SECRET) {
    secret = env.SESSION_SECRET;
    return secret;
  }
  secret = fileSecret(join(dataDir(env), "session-secret"), env.NODE_ENV === "production");
  return secret;
}

/**
 * The generated secret in `file`, created atomically: written to a file of this process's own and
 * hard-linked into place, which fails when another process got there first; then the file that won
 * is read. Two processes starting together on one data folder agree on one secret.
 */
function fileSecret(file: string, warn: boolean): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  if (warn) console.warn(`SESSION_SECRET is not set: generating one in ${file}.`);
  mkdirSync(dirname(file), { recursive: true });
  const mine = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(mine, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  try {
    linkSync(mine, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(mine, { force: true });
  }
  return readFileSync(file, "utf8").trim();
}

/**
 * Called once at startup, after the migrations. On PostgreSQL without SESSION_SECRET the generated
 * secret lives in the database (`app_secret`), so processes on several machines behind one load
 * balancer accept each other's cookies: the first process inserts it (insert-or-ignore on the
 * primary key: one wins), every process then reads the stored one. A secret already generated in
 * the data folder (a database that ran before this) is the one stored, so sessions carry over.
 */
export async function loadSessionSecret(db: Kysely<Database>): Promise<string> {
  const env = getEnv();
  if (env.SESSION_SECRET || !isPostgresUrl(env.DATABASE_URL)) return getSessionSecret();
  const file = join(dataDir(env), "session-secret");
  const candidate = existsSync(file) ? readFileSync(file, "utf8").trim() : randomBytes(32).toString("base64url");
  await db
    .insertInto("app_secret")
    .values({ name: "session", value: candidate, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db.selectFrom("app_secret").select("value").where("name", "=", "session").executeTakeFirstOrThrow();
  secret = row.value;
  return secret;
}
