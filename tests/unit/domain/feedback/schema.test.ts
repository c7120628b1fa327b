import { describe, expect, it } from "vitest";
import { PublicFeedbackSchema, RatingSchema, StaffFeedbackActionSchema } from "~/domain/feedback/schema";

/** The issues of a failed parse as `path: message`, or [] when it passed. */
function issuesOf(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }) {
  if (result.success || !result.error) return [];
  return result.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).sort();
}

const ANONYMOUS_FEEDBACK = {
  kind: "feedback",
  subject: "Bảng niêm yết thủ tục bị mờ",
  description: "Bảng niêm yết ở bộ phận một cửa đã mờ chữ, khó đọc.",
  consent: "on",
};

const COMPLAINT = {
  kind: "complaint",
  subject: "Khiếu nại quyết định từ chối hồ sơ",
  description: "Tôi không đồng ý với việc từ chối hồ sơ đăng ký hộ tịch.",
  name: "Lò Văn Pằng",
  address: "Bản Nà Sài, xã Mường Sai, tỉnh Sơn La",
  idNumber: "014095001234",
  phone: "0912345678",
  consent: "on",
};

describe("PublicFeedbackSchema", () => {
  it.each(["feedback", "recommendation", "compliment"])("accepts an anonymous %s", (kind) => {
    const result = PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, kind });
    expect(issuesOf(result)).toEqual([]);
    expect(result.data).toMatchObject({ kind, subject: ANONYMOUS_FEEDBACK.subject });
  });

  it("accepts a complaint that identifies the complainant, with a phone or with an email", () => {
    expect(issuesOf(PublicFeedbackSchema.safeParse(COMPLAINT))).toEqual([]);
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...COMPLAINT, phone: undefined, email: "pang@example.vn" }))).toEqual([]);
  });

  it("refuses a complaint without name, address and identity number, on each field", () => {
    const result = PublicFeedbackSchema.safeParse({ ...COMPLAINT, name: undefined, address: undefined, idNumber: undefined });
    expect(issuesOf(result)).toEqual([
      "address: error.complaintNeedsIdentity",
      "idNumber: error.complaintNeedsIdentity",
      "name: error.complaintNeedsIdentity",
    ]);
  });

  it.each(["name", "address", "idNumber"] as const)("refuses a complaint missing only its %s", (field) => {
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...COMPLAINT, [field]: undefined }))).toEqual([`${field}: error.complaintNeedsIdentity`]);
  });

  it("refuses blank identity fields (spaces only) on a complaint", () => {
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...COMPLAINT, name: "   ", address: " " }))).toEqual([
      "address: error.complaintNeedsIdentity",
      "name: error.complaintNeedsIdentity",
    ]);
  });

  it("refuses a complaint without phone and email", () => {
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...COMPLAINT, phone: undefined, email: undefined }))).toEqual([
      "phone: error.complaintNeedsContact",
    ]);
  });

  it("refuses a submission without consent", () => {
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, consent: undefined }))).toEqual(["consent: error.consentRequired"]);
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, consent: "off" }))).toEqual(["consent: error.consentRequired"]);
  });

  it("refuses a filled honeypot as spam", () => {
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, website: "http://spam.example" }))).toEqual([
      "website: error.spamDetected",
    ]);
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, website: "x" }))).toEqual(["website: error.spamDetected"]);
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, website: "" }))).toEqual([]);
  });

  it.each([
    ["phone", "12345", "phone: error.phone"],
    ["phone", "0112345678", "phone: error.phone"],
    ["idNumber", "01409500123", "idNumber: error.citizenId"],
    ["idNumber", "01409500123A", "idNumber: error.citizenId"],
    ["dossierCode", "not-a-code", "dossierCode: error.dossierCode"],
    ["dossierCode", "000.00.00.H53-2403-0001", "dossierCode: error.dossierCode"],
    ["email", "not-an-email", "email: error.invalidEmail"],
    ["kind", "denunciation", "kind: "],
  ])("refuses %s %j with its key", (field, value, expected) => {
    const issues = issuesOf(PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, [field]: value }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.startsWith(expected)).toBe(true);
  });

  it("normalises a phone number written with spaces and dots", () => {
    expect(PublicFeedbackSchema.parse({ ...COMPLAINT, phone: "0912 345.678" }).phone).toBe("0912345678");
    expect(PublicFeedbackSchema.parse({ ...COMPLAINT, phone: "+84 912 345 678" }).phone).toBe("+84912345678");
  });

  it("accepts a valid related dossier code", () => {
    expect(PublicFeedbackSchema.parse({ ...ANONYMOUS_FEEDBACK, dossierCode: " 000.00.00.H53-240305-0001 " }).dossierCode).toBe(
      "000.00.00.H53-240305-0001",
    );
  });

  it("takes a description of 4,000 characters and refuses 4,001", () => {
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, description: "ă".repeat(4000) }))).toEqual([]);
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, description: "ă".repeat(4001) }))).toEqual([
      "description: error.tooLong",
    ]);
  });

  it("requires a subject and a description", () => {
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, subject: "  ", description: undefined }))).toEqual([
      "description: error.required",
      "subject: error.required",
    ]);
    expect(issuesOf(PublicFeedbackSchema.safeParse({ ...ANONYMOUS_FEEDBACK, subject: "x".repeat(201) }))).toEqual(["subject: error.tooLong"]);
  });
});

