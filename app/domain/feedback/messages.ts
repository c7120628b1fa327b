import type { FeedbackKind } from "./feedback";

/** The texts sent to citizens (Vietnamese: they go to the citizen, whatever the staff's language). */
const KIND_NAMES: Record<FeedbackKind, string> = {
  feedback: "phản ánh",
  recommendation: "kiến nghị",
  complaint: "đơn khiếu nại",
  compliment: "ý kiến",
};

export function acknowledgementText(input: { unitName: string; kind: FeedbackKind; code: string; statusUrl: string }): string {
  return `${input.unitName} đã nhận ${KIND_NAMES[input.kind]} của ông/bà, mã theo dõi ${input.code}. Tra cứu: ${input.statusUrl}`;
}

export function answerText(input: { unitName: string; kind: FeedbackKind; code: string; statusUrl: string }): string {
  return `${input.unitName} đã trả lời ${KIND_NAMES[input.kind]} mã ${input.code} của ông/bà. Xem nội dung trả lời: ${input.statusUrl}`;
}
