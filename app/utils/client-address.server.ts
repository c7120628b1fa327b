import { createHmac } from "node:crypto";
import { getSessionSecret } from "./session-secret.server";

/** A keyed hash of the client's address: enough to rate-limit, not a record of who wrote. */
export function hashClientAddress(address: string): string {
  return createHmac("sha256", getSessionSecret()).update(address).digest("hex");
}