describe("RatingSchema", () => {
  const VALID = { code: "000.00.00.H53-240305-0001", rating: "satisfied", phoneLast4: "5678" };

  it("accepts a rating with an optional comment", () => {
    expect(RatingSchema.parse(VALID)).toEqual({ ...VALID, comment: undefined });
    expect(RatingSchema.parse({ ...VALID, comment: " Nhanh gọn ", phoneLast4: " 5678 " })).toEqual({ ...VALID, comment: "Nhanh gọn" });
  });

  it.each([
    ["phoneLast4", "567", "phoneLast4: error.phoneLast4"],
    ["phoneLast4", "56789", "phoneLast4: error.phoneLast4"],
    ["phoneLast4", "abcd", "phoneLast4: error.phoneLast4"],
    ["phoneLast4", undefined, "phoneLast4: error.required"],
    ["rating", "excellent", "rating: error.required"],
    ["rating", undefined, "rating: error.required"],
    ["code", "ABC", "code: error.dossierCode"],
    ["comment", "x".repeat(1001), "comment: error.tooLong"],
  ])("refuses %s %j", (field, value, expected) => {
    expect(issuesOf(RatingSchema.safeParse({ ...VALID, [field]: value }))).toEqual([expected]);
  });
});

describe("StaffFeedbackActionSchema", () => {
  it.each([
    [{ op: "accept" }, { op: "accept", complex: false }],
    [{ op: "accept", complex: true }, { op: "accept", complex: true }],
    [{ op: "assign", assigneeUserId: "7" }, { op: "assign", assigneeUserId: 7 }],
    [{ op: "answer", answer: "  Đã khắc phục.  " }, { op: "answer", answer: "Đã khắc phục.", upheld: false }],
    [{ op: "answer", answer: "Khiếu nại đúng.", upheld: true }, { op: "answer", answer: "Khiếu nại đúng.", upheld: true }],
    [{ op: "hide", reason: "duplicate", duplicateOf: "ABCD-EFGH-JKMN" }, { op: "hide", reason: "duplicate", duplicateOf: "ABCD-EFGH-JKMN" }],
    [{ op: "unhide" }, { op: "unhide" }],
  ])("reads %j", (input, parsed) => {
    expect(StaffFeedbackActionSchema.parse(input)).toEqual(parsed);
  });

  it.each([
    ["an unknown op", { op: "delete" }],
    ["a refusal without reason", { op: "not_accept", reason: " " }],
    ["a forward without agency", { op: "forward" }],
    ["an assignment to no one", { op: "assign", assigneeUserId: "0" }],
    ["an empty answer", { op: "answer", answer: "" }],
    ["an empty note", { op: "note", note: "" }],
    ["hiding for another reason", { op: "hide", reason: "rude" }],
    ["citizen_reply, which staff cannot do", { op: "citizen_reply" }],
  ])("refuses %s", (_name, input) => {
    expect(StaffFeedbackActionSchema.safeParse(input).success).toBe(false);
  });
});
