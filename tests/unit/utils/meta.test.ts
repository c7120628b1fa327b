import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "~/i18n/messages";
import { pageMeta } from "~/utils/meta";

const root = { id: "root", data: { language: "en", unit: { name: "UBND xã Mường Sai" } } };

describe("pageMeta", () => {
  beforeAll(() => loadCatalogue("en"));

  it.each([
    ["no error key (a test's hand-made matches)", undefined, "Audit log · UBND xã Mường Sai"],
    ["error: null (what Remix passes when nothing failed)", null, "Audit log · UBND xã Mường Sai"],
    ["a thrown 404", new Response(null, { status: 404 }), "Page not found · UBND xã Mường Sai"],
    ["anything else thrown", new Error("boom"), "Something went wrong · UBND xã Mường Sai"],
  ])("titles the page with %s", (_, error, title) => {
    const matches = [
      { ...root, error },
      { id: "routes/staff.audit-log", data: {}, error },
    ];
    expect(pageMeta(matches, "audit.title")).toEqual([{ title }]);
  });
});
