import { sql, type Kysely } from "kysely";
import { dialectOf } from "./portable";

/*
 * What each integration key may be used for: the portal's dossier API (`dossiers`) and/or the
 * Open311 endpoint (`open311`). Keys made before this migration keep both, as they could until now.
 * PostgreSQL has no `json_valid`: text that is not JSON fails the cast (an error, as a CHECK is).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("api_client")
    .addColumn("scopes_json", "text", (c) =>
      c
        .notNull()
        .defaultTo('["dossiers","open311"]')
        .check(
          dialectOf(db) === "postgres"
            ? sql`json_typeof(cast(scopes_json as json)) = 'array'`
            : sql`json_valid(scopes_json) and json_type(scopes_json) = 'array'`,
        ),
    )
    .execute();
}
