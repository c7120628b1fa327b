import { describe, expect, it } from "vitest";
import { describeChanges, fieldLabelKey } from "~/domain/audit-log/changes";
import { valueLabelKey } from "~/domain/audit-log/value-labels";
import { en } from "~/i18n/en";
import { vi } from "~/i18n/vi";
import { getFeedbackDetail } from "~/models/feedback.server";
import { erasePersonalDataPastRetention } from "~/models/retention.server";
import { seededDemo } from "../../setup/seeded-demo";

/*
 * What the seeded demo must hold. Issue 17: the demo's complaints exercise the filing clocks (in time,
 * filed late and flagged, second instance). Issue 16: every entity, action, field and coded value the
 * demo writes to the audit log reads in words in both languages.
 */

const NOW = new Date("2026-12-01T03:00:00Z");
const demo = seededDemo(NOW);

describe("demo complaints", () => {
  it("carry the day the complainant learnt of the decision, one of four is second-instance, and some were filed late", async () => {
    const rows = await demo.db.selectFrom("feedback_item").select(["code", "complaint_instance", "knew_on"]).where("unit_id", "=", demo.unitId).where("kind", "=", "complaint").execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.knew_on !== null)).toBe(true);
    expect(rows.some((r) => r.complaint_instance === "second")).toBe(true);
    const filing = await Promise.all(
      rows.map(async (r) => ({ instance: r.complaint_instance, clock: (await getFeedbackDetail(demo.db, demo.unitId, r.code))?.clocks.find((c) => c.key === "complaintFiling") })),
    );
    expect(filing.every((f) => f.clock !== undefined)).toBe(true);
    expect(filing.some((f) => f.clock?.late === true)).toBe(true);
    expect(filing.some((f) => f.clock?.late === false && f.instance === "first")).toBe(true);
    expect(filing.some((f) => f.clock?.late === false && f.instance === "second")).toBe(true);
  }, 60_000);
});

describe("the demo's audit log", () => {
  const translated = (key: string) => key in vi && key in en;

  it("names every kind of record and every action in both languages", async () => {
    const rows = await demo.db.selectFrom("audit_log").select(["entity_type", "action"]).distinct().execute();
    expect(rows.length).toBeGreaterThan(20);
    const untranslated = {
      entities: [...new Set(rows.map((r) => r.entity_type))].filter((e) => !translated(`audit.entity.${e}`)),
      actions: [...new Set(rows.map((r) => r.action))].filter((a) => !translated(`audit.action.${a}`)),
    };
    expect(untranslated).toEqual({ entities: [], actions: [] });
  });

  it("labels every changed field and every coded value in both languages, the housekeeping's rows too", async () => {
    // What the server's retention job writes once it runs on the demo (five years after 2021).
    await erasePersonalDataPastRetention(demo.db, { dossier: 1825, feedback: 1825, attachment: 1825 }, NOW);
    const rows = await demo.db.selectFrom("audit_log").select(["entity_type", "before_json", "after_json"]).execute();
    const unlabelled = new Set<string>();
    const uncoded = new Set<string>();
    for (const row of rows) {
      const before: unknown = row.before_json === null ? null : JSON.parse(row.before_json);
      const after: unknown = row.after_json === null ? null : JSON.parse(row.after_json);
      for (const change of describeChanges(before, after)) {
        if (change.field && !translated(fieldLabelKey(change.field))) unlabelled.add(fieldLabelKey(change.field));
        for (const value of [change.before, change.after]) {
          const key = valueLabelKey(row.entity_type, change.field, value);
          if (key && !translated(key)) uncoded.add(key);
        }
      }
    }
    expect({ fields: [...unlabelled].sort(), values: [...uncoded].sort() }).toEqual({ fields: [], values: [] });
  });
});
