import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { dataDir, getEnv } from "./env.server";

let secret: string | undefined;

/**
 * SESSION_SECRET when set; otherwise a random secret generated once and kept in the data folder
 * (beside a SQLite database; mode 0600), so sessions survive restarts without any configuration.
 */
export function getSessionSecret(): string {
  if (secret) return secret;
  const env = getEnv();
  if (env.SESSION_SECRET) {
    secret = env.SESSION_SECRET;
    return secret;
  }
  const file = join(dataDir(env), "session-secret");
  if (existsSync(file)) {
    secret = readFileSync(file, "utf8").trim();
  } else {
    if (env.NODE_ENV === "production") {
      console.warn(`SESSION_SECRET is not set: generating one in ${file}.`);
    }
    mkdirSync(dirname(file), { recursive: true });
    secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
  }
  return secret;
}
