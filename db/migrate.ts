import { Migrator, type Kysely, type MigrationResult } from "kysely";
import type { Database } from "./schema";
import { migrations } from "./migrations/index";

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // 0014 landed before 0013 on some databases: a missing earlier migration runs when it arrives.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`Migration ${failed?.migrationName ?? "?"} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return results ?? [];
}
