import type { z } from "zod";
import { isMessageKey, translator, type Language } from "~/i18n";

/** A JSON error body with field paths, each message translated and its catalogue key kept as `code`. */
export function jsonValidationError(error: z.ZodError, language: Language, status = 400): Response {
  const t = translator(language);
  return Response.json(
    {
      error: "validation_failed",
      issues: error.issues.map((issue) => ({
        path: issue.path.join("."),
        code: isMessageKey(issue.message) ? issue.message : "error.invalid",
        message: t(isMessageKey(issue.message) ? issue.message : "error.invalid"),
      })),
    },
    { status },
  );
}

export function jsonError(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status });
}
