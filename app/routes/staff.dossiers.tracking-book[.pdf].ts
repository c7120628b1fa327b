import type { LoaderFunctionArgs } from "@remix-run/node";
import { toWebStream } from "#reports/toolkit";
import { TrackingBookQuerySchema } from "~/domain/dossiers/tracking-book";
import { translator, type MessageKey } from "~/i18n";
import { getLanguage } from "~/i18n/language.server";
import { buildTrackingBookReport } from "~/models/tracking-book.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";

/**
 * The dossier tracking book as PDF: `/staff/dossiers/tracking-book.pdf?from=YYYY-MM-DD&to=YYYY-MM-DD[&field=…]`
 * (Mẫu 06 of Circular 01/2018, Mẫu 07 of Circular 03/2025; one section per rule set in the period).
 * A bad query is answered 400 with the reasons in the reader's language.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/dossiers"));
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = TrackingBookQuerySchema.safeParse(params);
  const t = translator(await getLanguage(request));
  if (!parsed.success) {
    const missing = !params.from || !params.to;
    const reasons = missing
      ? [t("trackingBook.error.required")]
      : parsed.error.issues.map((i) => `${i.path.join(".")}: ${(t(i.message as MessageKey) as string | undefined) ?? t("error.invalid")}`);
    return new Response(`${t("trackingBook.error.title")}\n${reasons.join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const { from, to, field } = parsed.data;
  const report = await buildTrackingBookReport(getDb(), {
    unitId: user.unitId,
    from,
    to,
    field,
    fieldName: field ? t(`procedureField.${field}`) : null,
    issuedAt: new Date(),
  });
  return new Response(toWebStream(report), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="so-theo-doi-ho-so-${from}-${to}${field ? `-${field}` : ""}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
