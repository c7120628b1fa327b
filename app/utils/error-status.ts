import type { MessageKey } from "~/i18n";

/** The error page's title and text for a status: one mapping for the page and its `<title>`. */
export function errorPageKeys(status: number): { title: MessageKey; text: MessageKey } {
  switch (status) {
    case 404:
      return { title: "errorPage.notFoundTitle", text: "errorPage.notFound" };
    case 403:
      return { title: "errorPage.forbiddenTitle", text: "errorPage.forbidden" };
    case 400:
      return { title: "errorPage.badRequestTitle", text: "errorPage.badRequest" };
    case 413:
      return { title: "errorPage.tooLargeTitle", text: "errorPage.tooLarge" };
    case 429:
      return { title: "errorPage.tooManyTitle", text: "errorPage.tooMany" };
    default:
      return { title: "errorPage.errorTitle", text: "errorPage.error" };
  }
}

/** The HTTP status of a route error (a thrown Response), 500 for anything else. */
export function errorStatusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status <= 599 ? status : 500;
}
