import { z } from "zod";
import { BusinessDateSchema, m, requiredText } from "~/domain/shared/fields";
import { CalendarExceptionKindSchema } from "./working-calendar";

export const CalendarDayFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    date: BusinessDateSchema,
    kind: CalendarExceptionKindSchema,
    name: requiredText(120),
  }),
  z.object({ intent: z.literal("delete"), date: BusinessDateSchema }),
]);

export const CalendarYearSchema = z.object({
  year: z.coerce.number(m("error.invalid")).int().min(2000).max(2100).optional().catch(undefined),
});
