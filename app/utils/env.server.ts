import { dirname } from "node:path";
import { isIP } from "node:net";
import { z } from "zod";
import { parseAddressList } from "~/domain/feedback/submission-limit";
import { isPostgresUrl } from "#db/url";

const limit = (fallback: number) => z.coerce.number().int().min(1).max(100_000).default(fallback);

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
  /** Whether this process runs the background jobs (app/jobs/index.server.ts); a web-only process sets false. */
  JOBS_ENABLED: z.enum(["true", "false"]).default("true"),
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
  FEEDBACK_LIMIT_PER_HOUR: limit(5),
  /**
   * The commune's own kiosks and desk computers, as the app sees their addresses (behind TRUST_PROXY):
   * separated by commas. Their feedback allowance is KIOSK_FEEDBACK_LIMIT_PER_HOUR (decision 0019).
   */
  KIOSK_ADDRESSES: z
    .string()
    .default("")
    .refine((v) => parseAddressList(v).every((a) => isIP(a) !== 0), "KIOSK_ADDRESSES must be IP addresses separated by commas"),
  KIOSK_FEEDBACK_LIMIT_PER_HOUR: limit(60),
  /** Rate limits of the other public endpoints, per client address (see app/utils/rate-limit.server.ts). */
  LOOKUP_LIMIT_PER_MINUTE: limit(30),
  RATING_LIMIT_PER_HOUR: limit(10),
  RATING_FAILURES_PER_DOSSIER_PER_DAY: limit(5),
  OPEN311_LIMIT_PER_MINUTE: limit(60),
  VERIFY_LIMIT_PER_MINUTE: limit(10),
  REPORTS_LIMIT_PER_MINUTE: limit(10),
  LOGIN_LIMIT_PER_MINUTE: limit(20),
  /** Current-password checks per account per hour (changing one's own password). */
  PASSWORD_CHECK_LIMIT_PER_HOUR: limit(10),
  /** A staff session unused for this many minutes ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(12 * 60).default(30),
  /** Days after a record is closed before its personal data is erased (app/domain/shared/retention.ts). */
  RETENTION_DOSSIER_DAYS: z.coerce.number().int().min(30).max(36_500).default(1825),
  RETENTION_FEEDBACK_DAYS: z.coerce.number().int().min(30).max(36_500).default(1095),
  RETENTION_ATTACHMENT_DAYS: z.coerce.number().int().min(30).max(36_500).default(365),
  // Issue 16: outbox delivery. Without them the messages stay queued.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().min(3).optional(),
  SMS_GATEWAY_URL: z.url("SMS_GATEWAY_URL must be an absolute address").optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  /** JSON body with {to} and {text} placeholders. */
  SMS_GATEWAY_TEMPLATE: z
    .string()
    .refine((v) => { try { JSON.parse(v.replaceAll("{to}", "x").replaceAll("{text}", "x")); return true; } catch { return false; } }, "SMS_GATEWAY_TEMPLATE must be JSON with {to} and {text}")
    .default('{"to":"{to}","text":"{text}"}'),
}).superRefine((env, ctx) => {
  // A PDF locked with an intranet or localhost address in its QR code can never be mended.
  if (env.NODE_ENV === "production" && !env.PUBLIC_URL) {
    ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "PUBLIC_URL is required in production (the address printed in QR codes, PDFs and messages)" });
  }
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

/** The retention periods, per record kind, in days. */
export function retentionSettings(env: Env = getEnv()) {
  return { dossier: env.RETENTION_DOSSIER_DAYS, feedback: env.RETENTION_FEEDBACK_DAYS, attachment: env.RETENTION_ATTACHMENT_DAYS };
}
