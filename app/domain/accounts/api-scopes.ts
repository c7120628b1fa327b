import { z } from "zod";
import { m } from "~/domain/shared/fields";

/**
 * What an integration key may be used for: the online public-service portal's dossier API, or the
 * Open311 endpoint of a field-reporting app. A key gets only what its client needs, so a leaked
 * Open311 key cannot file dossiers.
 */
export const API_SCOPES = ["dossiers", "open311"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const ApiScopesSchema = z.array(z.enum(API_SCOPES), m("apiClients.error.noScope")).min(1, m("apiClients.error.noScope"));

/** The stored list, keeping only known scopes (a hand-edited row never grants more). */
export function parseStoredScopes(json: string): ApiScope[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? API_SCOPES.filter((s) => value.includes(s)) : [];
  } catch {
    return [];
  }
}
