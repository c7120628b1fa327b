import { describe, expect, it } from "vitest";
import { acknowledgementText, answerText } from "~/domain/feedback/messages";

const input = { unitName: "UBND xã Mường Sai", code: "ABCD-EFGH-JKMN", statusUrl: "https://motcua.example.vn/feedback/ABCD-EFGH-JKMN" };

describe("messages to citizens", () => {
  it.each([
    ["feedback", "phản ánh"],
    ["recommendation", "kiến nghị"],
    ["complaint", "đơn khiếu nại"],
    ["compliment", "ý kiến"],
  ] as const)("name a %s as %s, with the code and the status link", (kind, word) => {
    expect(acknowledgementText({ ...input, kind })).toBe(
      `UBND xã Mường Sai đã nhận ${word} của ông/bà, mã theo dõi ABCD-EFGH-JKMN. Tra cứu: https://motcua.example.vn/feedback/ABCD-EFGH-JKMN`,
    );
    expect(answerText({ ...input, kind })).toBe(
      `UBND xã Mường Sai đã trả lời ${word} mã ABCD-EFGH-JKMN của ông/bà. Xem nội dung trả lời: https://motcua.example.vn/feedback/ABCD-EFGH-JKMN`,
    );
  });
});
