import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "#db/client";
import { adminSql, createDatabaseSql, dropDatabaseSql, pgUrlOf, runPrefix } from "./pg-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    /** The same app on PostgreSQL. */
    pgBaseURL: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Server exited early:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Server did not become healthy:\n${output()}`);
}

/** Limits high enough for a whole suite run from one address. */
export const GENEROUS_LIMITS = {
  FEEDBACK_LIMIT_PER_HOUR: "50",
  LOOKUP_LIMIT_PER_MINUTE: "10000",
  RATING_LIMIT_PER_HOUR: "10000",
  OPEN311_LIMIT_PER_MINUTE: "10000",
  VERIFY_LIMIT_PER_MINUTE: "10000",
  REPORTS_LIMIT_PER_MINUTE: "10000",
  LOGIN_LIMIT_PER_MINUTE: "10000",
  PASSWORD_CHECK_LIMIT_PER_HOUR: "10000",
};

export interface RunningServer {
  baseURL: string;
  port: number;
  dataDir: string;
  /** The SQLite file, or the PostgreSQL URL when `env` gives one. */
  databaseUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the built app (`node server.js`, production) on a free port with a fresh data folder and,
 * unless `env` names another `DATABASE_URL`, a fresh SQLite file in it; waits until it answers.
 */
export async function startServer(env: Record<string, string | undefined>): Promise<RunningServer> {
  if (!existsSync("build/server/index.js")) {
    throw new Error("No build found: run `npm run build` before the e2e tests (npm test does).");
  }
  const dataDir = mkdtempSync(join(tmpdir(), "motcua-e2e-"));
  const port = await freePort();
  const databaseUrl = env.DATABASE_URL ?? join(dataDir, "e2e.sqlite");
  let output = "";
  const server = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      SESSION_SECRET: randomBytes(32).toString("hex"),
      PUBLIC_URL: `http://localhost:${port}`,
      ...env,
      DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, server, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL: `http://localhost:${port}`, port, dataDir, databaseUrl, output: () => output, stop };
}

/** The demo accounts must change the public password at first sign-in (tested in security.test.ts); the other tests sign in as if that had been done. */
async function markDemoPasswordsChanged(databaseUrl: string) {
  const db = openDatabase(databaseUrl);
  try {
    await db.updateTable("user").set({ must_change_password: 0 }).execute();
  } finally {
    await db.destroy();
  }
}

/**
 * Starts the built app twice, each with a fresh database and the demo: on SQLite (every e2e test) and
 * on PostgreSQL (the smoke in postgres.test.ts: a database of its own, dropped afterwards). Both
 * start at once; the PostgreSQL seed is the slower. Every browser test comes from 127.0.0.1: the
 * limits themselves are tested on servers of their own.
 */
export default async function setup(project: TestProject) {
  const pgDatabase = `${runPrefix()}_e2e`;
  adminSql(createDatabaseSql(pgDatabase));
  const started = await Promise.allSettled([
    startServer({ SEED_DEMO: "true", ...GENEROUS_LIMITS }),
    startServer({ SEED_DEMO: "true", ...GENEROUS_LIMITS, DATABASE_URL: pgUrlOf(pgDatabase) }),
  ]);
  const teardown = async () => {
    for (const s of started) if (s.status === "fulfilled") await s.value.stop();
    adminSql(dropDatabaseSql(pgDatabase));
  };
  const [sqlite, postgres] = started;
  if (sqlite.status === "rejected" || postgres.status === "rejected") {
    await teardown();
    throw sqlite.status === "rejected" ? sqlite.reason : (postgres as PromiseRejectedResult).reason;
  }
  await markDemoPasswordsChanged(sqlite.value.databaseUrl);
  await markDemoPasswordsChanged(postgres.value.databaseUrl);
  project.provide("baseURL", sqlite.value.baseURL);
  project.provide("pgBaseURL", postgres.value.baseURL);
  return teardown;
}
