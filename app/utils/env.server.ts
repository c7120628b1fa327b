import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("./data/motcua.sqlite"),
  SESSION_SECRET: z
    .string()
    .min(32, "SESSION_SECRET must be at least 32 characters")
    .optional(),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  SEED_DEMO: z.enum(["true", "false"]).default("false"),
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

export function isCookieSecure(env: Env = getEnv()): boolean {
  if (env.COOKIE_SECURE) return env.COOKIE_SECURE === "true";
  return env.NODE_ENV === "production";
}
