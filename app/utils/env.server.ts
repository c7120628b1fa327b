import { dirname } from "node:path";
import { z } from "zod";
import { isPostgresUrl } from "#db/url";

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A SQLite file, or `postgres://…` / `postgresql://…` for PostgreSQL. */
  DATABASE_URL: z.string().min(1).default("./data/motcua.sqlite"),
  /** Where uploads and the generated session secret live: beside the SQLite file, else `./data`. */
  DATA_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z
    .string()
    .min(32, "SESSION_SECRET must be at least 32 characters")
    .optional(),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  SEED_DEMO: z.enum(["true", "false"]).default("false"),
  /**
   * The site's public address (`https://motcua.muongsai.gov.vn`), printed in QR codes and PDFs and sent
   * to citizens; without it, the address the request came to (which may be an intranet one).
   */
  PUBLIC_URL: z
    .url("PUBLIC_URL must be an absolute http(s) address")
    .refine((v) => /^https?:\/\//.test(v), "PUBLIC_URL must start with http:// or https://")
    .transform((v) => new URL(v).origin)
    .optional(),
  /** Public submissions allowed per client address per hour (feedback form). */
  FEEDBACK_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(5),
});

export type Env = z.infer<typeof EnvSchema>;

let parsed: Env | undefined;

/** The environment, parsed once; a malformed variable stops the server with a clear message. */
export function getEnv(): Env {
  if (parsed) return parsed;
  const result = EnvSchema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  parsed = result.data;
  return parsed;
}

/** The folder for uploads and the generated session secret (never served by the web server). */
export function dataDir(env: Env = getEnv()): string {
  if (env.DATA_DIR) return env.DATA_DIR;
  return isPostgresUrl(env.DATABASE_URL) ? "./data" : dirname(env.DATABASE_URL);
}

export function isCookieSecure(env: Env = getEnv()): boolean {
  if (env.COOKIE_SECURE) return env.COOKIE_SECURE === "true";
  return env.NODE_ENV === "production";
}

/** The origin printed in QR codes and PDFs and sent to citizens: `PUBLIC_URL`, else the request's own. */
export function publicOrigin(request: Request, env: Env = getEnv()): string {
  return env.PUBLIC_URL ?? new URL(request.url).origin;
}
