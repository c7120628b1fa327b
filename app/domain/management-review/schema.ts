import { z } from "zod";
import { BusinessDateSchema, m, optionalText, requiredText } from "~/domain/shared/fields";
import { DECISION_CATEGORIES } from "./review";

const userId = z.coerce.number(m("error.required")).int(m("error.required")).positive(m("error.required"));

/** Planning a review (QT-05 step 1); that the chair holds the leader role is checked on the server. */
export const NewReviewSchema = z
  .object({
    periodFrom: BusinessDateSchema,
    periodTo: BusinessDateSchema,
    meetingDate: BusinessDateSchema,
    location: requiredText(300),
    chairUserId: userId,
    attendees: requiredText(4000),
  })
  .superRefine((v, ctx) => {
    // zod runs this even when a date failed its own check: compare only real dates.
    if (![v.periodFrom, v.periodTo, v.meetingDate].every((d) => BusinessDateSchema.safeParse(d).success)) return;
    if (v.periodFrom > v.periodTo) ctx.addIssue({ code: "custom", path: ["periodTo"], message: m("error.dateRange") });
    if (v.meetingDate < v.periodFrom) ctx.addIssue({ code: "custom", path: ["meetingDate"], message: m("review.error.meetingBeforePeriod") });
  });
export type NewReview = z.infer<typeof NewReviewSchema>;

/** The meeting's notes and conclusions, edited while the review is a draft. */
export const ReviewNotesSchema = z.object({
  intent: z.literal("save_notes"),
  attendees: requiredText(4000),
  changesNote: optionalText(4000),
  resourcesNote: optionalText(4000),
  conclusions: optionalText(8000),
});

/** A decision of §9.3.3: every action has its owner and due date (QT-05 §5.4). */
export const DecisionSchema = z.object({
  intent: z.literal("add_decision"),
  category: z.enum(DECISION_CATEGORIES, m("error.required")),
  description: requiredText(1000),
  ownerUserId: userId,
  dueDate: BusinessDateSchema,
});

/** Recording the meeting (QT-05 step 4): the secretary who kept the minutes signs the record with the chair. */
export const RecordReviewSchema = z.object({
  intent: z.literal("record"),
  secretaryName: requiredText(120),
});

/** The review page's forms, told apart by `intent`. */
export const ReviewStepSchema = z.discriminatedUnion("intent", [
  ReviewNotesSchema,
  DecisionSchema,
  z.object({ intent: z.literal("remove_decision"), decisionId: z.coerce.number().int().positive() }),
  /** The secretary signs the record with the chair: picked from the unit's staff or typed (someone from outside). */
  RecordReviewSchema,
]);
export type ReviewStep = z.infer<typeof ReviewStepSchema>;
export type ReviewNotes = Omit<z.infer<typeof ReviewNotesSchema>, "intent">;
export type NewDecision = Omit<z.infer<typeof DecisionSchema>, "intent">;
