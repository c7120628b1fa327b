import { openDatabase, type Db } from "#db/client";
import { getEnv } from "./env.server";

let instance: Db | undefined;

/** The app's database, opened on first use from DATABASE_URL. Tests pass their own `db` to models. */
export function getDb(): Db {
  instance ??= openDatabase(getEnv().DATABASE_URL);
  return instance;
}
