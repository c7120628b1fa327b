import { describe, expect, test } from "vitest";
import { ONLINE_SERVICE_LEVELS, PROCEDURE_FIELDS, type ProcedureField } from "../../../app/domain/procedures/procedure";
import { ProcedureFormSchema } from "../../../app/domain/procedures/schema";
import { PROCEDURE_CATALOGUE } from "../../../db/seed/procedures-catalogue";

const byName = (fragment: string) => PROCEDURE_CATALOGUE.filter((p) => p.name.toLowerCase().includes(fragment));

describe("the seed procedures catalogue", () => {
  test("has at least 30 procedures", () => {
    expect(PROCEDURE_CATALOGUE.length).toBeGreaterThanOrEqual(30);
  });

  test("codes have the national database's format and are unique", () => {
    const codes = PROCEDURE_CATALOGUE.map((p) => p.code);
    for (const code of codes) expect(code).toMatch(/^\d\.\d{6}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test("names are unique", () => {
    const names = PROCEDURE_CATALOGUE.map((p) => p.name.trim().toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  test("every field is used (\"other\" may be left out)", () => {
    const used = new Set(PROCEDURE_CATALOGUE.map((p) => p.field));
    for (const field of PROCEDURE_FIELDS) {
      if (field !== "other") expect(used, field).toContain(field);
    }
  });

  test("at least three fields have four or more procedures", () => {
    const counts = new Map<ProcedureField, number>();
    for (const p of PROCEDURE_CATALOGUE) counts.set(p.field, (counts.get(p.field) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n >= 4).length).toBeGreaterThanOrEqual(3);
  });

  test.each(PROCEDURE_CATALOGUE.map((p) => [p.code, p] as const))("%s is well formed", (_code, p) => {
    expect(PROCEDURE_FIELDS).toContain(p.field);
    expect(ONLINE_SERVICE_LEVELS).toContain(p.onlineService);
    expect(p.name.trim()).not.toBe("");

    expect(Number.isInteger(p.processingDays)).toBe(true);
    expect(p.processingDays).toBeGreaterThanOrEqual(0);
    expect(p.processingDays).toBeLessThanOrEqual(60);

    if (p.feeVnd !== null) {
      expect(Number.isInteger(p.feeVnd)).toBe(true);
      expect(p.feeVnd).toBeGreaterThan(0);
    } else {
      // A missing amount must say why: exempt, no fee, or set by the province.
      expect(p.feeNote?.trim()).toBeTruthy();
    }

    expect(p.requiredDocuments.length).toBeGreaterThanOrEqual(1);
    for (const doc of p.requiredDocuments) expect(doc.trim()).not.toBe("");
    expect(p.result.trim()).not.toBe("");
    expect(p.legalBasis.length).toBeGreaterThanOrEqual(1);
    for (const basis of p.legalBasis) expect(basis.trim()).not.toBe("");
  });

  test.each(PROCEDURE_CATALOGUE.map((p) => [p.code, p] as const))(
    "%s can be opened and saved in the procedure editor unchanged",
    (_code, p) => {
      const parsed = ProcedureFormSchema.safeParse({
        code: p.code,
        name: p.name,
        field: p.field,
        processingDays: String(p.processingDays),
        processingNote: p.processingNote ?? "",
        feeVnd: p.feeVnd === null ? undefined : String(p.feeVnd),
        feeNote: p.feeNote ?? "",
        onlineService: p.onlineService,
        requiredDocuments: p.requiredDocuments.join("\n"),
        result: p.result,
        legalBasis: p.legalBasis.join("\n"),
        isActive: true,
      });
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data?.requiredDocuments).toEqual(p.requiredDocuments);
      expect(parsed.data?.legalBasis).toEqual(p.legalBasis);
    },
  );

  test("contains the core procedures of the desk", () => {
    expect(byName("khai sinh").length).toBeGreaterThanOrEqual(1);
    expect(byName("kết hôn").length).toBeGreaterThanOrEqual(1);
    expect(byName("khai tử").length).toBeGreaterThanOrEqual(1);
    expect(byName("bản sao từ bản chính").length).toBeGreaterThanOrEqual(1);
  });

  test("birth, marriage and death registration are same-day and free, copy certification is charged per page", () => {
    const expectations = [
      ["1.001193", "khai sinh"],
      ["1.000894", "kết hôn"],
      ["1.000656", "khai tử"],
    ] as const;
    for (const [code, word] of expectations) {
      const p = PROCEDURE_CATALOGUE.find((x) => x.code === code);
      expect(p?.name.toLowerCase()).toContain(word);
      expect(p?.processingDays).toBe(0);
      expect(p?.feeVnd).toBeNull();
      expect(p?.feeNote).toMatch(/Miễn lệ phí/);
    }
    const copy = byName("bản sao từ bản chính")[0];
    expect(copy?.field).toBe("justice");
    expect(copy?.feeVnd).toBe(2000);
    expect(copy?.feeNote).toMatch(/200\.000/);
  });
});
