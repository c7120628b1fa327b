import { describe, expect, it } from "vitest";
import { ApiScopesSchema, parseStoredScopes } from "~/domain/accounts/api-scopes";

describe("API key scopes", () => {
  it("keeps only known scopes from a stored list, in their canonical order", () => {
    expect(parseStoredScopes('["open311","dossiers"]')).toEqual(["dossiers", "open311"]);
    expect(parseStoredScopes('["open311","admin"]')).toEqual(["open311"]);
    expect(parseStoredScopes("not json")).toEqual([]);
    expect(parseStoredScopes('{"dossiers":true}')).toEqual([]);
  });

  it("a key needs at least one use", () => {
    expect(ApiScopesSchema.parse(["dossiers"])).toEqual(["dossiers"]);
    expect(ApiScopesSchema.safeParse([]).error?.issues[0]?.message).toBe("apiClients.error.noScope");
    expect(ApiScopesSchema.safeParse(["everything"]).success).toBe(false);
  });
});
