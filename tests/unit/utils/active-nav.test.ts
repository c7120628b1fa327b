import { describe, expect, it } from "vitest";
import { activeNavTo, STAFF_NAV } from "~/utils/navigation";

const ALL = STAFF_NAV.map((item) => item.to);

describe("activeNavTo: one highlighted staff nav item", () => {
  it.each([
    ["/staff", ALL, "/staff"],
    ["/staff/", ALL, "/staff"],
    ["/staff/dossiers/new", ALL, "/staff/dossiers/new"],
    ["/staff/dossiers", ALL, "/staff/dossiers"],
    ["/staff/dossiers/000.31.14.H53-260101-0001", ALL, "/staff/dossiers"],
    ["/staff/dossiers/new/", ALL, "/staff/dossiers/new"],
    ["/staff/feedback/PA-1234", ALL, "/staff/feedback"],
    ["/staff/documents/QT-01/revisions", ALL, "/staff/documents"],
    // A prefix of a word is not a parent.
    ["/staff/dossiers-archive", ALL, null],
    ["/staff/audit-log", ALL, "/staff/audit-log"],
    ["/staff/audits/3", ALL, "/staff/audits"],
    // An officer without the intake entry: a dossier page still lights the register.
    ["/staff/dossiers/new", ["/staff", "/staff/dossiers"], "/staff/dossiers"],
    ["/staff/unknown", ALL, null],
    ["/lookup", ALL, null],
  ] as const)("%s → %s", (pathname, targets, expected) => {
    expect(activeNavTo(pathname, targets)).toBe(expected);
  });

  it("never answers two items", () => {
    for (const pathname of ["/staff/dossiers/new", "/staff/dossiers/x", "/staff"]) {
      const active = ALL.filter((to) => activeNavTo(pathname, ALL) === to);
      expect(active.length).toBe(1);
    }
  });
});
