import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "#db/client";
import { migrateToLatest } from "#db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    templateDbPath: string;
  }
}

/** Migrates one SQLite file for the whole run; each test file works on its own copy (see test-db.ts). */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "motcua-template-"));
  const path = join(dir, "template.sqlite");
  const db = openDatabase(path);
  try {
    await migrateToLatest(db);
  } finally {
    // Closing the last connection checkpoints the WAL into the main file, so a plain copy is complete.
    await db.destroy();
  }
  project.provide("templateDbPath", path);
  return () => rmSync(dir, { recursive: true, force: true });
}
