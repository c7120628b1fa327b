import type { Migration } from "kysely";
import * as m0001 from "./0001-foundation";

/** The fixed, ordered migration list (no folder scan, so the bundled server finds them). */
export const migrations: Record<string, Migration> = {
  "0001-foundation": m0001,
};
