import { resolve } from "node:path";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import { matchRoutes } from "@remix-run/react";
import { describe, expect, it } from "vitest";

// The app's own route manifest, read from app/routes the way the Vite plugin reads it, matched
// with the router's own matcher: which module answers which Open311 URL.
const manifest = flatRoutes(resolve("app"));

type Routes = Parameters<typeof matchRoutes>[0];

function childrenOf(parentId: string): Routes {
  return Object.values(manifest)
    .filter((route) => route.parentId === parentId)
    .map((route) => (route.index ? { id: route.id, path: route.path, index: true } : { id: route.id, path: route.path, children: childrenOf(route.id) }));
}

const routes: Routes = [{ id: "root", path: "", children: childrenOf("root") }];

function resolveUrl(pathname: string) {
  const match = matchRoutes(routes, pathname)?.at(-1);
  return { route: match?.route.id, params: match?.params };
}

describe("Open311 URLs reach their route modules", () => {
  it.each([
    ["/open311/v2/discovery.xml", "routes/open311.v2.$resource", { resource: "discovery.xml" }],
    ["/open311/v2/services.json", "routes/open311.v2.$resource", { resource: "services.json" }],
    ["/open311/v2/requests.xml", "routes/open311.v2.$resource", { resource: "requests.xml" }],
    ["/open311/v2/services/feedback.json", "routes/open311.v2.services.$code", { code: "feedback.json" }],
    ["/open311/v2/requests/ABCD-EFGH-JKMN.json", "routes/open311.v2.requests.$id", { id: "ABCD-EFGH-JKMN.json" }],
    ["/open311/v2/tokens/123.xml", "routes/open311.v2.tokens.$token", { token: "123.xml" }],
    ["/open311/v2/services/feedback/extra.json", "routes/open311.v2.$", { "*": "services/feedback/extra.json" }],
  ])("%s → %s", (pathname, route, params) => {
    const resolved = resolveUrl(pathname);
    expect(resolved.route).toBe(route);
    expect(resolved.params).toMatchObject(params);
  });

  it("the route files exist where the manifest says", () => {
    for (const id of ["routes/open311.v2.$resource", "routes/open311.v2.services.$code", "routes/open311.v2.requests.$id", "routes/open311.v2.tokens.$token", "routes/open311.v2.$"]) {
      expect(manifest[id]?.file).toMatch(/^routes\/open311\.v2\..+\.ts$/);
      expect(manifest[id]?.parentId).toBe("root");
    }
  });
});
