import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
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
  // The demo seed runs before the server listens: ~10 s on SQLite, ~20 s on PostgreSQL, more on a busy machine.
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

interface RunningServer {
  baseURL: string;
  stop: () => Promise<void>;
}

/** Starts the built app on a free port with `env` (a fresh database, demo data) and waits until it answers. */
async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  let output = "";
  const server = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      SESSION_SECRET: randomBytes(32).toString("hex"),
      SEED_DEMO: "true",
      // Every browser test files from 127.0.0.1; the limit itself is tested on its own server.
      FEEDBACK_LIMIT_PER_HOUR: "50",
      ...env,
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
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, server, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL: `http://localhost:${port}`, stop };
}

/**
 * Starts the built app twice, each with a fresh database and the demo: on SQLite (every e2e test) and
 * on PostgreSQL (the smoke in postgres.test.ts: a database of its own, dropped afterwards). Both
 * start at once; the PostgreSQL seed is the slower.
 */
export default async function setup(project: TestProject) {
  if (!existsSync("build/server/index.js")) {
    throw new Error("No build found: run `npm run build` before the e2e tests (npm test does).");
  }
  const dataDir = mkdtempSync(join(tmpdir(), "motcua-e2e-"));
  const pgDataDir = mkdtempSync(join(tmpdir(), "motcua-e2e-pg-"));
  const pgDatabase = `${runPrefix()}_e2e`;
  adminSql(createDatabaseSql(pgDatabase));
  const started = await Promise.allSettled([
    startServer({ DATABASE_URL: join(dataDir, "e2e.sqlite") }),
    startServer({ DATABASE_URL: pgUrlOf(pgDatabase), DATA_DIR: pgDataDir }),
  ]);
  const teardown = async () => {
    for (const s of started) if (s.status === "fulfilled") await s.value.stop();
    adminSql(dropDatabaseSql(pgDatabase));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(pgDataDir, { recursive: true, force: true });
  };
  const [sqlite, postgres] = started;
  if (sqlite.status === "rejected" || postgres.status === "rejected") {
    await teardown();
    throw sqlite.status === "rejected" ? sqlite.reason : (postgres as PromiseRejectedResult).reason;
  }
  project.provide("baseURL", sqlite.value.baseURL);
  project.provide("pgBaseURL", postgres.value.baseURL);
  return teardown;
}
